import type { DB } from 'wx-server-sdk/index';
import { docsOf, listOf } from './results';
import type { GridRecord, StaffRecord, StreetRecord } from '../domain/records';

/** Far above a street's grids (Zoucheng: ~1,410 in 16 towns and streets); an aggregate without `$limit` stops at 20. */
const STREET_GRID_LIMIT = 1000;

/** A grid as its sign needs it: the names of its community and street, and its bound chief's record. */
export type SignRow = Pick<GridRecord, '_id' | 'code' | 'name' | 'communityId' | 'station' | 'roster' | 'chiefId' | 'workerIds'> & {
  community: string[];
  streetName: string[];
  brand: string[];
  chief: StaffRecord[];
};

/** A street's active grids in code order, with what their signs print. One round trip. */
export async function activeGridSigns(db: DB.Database, streetId: string): Promise<SignRow[]> {
  const rows = listOf<SignRow>(
    await db
      .collection('grids')
      .aggregate()
      .match({ streetId, status: 'active' })
      .sort({ code: 1 })
      .limit(STREET_GRID_LIMIT)
      .project({ code: 1, name: 1, communityId: 1, streetId: 1, chiefId: 1, workerIds: 1, station: 1, roster: 1 })
      .lookup({ from: 'communities', localField: 'communityId', foreignField: '_id', as: 'community' })
      .lookup({ from: 'streets', localField: 'streetId', foreignField: '_id', as: 'street' })
      .lookup({ from: 'staff', localField: 'chiefId', foreignField: '_id', as: 'chief' })
      .project({
        code: 1,
        name: 1,
        communityId: 1,
        chiefId: 1,
        workerIds: 1,
        station: 1,
        roster: 1,
        chief: 1,
        community: '$community.name',
        streetName: '$street.name',
        brand: '$street.brand',
      })
      .end(),
  );
  if (rows.length >= STREET_GRID_LIMIT) console.warn(`[gridlink] grid.signs saw only the first ${STREET_GRID_LIMIT} grids of ${streetId}`);
  return rows;
}

export async function streetById(db: DB.Database, id: string): Promise<StreetRecord | null> {
  const [street] = docsOf<StreetRecord>(await db.collection('streets').where({ _id: id }).field({ name: true }).limit(1).get());
  return street ?? null;
}
