import type { DB } from 'wx-server-sdk/index';
import type { GridSearchHit } from '../../types/grid';
import type { GridPageRecords } from '../domain/gridPage';
import type { PlacedGrid } from '../domain/locate';
import { docsOf, listOf } from './results';
import type { CommunityRecord, GridRecord, NoticeRecord, StaffRecord, StreetRecord } from './records';

const NOTICES_ON_GRID_PAGE = 5;
const SEARCH_HITS = 20;

type GridWithLinks = GridRecord & {
  community: CommunityRecord[];
  street: StreetRecord[];
  chief: StaffRecord[];
  workers: StaffRecord[];
};

/** The grid of a code with everything its page shows: two round trips, whatever the grid. */
export async function loadGridPage(db: DB.Database, code: string): Promise<GridPageRecords | null> {
  const list = listOf<GridWithLinks>(
    await db
    .collection('grids')
    .aggregate()
    .match({ code, status: 'active' })
    .limit(1)
    .lookup({ from: 'communities', localField: 'communityId', foreignField: '_id', as: 'community' })
    .lookup({ from: 'streets', localField: 'streetId', foreignField: '_id', as: 'street' })
    .lookup({ from: 'staff', localField: 'chiefId', foreignField: '_id', as: 'chief' })
    .lookup({ from: 'staff', localField: 'workerIds', foreignField: '_id', as: 'workers' })
    .end(),
  );
  const found = list[0];
  if (!found || !found.community[0] || !found.street[0]) return null;
  const { community, street, chief, workers, ...grid } = found;

  const _ = db.command;
  const notices = docsOf<NoticeRecord>(
    await db
    .collection('notices')
    .where({ 'scope.id': _.in([grid._id, grid.communityId, grid.streetId]) })
    .orderBy('pinned', 'desc')
    .orderBy('publishedAt', 'desc')
    .limit(NOTICES_ON_GRID_PAGE)
    .get(),
  );

  return { grid, community: community[0], street: street[0], staff: [...chief, ...workers], notices };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Active grids whose name or code contains the keyword, with where they are. One round trip. */
export async function searchGrids(db: DB.Database, keyword: string): Promise<GridSearchHit[]> {
  const _ = db.command;
  const pattern = db.RegExp({ regexp: escapeRegExp(keyword), options: 'i' });
  const list = listOf<GridRecord & { community: CommunityRecord[]; street: StreetRecord[] }>(
    await db
    .collection('grids')
    .aggregate()
    .match(_.and([{ status: 'active' }, _.or([{ name: pattern }, { code: pattern }])]))
    .sort({ code: 1 })
    .limit(SEARCH_HITS)
    .lookup({ from: 'communities', localField: 'communityId', foreignField: '_id', as: 'community' })
    .lookup({ from: 'streets', localField: 'streetId', foreignField: '_id', as: 'street' })
    .end(),
  );
  return list.map((g) => ({
    code: g.code,
    name: g.name,
    community: g.community[0]?.name ?? '',
    street: g.street[0]?.name ?? '',
  }));
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

/** A grid's chief or worker by id, only when they serve that grid. */
export async function findGridStaff(db: DB.Database, code: string, staffId: string): Promise<StaffRecord | null> {
  const grids = docsOf<Pick<GridRecord, 'chiefId' | 'workerIds'>>(
    await db
    .collection('grids')
    .where({ code, status: 'active' })
    .field({ chiefId: true, workerIds: true })
    .limit(1)
    .get(),
  );
  const grid = grids[0];
  if (!grid || (grid.chiefId !== staffId && !grid.workerIds.includes(staffId))) return null;
  const [staff] = docsOf<StaffRecord>(await db.collection('staff').where({ _id: staffId }).limit(1).get());
  return staff ?? null;
}

export type AppealTarget = { grid: GridRecord; street: StreetRecord; chief: StaffRecord | null };

/** The grid an appeal goes to, with its street's item directory and its chief. One round trip. */
export async function gridForAppeal(db: DB.Database, code: string): Promise<AppealTarget | null> {
  const [found] = listOf<GridRecord & { street: StreetRecord[]; chief: StaffRecord[] }>(
    await db
      .collection('grids')
      .aggregate()
      .match({ code, status: 'active' })
      .limit(1)
      .lookup({ from: 'streets', localField: 'streetId', foreignField: '_id', as: 'street' })
      .lookup({ from: 'staff', localField: 'chiefId', foreignField: '_id', as: 'chief' })
      .end(),
  );
  if (!found?.street[0]) return null;
  const { street, chief, ...grid } = found;
  return { grid, street: street[0], chief: chief[0] ?? null };
}

/** Display names of the places a staff member serves, for "where I work". One round trip each kind. */
export async function gridNames(db: DB.Database, gridIds: string[], communityIds: string[], streetIds: string[]): Promise<string[]> {
  const _ = db.command;
  const names = async (collection: string, ids: string[]) =>
    ids.length ? docsOf<{ name: string }>(await db.collection(collection).where({ _id: _.in(ids) }).field({ name: true }).limit(100).get()).map((d) => d.name) : [];
  const [grids, communities, streets] = await Promise.all([names('grids', gridIds), names('communities', communityIds), names('streets', streetIds)]);
  return [...streets, ...communities, ...grids];
}
