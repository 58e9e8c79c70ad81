import type { DB } from 'wx-server-sdk/index';
import type { GridSearchHit } from '../../types/grid';
import { codeSpellings } from '../../types/typed';
import type { GroupChatRecord } from '../domain/groupChat';
import type { RollupRecord } from '../domain/gridRecord';
import type { PlacedGrid } from '../domain/locate';
import { docsOf, listOf } from './results';
import type { CommunityRecord, GridRecord, StaffRecord, StreetRecord } from '../domain/records';

/**
 * The records a grid links to, by the name its lookup gives them: `record` is its stored
 * roll-up (`rollups`, `_id` = the grid's id), `lastCheckIn` the time of its latest verified
 * check-in (`checkins` `{ gridId, verified, at }`).
 */
type GridLinks = { community: CommunityRecord; street: StreetRecord; chief: StaffRecord; workers: StaffRecord; record: RollupRecord; lastCheckIn: { at: Date } };
export type GridLink = keyof GridLinks;

/** A grid with the linked records asked for, each as the list `$lookup` gives (empty when unlinked). */
export type GridWith<L extends GridLink> = GridRecord & { [K in L]: GridLinks[K][] };

const LOOKUPS: Record<GridLink, object> = {
  community: { from: 'communities', localField: 'communityId', foreignField: '_id' },
  street: { from: 'streets', localField: 'streetId', foreignField: '_id' },
  chief: { from: 'staff', localField: 'chiefId', foreignField: '_id' },
  workers: { from: 'staff', localField: 'workerIds', foreignField: '_id' },
  record: { from: 'rollups', localField: '_id', foreignField: '_id' },
  // The newest one only, inside the same read: a sub-pipeline (index `checkins` on gridId, verified, at).
  lastCheckIn: {
    from: 'checkins',
    let: { gridId: '$_id' },
    pipeline: [{ $match: { $expr: { $eq: ['$gridId', '$$gridId'] }, verified: true } }, { $sort: { at: -1 } }, { $limit: 1 }, { $project: { _id: 0, at: 1 } }],
  },
};

/**
 * The grid of a code, active or retired (codes are never reused), with the linked records asked
 * for: one round trip, whatever is asked. A code typed without its dash finds the grid stored
 * with it (`codeSpellings`), the exact spelling first. null when no grid ever had the code.
 */
