import type { DB } from 'wx-server-sdk/index';
import { isDuplicateKey } from './errors';

/** The next number of a named sequence: one atomic round trip, three on its first use. */
export async function nextSequence(db: DB.Database, key: string): Promise<number> {
  const counters = db.collection('counters');
  const bumped = (await counters.where({ _id: key }).updateAndReturn({ seq: db.command.inc(1) })) as { doc?: { seq: number } | null };
  if (bumped.doc) return bumped.doc.seq;
  try {
    await counters.add({ data: { _id: key, seq: 1 } });
    return 1;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return nextSequence(db, key); // another call created it first
  }
}
