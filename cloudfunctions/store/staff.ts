import type { DB } from 'wx-server-sdk/index';
import { docsOf, listOf } from './results';
import type { StaffRecord, StaffRole } from '../domain/records';

export async function staffByOpenid(db: DB.Database, openid: string): Promise<StaffRecord | null> {
  const [staff] = docsOf<StaffRecord>(await db.collection('staff').where({ openid }).limit(1).get());
  return staff ?? null;
}

export async function staffByIds(db: DB.Database, ids: string[]): Promise<StaffRecord[]> {
  if (!ids.length) return [];
  return docsOf<StaffRecord>(await db.collection('staff').where({ _id: db.command.in(ids) }).limit(100).get());
}

/**
 * A grid's chief: the staff record the grid's `chiefId` seat names (the one answer GridLink gives,
 * as the grid page, the sign and tap-to-call do), looked up inside the database. One round trip.
 */
export async function chiefOfGrid(db: DB.Database, gridId: string): Promise<StaffRecord | null> {
  const [grid] = listOf<{ chief: StaffRecord[] }>(
    await db.collection('grids').aggregate().match({ _id: gridId }).limit(1).lookup({ from: 'staff', localField: 'chiefId', foreignField: '_id', as: 'chief' }).end(),
  );
  return grid?.chief[0] ?? null;
}

export async function communityStaff(db: DB.Database, communityId: string): Promise<StaffRecord[]> {
  return docsOf<StaffRecord>(await db.collection('staff').where({ roles: db.command.elemMatch({ role: 'community', communityId }) }).limit(20).get());
}

export async function streetStaff(db: DB.Database, streetId: string): Promise<StaffRecord[]> {
  return docsOf<StaffRecord>(await db.collection('staff').where({ roles: db.command.elemMatch({ role: 'street', streetId }) }).limit(20).get());
}

export async function staffById(db: DB.Database, id: string): Promise<StaffRecord | null> {
  const [staff] = docsOf<StaffRecord>(await db.collection('staff').where({ _id: id }).limit(1).get());
  return staff ?? null;
}

export async function insertStaff(db: DB.Database, staff: StaffRecord): Promise<void> {
  await db.collection('staff').add({ data: staff });
}

/** Adds one role in a single write, so two roles added at the same moment both stay. */
export async function addStaffRole(db: DB.Database, id: string, role: StaffRole): Promise<void> {
  await db.collection('staff').where({ _id: id }).update({ data: { roles: db.command.addToSet(role) } });
}

/** Takes one role away in a single write, leaving roles added meanwhile in place. */
export async function removeStaffRole(db: DB.Database, id: string, role: StaffRole): Promise<void> {
  await db.collection('staff').where({ _id: id }).update({ data: { roles: db.command.pull(role) } });
}

/** Replaces a staff member's roles and, when given, their contact details. */
export async function updateStaff(db: DB.Database, id: string, changes: Partial<Pick<StaffRecord, 'roles' | 'name' | 'title' | 'phone'>>): Promise<void> {
  const { roles, ...rest } = changes;
  await db.collection('staff').where({ _id: id }).update({ data: { ...rest, ...(roles ? { roles: db.command.set(roles) } : {}) } });
}

/** Chiefs of many grids at once, by grid id (a grid without a bound chief is left out). One round trip. */
export async function chiefsOfGrids(db: DB.Database, gridIds: string[]): Promise<Map<string, StaffRecord>> {
  if (!gridIds.length) return new Map();
  const grids = listOf<{ _id: string; chief: StaffRecord[] }>(
    await db
      .collection('grids')
      .aggregate()
      .match({ _id: db.command.in(gridIds) })
      .limit(gridIds.length)
      .lookup({ from: 'staff', localField: 'chiefId', foreignField: '_id', as: 'chief' })
      .end(),
  );
  return new Map(grids.flatMap((g) => (g.chief[0] ? [[g._id, g.chief[0]] as const] : [])));
}

/** A CloudBase read returns at most 1,000 documents to a function. */
const READ_MAX = 1000;

/** Staff of many communities and streets at once (each holding a role there). One round trip. */
export async function staffAbove(db: DB.Database, communityIds: string[], streetIds: string[]): Promise<StaffRecord[]> {
  const _ = db.command;
  const roles = [
    ...(communityIds.length ? [{ roles: _.elemMatch({ role: 'community', communityId: _.in(communityIds) }) }] : []),
    ...(streetIds.length ? [{ roles: _.elemMatch({ role: 'street', streetId: _.in(streetIds) }) }] : []),
  ];
  if (!roles.length) return [];
  return docsOf<StaffRecord>(await db.collection('staff').where(_.or(roles)).limit(READ_MAX).get());
}
