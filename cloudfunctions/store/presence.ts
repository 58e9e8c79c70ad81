import { createHash } from 'node:crypto';
import type { DB } from 'wx-server-sdk/index';
import type { CheckInRecord, HouseholdRecord } from '../domain/presence';
import { docsOf } from './results';

const checkins = (db: DB.Database) => db.collection('checkins');
const households = (db: DB.Database) => db.collection('households');

/** A grid keeps a few hundred 六必访 households at most; one read lists them (CloudBase returns ≤ 1,000 a call). */
const HOUSEHOLDS_MAX = 1000;

export async function insertCheckIn(db: DB.Database, checkIn: CheckInRecord): Promise<void> {
  await checkins(db).add({ data: checkIn });
}

/** Check-ins with a work photo under media-check trace `traceId` (one in practice). */
export async function checkInsWithPhotoTrace(db: DB.Database, traceId: string): Promise<CheckInRecord[]> {
  return docsOf<CheckInRecord>(await checkins(db).where({ 'photos.traceId': traceId }).limit(10).get());
}

/** Stores a check-in's photos as given (a check-in is never edited otherwise, so nothing races this write). */
export async function saveCheckInPhotos(db: DB.Database, id: string, photos: CheckInRecord['photos']): Promise<void> {
  await checkins(db).doc(id).update({ data: { photos } });
}

/** A grid's household's id: the same grid, building and room always name the same document. */
export const householdId = (gridId: string, building: string, room: string) =>
  createHash('sha256').update(`${gridId}\n${building}\n${room}`).digest('hex').slice(0, 32);

export async function getHousehold(db: DB.Database, id: string): Promise<HouseholdRecord | null> {
  const [found] = docsOf<HouseholdRecord>(await households(db).where({ _id: id }).limit(1).get());
  return found ?? null;
}

/** Writes the household whole (created or replaced). */
export async function putHousehold(db: DB.Database, { _id, ...rest }: HouseholdRecord): Promise<void> {
  await households(db).doc(_id).set({ data: rest });
}

/** A grid's households by building and room. */
export async function listHouseholds(db: DB.Database, gridId: string): Promise<HouseholdRecord[]> {
  return docsOf<HouseholdRecord>(await households(db).where({ gridId }).orderBy('building', 'asc').orderBy('room', 'asc').limit(HOUSEHOLDS_MAX).get());
}

/** Records a verified visit to a kept household at `at`; false when the grid keeps no such household. */
export async function markVisited(db: DB.Database, id: string, at: Date): Promise<boolean> {
  const { stats } = (await households(db).where({ _id: id }).update({ data: { lastVisitAt: at } })) as { stats: { updated: number } };
  return stats.updated === 1;
}
