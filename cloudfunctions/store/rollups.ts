import type { DB } from 'wx-server-sdk/index';
import type { RollupRecord } from '../domain/gridRecord';
import { listOf } from './results';

/**
 * The grids' stored roll-ups (`rollups`, one document per grid, `_id` = the grid's id): what the
 * grid page reads (joined to the grid's own read, see `store/grids`) instead of counting appeals
 * on every view. Every call here is one round trip, whatever the number of grids.
 */

/** Far above a city's streets. */
const STREETS_LIMIT = 200;

const rollups = (db: DB.Database) => db.collection('rollups');

/** The streets whose roll-ups were counted on `day` (`YYYY-MM-DD`, Asia/Shanghai). */
export async function streetsRolledUpOn(db: DB.Database, day: string): Promise<string[]> {
  const list = listOf<{ _id: string }>(await rollups(db).aggregate().match({ day }).group({ _id: '$streetId' }).limit(STREETS_LIMIT).end());
  return list.map(({ _id }) => _id);
}

/**
 * Stores street `streetId`'s roll-ups `docs` in place of all it had (a grid retired since loses
 * its own): one removal, then one multi-document insert (all or nothing). Between the two a page
 * shows its grid as not counted yet (asOf null), never a wrong figure.
 */
export async function replaceRollups(db: DB.Database, streetId: string, docs: RollupRecord[]): Promise<void> {
  await rollups(db).where({ streetId }).remove();
  if (docs.length) await rollups(db).add({ data: docs });
}
