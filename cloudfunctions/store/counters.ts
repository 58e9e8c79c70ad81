import type { DB } from 'wx-server-sdk/index';

/**
 * The next number of a named sequence. A transaction, because wx-server-sdk offers no
 * update-and-return: two concurrent calls conflict and the SDK retries the loser.
 */
export async function nextSequence(db: DB.Database, key: string): Promise<number> {
  return (await db.runTransaction(async (t: Pick<DB.Database, 'collection'>) => {
    const ref = t.collection('counters').doc(key);
    // Reading a counter that does not exist yet fails: the sequence starts at 0 then.
    const current = await (ref.get() as Promise<{ data: { seq?: number } | null }>).then(
      (r) => r.data?.seq ?? 0,
      () => 0,
    );
    await ref.set({ data: { seq: current + 1 } });
    return current + 1;
  })) as number;
}
