import type { DB } from 'wx-server-sdk/index';
import { isDuplicateKey } from './errors';
import { docsOf } from './results';

/** One throttle counter (`limits` collection): calls counted in the window that ends at `expiresAt`. */
export type LimitCounter = { _id: string; count: number; openedAt: Date; expiresAt: Date };

const updatedBy = (result: unknown) => (result as { stats: { updated: number } }).stats.updated;

/**
 * Counts one call against the counter `key` unless it already holds `max` calls in a window
 * that has not ended. Every step is one conditional single-document write (CloudBase applies
 * each atomically), so calls at the same moment cannot all slip past: of n racing calls at
 * most `max` are counted. In order:
 * 1. a live window below `max`: add one (the usual case, one round trip);
 * 2. an ended window: open a new one at `now` with this call in it;
 * 3. no counter: create it (a duplicate key means another call just did, so step 1 once more).
 * Returns null when the call was counted, or when the full window ends.
 */
export async function countCall(db: DB.Database, key: string, max: number, now: Date, windowEnd: Date): Promise<Date | null> {
  const limits = db.collection('limits');
  const _ = db.command;
  const addOne = async () => updatedBy(await limits.where({ _id: key, expiresAt: _.gt(now), count: _.lt(max) }).update({ data: { count: _.inc(1) } }));
  const opened: Omit<LimitCounter, '_id'> = { count: 1, openedAt: now, expiresAt: windowEnd };

  if (await addOne()) return null;
  if (updatedBy(await limits.where({ _id: key, expiresAt: _.lte(now) }).update({ data: opened }))) return null;
  try {
    await limits.add({ data: { _id: key, ...opened } });
    return null;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  if (await addOne()) return null;
  const [full] = docsOf<LimitCounter>(await limits.where({ _id: key }).limit(1).get());
  return full ? new Date(full.expiresAt) : windowEnd;
}

/** Deletes counters whose window ended before `now` (the sweep's housekeeping); how many. One round trip. */
export async function removeEndedCounters(db: DB.Database, now: Date): Promise<number> {
  const { stats } = (await db.collection('limits').where({ expiresAt: db.command.lt(now) }).remove()) as { stats: { removed: number } };
  return stats.removed;
}
