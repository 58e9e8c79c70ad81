import { randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import { GridRef, GroupEnterInput, GroupOpenData, GroupProposalRef, NO_GROUP, type GroupBindingState, type GroupEntry } from '../../types/groupChat';
import { groupBindingState, NO_PENDING_GROUP, pendingProposal, planGroupEntry, type GroupBindingRecord } from '../domain/groupChat';
import { placeOfGrid, reachesAt } from '../domain/permissions';
import { viewerOf } from '../kit/caller';
import { action } from '../kit/action';
import type { Ports } from '../kit/ports';
import { refuse } from '../domain/refusal';
import {
  addGroupProposal,
  bindGroup,
  clearGroupBinding,
  gridBoundTo,
  gridsForGroupEntry,
  groupProposalOf,
  ignoreGroupProposal,
  type GroupGridRecord,
} from '../store/groupBindings';
import { refuseGoneGrid } from '../services/activeGrid';
import { gridForItsStaff } from './groupChat';

const proposed = (id: string, byGridStaff: boolean): GroupEntry => ({ status: 'proposed', proposalId: byGridStaff ? id : null });

/** The group's opengid, as WeChat opens the CloudID for this caller now; never what the event says. */
async function openedGroup(ports: Ports, cloudID: string): Promise<string> {
  const opened = await ports.wx.openData(cloudID).catch(() => null);
  const parsed = z.safeParse(GroupOpenData, opened);
  return parsed.success ? parsed.data.opengid : refuse('INVALID_INPUT', NO_GROUP);
}

/**
 * The app was opened from grid `code`'s card inside a WeChat group; `group` is the CloudID the app
 * sent, as the platform resolved it; the opengid comes from opening that CloudID again.
 */
export const groupEnter = action(GroupEnterInput, async ({ code, group }, ports): Promise<GroupEntry> => {
  const opengid = await openedGroup(ports, group.cloudID);
  const [viewer, { card, bound }] = await Promise.all([viewerOf(ports), gridsForGroupEntry(ports.db, code, opengid)]);
  const byGridStaff = !!card && reachesAt(viewer.staff, placeOfGrid(card), 'grid');
  const plan = planGroupEntry({ opengid, grid: card, groupIsBound: bound !== null, byGridStaff });
  switch (plan.kind) {
    case 'bound':
      return { status: 'bound', grid: { code: bound!.code, name: bound!.name }, here: bound!.code === card?.code };
    case 'gridGone':
      return refuseGoneGrid(ports.db, code, card);
    case 'ignored':
      return { status: 'ignored' };
    case 'pending':
      return proposed(plan.proposal.id, byGridStaff);
    case 'propose': {
      const proposal = { id: randomBytes(8).toString('hex'), opengid, proposedAt: ports.clock.now(), proposedBy: viewer.openid };
      if (await addGroupProposal(ports.db, card!._id, proposal, byGridStaff)) return proposed(proposal.id, byGridStaff);
      // Someone opening from the same group got there first, or the grid changed meanwhile.
      const stored = await groupProposalOf(ports.db, card!._id, opengid);
      return stored ? proposed(stored.id, byGridStaff) : { status: 'ignored' };
    }
  }
});

/** The grid's bound group and pending proposals, for its own chief and workers. */
export const groupBinding = action(GridRef, async ({ code }, ports): Promise<GroupBindingState> => {
  const { grid } = await gridForItsStaff(ports, code);
  return groupBindingState(grid as GroupGridRecord);
});

export const confirmGroup = action(GroupProposalRef, async ({ code, proposalId }, ports): Promise<GroupBindingState> => {
  const { grid, staff } = await gridForItsStaff(ports, code);
  const proposal = pendingProposal(grid as GroupGridRecord, proposalId) ?? refuse('NOT_FOUND', NO_PENDING_GROUP);
  const elsewhere = await gridBoundTo(ports.db, proposal.opengid);
  if (elsewhere) refuse('CONFLICT', `这个微信群已是${elsewhere.name}的网格群`);
  const binding: GroupBindingRecord = { opengid: proposal.opengid, confirmedBy: staff._id, confirmedByName: staff.name, confirmedAt: ports.clock.now() };
  if (!(await bindGroup(ports.db, grid._id, proposalId, binding))) refuse('NOT_FOUND', NO_PENDING_GROUP);
  return groupBindingState({ groupBinding: binding });
});

export const dismissGroup = action(GroupProposalRef, async ({ code, proposalId }, ports): Promise<GroupBindingState> => {
  const { grid } = await gridForItsStaff(ports, code);
  const fields = grid as GroupGridRecord;
  const proposal = pendingProposal(fields, proposalId) ?? refuse('NOT_FOUND', NO_PENDING_GROUP);
  if (!(await ignoreGroupProposal(ports.db, grid._id, proposal))) refuse('NOT_FOUND', NO_PENDING_GROUP);
  return groupBindingState({ ...fields, groupProposals: (fields.groupProposals ?? []).filter((p) => p.id !== proposalId) });
});

export const unbindGroup = action(GridRef, async ({ code }, ports): Promise<GroupBindingState> => {
  const { grid } = await gridForItsStaff(ports, code);
  if (!(grid as GroupGridRecord).groupBinding) refuse('NOT_FOUND', '本网格还没有绑定微信群');
  await clearGroupBinding(ports.db, grid._id);
  return groupBindingState({});
});
