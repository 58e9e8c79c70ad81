import type { DB } from 'wx-server-sdk/index';
import { isDuplicateKey } from './errors';
import { docsOf } from './results';

/**
 * Bumps a named sequence and reads it back: two round trips and no transaction, so a burst
 * of appeals in one street does not queue behind one counter document (a transaction per
 * number conflicted and retried under load). Two callers may read the same value; the unique
 * index on what they number (database/indexes.json) makes the later one draw again.
 */
export async function nextSequence(db: DB.Database, key: string): Promise<number> {
  const counters = db.collection('counters');
  const bump = async () => ((await counters.where({ _id: key }).update({ data: { seq: db.command.inc(1) } })) as { stats: { updated: number } }).stats.updated;
  if (!(await bump())) {
    try {
      await counters.add({ data: { _id: key, seq: 1 } });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await bump();
    }
  }
  const [counter] = docsOf<{ seq: number }>(await counters.where({ _id: key }).limit(1).get());
  return counter.seq;
}
