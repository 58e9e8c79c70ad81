import type { DB } from 'wx-server-sdk/index';
import { MAX_GROUP_PROPOSALS, type GridGroupFields, type GroupBindingRecord, type GroupProposalRecord } from '../domain/groupChat';
import { docsOf } from './results';
import type { GridRecord } from '../domain/records';

/** A grid with what group binding keeps on it. */
export type GroupGridRecord = GridRecord & GridGroupFields;

type Stats = { stats: { updated: number } };

/**
 * The grid of a card's code (active or retired) and the active grid group `opengid` is bound to,
 * if any: one round trip for both.
 */
export async function gridsForGroupEntry(
  db: DB.Database,
  code: string,
  opengid: string,
): Promise<{ card: GroupGridRecord | null; bound: GroupGridRecord | null }> {
  const _ = db.command;
  const grids = docsOf<GroupGridRecord>(
    await db
      .collection('grids')
      .where(_.or([{ code }, { status: 'active', 'groupBinding.opengid': opengid }]))
      .limit(2)
      .get(),
  );
  return {
    card: grids.find((g) => g.code === code) ?? null,
    bound: grids.find((g) => g.status === 'active' && g.groupBinding?.opengid === opengid) ?? null,
  };
}

/** The active grid group `opengid` is bound to, if any. One round trip. */
export async function gridBoundTo(db: DB.Database, opengid: string): Promise<GroupGridRecord | null> {
  const [grid] = docsOf<GroupGridRecord>(await db.collection('grids').where({ status: 'active', 'groupBinding.opengid': opengid }).limit(1).get());
  return grid ?? null;
}

/**
 * Records a proposal unless the grid meanwhile got a group, already holds one for this group, or
 * (for residents) ignored it or is full: the conditions sit in the update's query, so two people
 * opening from the same group at once record one proposal. Staff proposing un-ignore the group.
 */
export async function addGroupProposal(db: DB.Database, gridId: string, proposal: GroupProposalRecord, asStaff: boolean): Promise<boolean> {
  const _ = db.command;
  const query: Record<string, unknown> = { _id: gridId, status: 'active', groupBinding: null, 'groupProposals.opengid': _.nin([proposal.opengid]) };
  if (!asStaff) {
    query.groupIgnored = _.nin([proposal.opengid]);
    query[`groupProposals.${MAX_GROUP_PROPOSALS - 1}`] = _.exists(false);
  }
  const data: Record<string, unknown> = { groupProposals: _.push([proposal]) };
  if (asStaff) data.groupIgnored = _.pull(proposal.opengid);
  const { stats } = (await db.collection('grids').where(query).update({ data })) as Stats;
  return stats.updated === 1;
}

/** The proposal of `opengid` on a grid, as stored now (after a lost race to record it). One round trip. */
export async function groupProposalOf(db: DB.Database, gridId: string, opengid: string): Promise<GroupProposalRecord | null> {
  const [grid] = docsOf<GridGroupFields>(await db.collection('grids').where({ _id: gridId }).field({ groupProposals: true }).limit(1).get());
  return grid?.groupProposals?.find((p) => p.opengid === opengid) ?? null;
}

/** Binds the group of a pending proposal; the other proposals are moot once the grid has a group. */
export async function bindGroup(db: DB.Database, gridId: string, proposalId: string, binding: GroupBindingRecord): Promise<boolean> {
  const { stats } = (await db
    .collection('grids')
    .where({ _id: gridId, status: 'active', groupBinding: null, 'groupProposals.id': proposalId })
    .update({ data: { groupBinding: db.command.set(binding), groupProposals: [] } })) as Stats;
  return stats.updated === 1;
}

/** Drops a pending proposal and remembers its group as ignored. */
export async function ignoreGroupProposal(db: DB.Database, gridId: string, proposal: GroupProposalRecord): Promise<boolean> {
  const _ = db.command;
  const { stats } = (await db
    .collection('grids')
    .where({ _id: gridId, 'groupProposals.id': proposal.id })
    .update({ data: { groupProposals: _.pull({ id: proposal.id }), groupIgnored: _.addToSet(proposal.opengid) } })) as Stats;
  return stats.updated === 1;
}

/** Unbinds the grid's group (the grid keeps its QR or WeCom join way). */
export async function clearGroupBinding(db: DB.Database, gridId: string): Promise<void> {
  await db.collection('grids').where({ _id: gridId }).update({ data: { groupBinding: null } });
}
