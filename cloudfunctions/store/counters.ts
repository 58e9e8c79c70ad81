import type { DB } from 'wx-server-sdk/index';

/**
 * Attempts a sequence transaction gets before the call fails. Concurrent submits in one street
 * conflict on its counter and only one commits per round, so the SDK's default of 3 retries
 * failed the 5th of five simultaneous submits with INTERNAL; this covers a burst of ~20.
 */
const SEQUENCE_RETRIES = 20;

/** The SDK's own words for a missing document (it throws them client-side, in the cloud and locally). */
const isMissing = (error: unknown) => /does not exist/.test(String((error as { errMsg?: string })?.errMsg ?? (error as { message?: string })?.message ?? error));

/**
 * The next number of a named sequence. A transaction, because wx-server-sdk offers no
 * update-and-return: two concurrent calls conflict and the SDK retries the loser.
 */
export async function nextSequence(db: DB.Database, key: string): Promise<number> {
  return (await db.runTransaction(async (t: Pick<DB.Database, 'collection'>) => {
    const ref = t.collection('counters').doc(key);
    // Reading a counter that does not exist yet fails: the sequence starts at 0 then. Any other
    // failure must fail the transaction: treating it as 0 restarted the day's numbers at 1.
    const current = await (ref.get() as Promise<{ data: { seq?: number } | null }>).then(
      (r) => r.data?.seq ?? 0,
      (error) => {
        if (isMissing(error)) return 0;
        throw error;
      },
    );
    await ref.set({ data: { seq: current + 1 } });
    return current + 1;
  }, SEQUENCE_RETRIES)) as number;
}
