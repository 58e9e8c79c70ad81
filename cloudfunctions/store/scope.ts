import type { DB } from 'wx-server-sdk/index';
import { docsOf, listOf } from './results';
import type { CommunityRecord, GridRecord, StreetRecord } from '../domain/records';

/** A street has a few hundred grids at most; past this the picker would be cut short. */
const GRIDS_IN_SCOPE = 2000;
const COMMUNITIES_IN_SCOPE = 100;

export type ScopeIds = { communityIds: string[]; streetIds: string[] };

/** The communities named, and every community of the streets named: one round trip. */
export async function communitiesIn(db: DB.Database, { communityIds, streetIds }: ScopeIds): Promise<CommunityRecord[]> {
  const _ = db.command;
  return docsOf<CommunityRecord>(
    await db
      .collection('communities')
      .where(_.or([{ _id: _.in(communityIds) }, { streetId: _.in(streetIds) }]))
      .orderBy('_id', 'asc')
      .limit(COMMUNITIES_IN_SCOPE)
      .get(),
  );
}

export type GridName = Pick<GridRecord, 'code' | 'name' | 'communityId'>;

/**
 * The active grids of those communities and streets, by code. One aggregate: `get()` stops at 100
 * documents a call, and a street may have more grids than that.
 */
export async function gridsIn(db: DB.Database, { communityIds, streetIds }: ScopeIds): Promise<GridName[]> {
  const _ = db.command;
  return listOf<GridName>(
    await db
      .collection('grids')
      .aggregate()
      .match(_.and([{ status: 'active' }, _.or([{ communityId: _.in(communityIds) }, { streetId: _.in(streetIds) }])]))
      .project({ _id: 0, code: 1, name: 1, communityId: 1 })
      .sort({ code: 1 })
      .limit(GRIDS_IN_SCOPE)
      .end(),
  );
}

/** The streets named, by id, with their names: one round trip. */
export async function streetsNamed(db: DB.Database, streetIds: string[]): Promise<Array<Pick<StreetRecord, '_id' | 'name'>>> {
  if (!streetIds.length) return [];
  return docsOf<StreetRecord>(await db.collection('streets').where({ _id: db.command.in(streetIds) }).field({ _id: true, name: true }).orderBy('_id', 'asc').limit(COMMUNITIES_IN_SCOPE).get());
}
