import type { DB } from 'wx-server-sdk/index';
import type { RollupRecord } from '../domain/gridRecord';
import { docsOf, listOf } from './results';

/**
 * The grids' stored roll-ups (`rollups`, one document per grid, `_id` = the grid's id): what the
 * grid page reads (joined to the grid's own read, see `store/grids`) instead of counting appeals
 * on every view. Every call here is one round trip, whatever the number of grids.
 */

/** Far above a city's grids (Zoucheng: ~1,410); an aggregate without `$limit` stops at 20. */
const GRIDS_LIMIT = 5000;

const rollups = (db: DB.Database) => db.collection('rollups');

/** The ids of every active grid of the city. */
export async function activeGridIds(db: DB.Database): Promise<string[]> {
  const list = listOf<{ _id: string }>(await db.collection('grids').aggregate().match({ status: 'active' }).project({ _id: 1 }).limit(GRIDS_LIMIT).end());
  return list.map(({ _id }) => _id);
}

/** Whether the roll-ups were counted on `day` (`YYYY-MM-DD`, Asia/Shanghai). */
export async function rolledUpOn(db: DB.Database, day: string): Promise<boolean> {
  return docsOf<{ _id: string }>(await rollups(db).where({ day }).field({ _id: true }).limit(1).get()).length > 0;
}

/**
 * Stores `docs` in place of every roll-up (a grid retired since loses its own): one removal,
 * then one multi-document insert (all or nothing). Between the two a page shows its grid as
 * not counted yet (asOf null), never a wrong figure.
 */
export async function replaceRollups(db: DB.Database, docs: RollupRecord[]): Promise<void> {
  await rollups(db).where({ day: db.command.exists(true) }).remove();
  if (docs.length) await rollups(db).add({ data: docs });
}