export async function gridOfCode<L extends GridLink = never>(db: DB.Database, code: string, links: readonly L[] = []): Promise<GridWith<L> | null> {
  const spellings = codeSpellings(code);
  let query = db.collection('grids').aggregate().match({ code: db.command.in(spellings) }).limit(spellings.length);
  for (const link of links) query = query.lookup({ ...LOOKUPS[link], as: link });
  const found = listOf<GridWith<L>>(await query.end());
  return spellings.map((spelling) => found.find((g) => g.code === spelling)).find((g) => g !== undefined) ?? null;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where a search word may be found: the grid's name and code, its community's name, its street's name and brand. */
const SEARCHED = ['name', 'code', 'community.name', 'street.name', 'street.brand'];

/**
 * Active grids of every kind in which each of `words` is found (case-insensitive, as plain text)
 * in one of the SEARCHED fields, by code, at most `pageSize` after the code `after`; `cursor` is
 * the last code given when more follow, else null. One round trip: the community and street are
 * joined inside the database (a city's ~1,410 grids), so a community's or a street's name finds
 * all its grids, whatever they are called.
 */
export async function searchGrids(db: DB.Database, words: string[], after: string | null, pageSize: number): Promise<{ items: GridSearchHit[]; cursor: string | null }> {
  const _ = db.command;
  const each = words.map((word) => {
    const pattern = db.RegExp({ regexp: codeSpellings(word).map(escapeRegExp).join('|'), options: 'i' });
    return _.or(SEARCHED.map((field) => ({ [field]: pattern })));
  });
  const list = listOf<GridSearchHit & { community: string[]; street: string[] }>(
    await db
      .collection('grids')
      .aggregate()
      .match(after === null ? { status: 'active' } : { status: 'active', code: _.gt(after) })
      .sort({ code: 1 })
      .lookup({ ...LOOKUPS.community, as: 'community' })
      .lookup({ ...LOOKUPS.street, as: 'street' })
      .match(_.and(each))
      .limit(pageSize + 1)
      .project({ _id: 0, code: 1, name: 1, community: '$community.name', street: '$street.name' })
      .end(),
  );
  const items = list.slice(0, pageSize).map((g) => ({ code: g.code, name: g.name, community: g.community[0] ?? '', street: g.street[0] ?? '' }));
  return { items, cursor: list.length > pageSize ? items[items.length - 1].code : null };
}

/** A city has ~1,410 grids; the scan refuses to pretend it saw them all beyond this. */
const GRID_SCAN_LIMIT = 5000;

/** A grid as locating needs it: where it is, and what to show when it is the answer. */
export type GridPlace = PlacedGrid & GridSearchHit;

/**
 * Every active grid's centre and boundary with its name, community and street: one round trip.
 *
 * Why one aggregate over the whole city rather than a query near the point: the decision is
 * the pure `domain/locate` (turf), which needs every candidate polygon, and a city's grids fit
 * one reply once projected (code, name, centre, boundary and two names: ~300 bytes a grid,
 * ~0.5 MB for 1,410, less when grids have no boundary yet, since an absent boundary costs
 * nothing). `get()` stops at 100 documents a call (15 round trips for 1,410 grids) and an
 * aggregate without `$limit` at 20, so this sets a `$limit` above any city's count. The two
 * lookups run inside the database and are projected down to the names, so the reply carries no
 * community or street documents. (CloudBase's geo index with `geoNear`/`geoIntersects` would
 * let the database pick the candidates; the local cloud does not emulate it.)
 */
export async function loadGridPlaces(db: DB.Database): Promise<GridPlace[]> {
  const list = listOf<Omit<GridPlace, 'community' | 'street'> & { community: string[]; street: string[] }>(
    await db
      .collection('grids')
      .aggregate()
      .match({ status: 'active' })
      .project({ _id: 0, code: 1, name: 1, status: 1, centre: 1, boundary: 1, communityId: 1, streetId: 1 })
      .limit(GRID_SCAN_LIMIT)
      .lookup({ from: 'communities', localField: 'communityId', foreignField: '_id', as: 'community' })
      .lookup({ from: 'streets', localField: 'streetId', foreignField: '_id', as: 'street' })
      .project({ code: 1, name: 1, status: 1, centre: 1, boundary: 1, community: '$community.name', street: '$street.name' })
      .end(),
  );
  if (list.length >= GRID_SCAN_LIMIT) console.warn(`[gridlink] grid.locate saw only the first ${GRID_SCAN_LIMIT} grids`);
  return list.map((g) => ({
    code: g.code,
    name: g.name,
    status: g.status,
    centre: g.centre ?? null,
    boundary: g.boundary ?? null,
    community: g.community?.[0] ?? '',
    street: g.street?.[0] ?? '',
  }));
}

/** The places a staff member serves, named: their grids (with codes), communities and streets. */
export type ServedPlaces = { grids: Array<{ code: string; name: string }>; communities: string[]; streets: string[] };

/** The places a staff member serves, for "where I work". One round trip each kind. */
export async function servedPlaces(db: DB.Database, gridIds: string[], communityIds: string[], streetIds: string[]): Promise<ServedPlaces> {
  const _ = db.command;
  const read = async <T>(collection: string, ids: string[], fields: Record<string, true>) =>
    ids.length ? docsOf<T>(await db.collection(collection).where({ _id: _.in(ids) }).field(fields).limit(100).get()) : [];
  const name = (d: { name: string }) => d.name;
  const [grids, communities, streets] = await Promise.all([
    read<{ code: string; name: string }>('grids', gridIds, { code: true, name: true }),
    read<{ name: string }>('communities', communityIds, { name: true }),
    read<{ name: string }>('streets', streetIds, { name: true }),
  ]);
  return { grids: grids.map(({ code, name }) => ({ code, name })), communities: communities.map(name), streets: streets.map(name) };
}

/** Merges chain (A into B, later B into C); a longer chain than this is a data error. */
const SUCCESSOR_HOPS = 5;

/**
 * The active grid a retired one's residents go to now, following merges; null when the grid is
 * unknown, active, simply retired, or its chain ends in a retired grid. One round trip per hop.
 */
export async function activeSuccessor(db: DB.Database, retired: GridRecord): Promise<GridRecord | null> {
  let grid: GridRecord | null = retired;
  for (let hop = 0; grid && grid.status === 'retired' && grid.mergedInto && hop < SUCCESSOR_HOPS; hop += 1) {
    grid = await gridOfCode(db, grid.mergedInto);
    if (grid?.status === 'active') return grid;
  }
  return null;
}

/** Retires an active grid (optionally merged into another); false when it was no longer active. */
export async function retireGrid(db: DB.Database, grid: GridRecord, mergedInto: string | null, by: string, at: Date): Promise<boolean> {
  const { stats } = (await db
    .collection('grids')
    .where({ _id: grid._id, status: 'active' })
    .update({ data: { status: 'retired', mergedInto, retiredAt: at, retiredBy: by } })) as { stats: { updated: number } };
  return stats.updated === 1;
}

/** Sets (or, with null, clears) an active grid's group chat; false when the grid is not active. */
export async function saveGroupChat(db: DB.Database, gridId: string, groupChat: GroupChatRecord | null): Promise<boolean> {
  // `set` of a nested object replaces it whole, so no field of the previous QR (remindedAt) survives.
  const { stats } = (await db
    .collection('grids')
    .where({ _id: gridId, status: 'active' })
    .update({ data: { groupChat: groupChat === null ? null : db.command.set(groupChat) } })) as { stats: { updated: number } };
  return stats.updated === 1;
}

/** Grids whose group QR is under this content-check trace (one, unless a QR was set twice). One round trip. */
export async function gridsWithQrTrace(db: DB.Database, traceId: string): Promise<GridRecord[]> {
  return docsOf<GridRecord>(await db.collection('grids').where({ 'groupChat.traceId': traceId }).field({ groupChat: true }).limit(10).get());
}

/** Hides the grid's group QR if it is still the one under this trace; false when it was replaced meanwhile. */
export async function hideGroupQr(db: DB.Database, gridId: string, traceId: string): Promise<boolean> {
  const { stats } = (await db
    .collection('grids')
    .where({ _id: gridId, 'groupChat.traceId': traceId })
    .update({ data: { 'groupChat.hidden': true } })) as { stats: { updated: number } };
  return stats.updated === 1;
}

/** Active grids whose group QR expires before `until` and whose chief has not been reminded. One round trip. */
export async function groupQrsExpiringBefore(db: DB.Database, now: Date, until: Date, limit = 100): Promise<GridRecord[]> {
  const _ = db.command;
  return docsOf<GridRecord>(
    await db
      .collection('grids')
      .where({ status: 'active', 'groupChat.kind': 'qr', 'groupChat.expiresAt': _.gt(now).and(_.lt(until)), 'groupChat.remindedAt': null })
      .orderBy('groupChat.expiresAt', 'asc')
      .limit(limit)
      .get(),
  );
}

/** Claims a QR's reminder: true for exactly one caller, so the chief is reminded once per QR. */
export async function claimGroupQrReminder(db: DB.Database, grid: GridRecord, at: Date): Promise<boolean> {
  if (grid.groupChat?.kind !== 'qr') return false;
  const { stats } = (await db
    .collection('grids')
    .where({ _id: grid._id, 'groupChat.fileID': grid.groupChat.fileID, 'groupChat.remindedAt': null })
    .update({ data: { 'groupChat.remindedAt': at } })) as { stats: { updated: number } };
  return stats.updated === 1;
}

export async function gridById(db: DB.Database, id: string): Promise<GridRecord | null> {
  const [grid] = docsOf<GridRecord>(await db.collection('grids').where({ _id: id }).limit(1).get());
  return grid ?? null;
}

export async function communityById(db: DB.Database, id: string): Promise<CommunityRecord | null> {
  const [community] = docsOf<CommunityRecord>(await db.collection('communities').where({ _id: id }).limit(1).get());
  return community ?? null;
}

export async function setGridChief(db: DB.Database, gridId: string, chiefId: string | null): Promise<void> {
  await db.collection('grids').where({ _id: gridId }).update({ data: { chiefId } });
}

export async function addGridWorker(db: DB.Database, gridId: string, staffId: string): Promise<void> {
  await db.collection('grids').where({ _id: gridId }).update({ data: { workerIds: db.command.addToSet(staffId) } });
}

export async function removeGridWorker(db: DB.Database, gridId: string, staffId: string): Promise<void> {
  await db.collection('grids').where({ _id: gridId }).update({ data: { workerIds: db.command.pull(staffId) } });
}
