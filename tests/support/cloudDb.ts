import type { DB } from 'wx-server-sdk/index';
import { sdkEnvironment } from '../../scripts/localcloud/sdkEnv';

/**
 * The database of a running local cloud, reached the way the functions reach it: through the
 * real wx-server-sdk pointed at the child's `/admin` endpoint. Tests use it to seed, to move
 * time (e.g. `resolvedAt` 8 days back) and to read what the functions wrote (`appeals`,
 * `outbox`, `counters`…), never to call a function.
 *
 * The SDK reads its endpoint from the environment on every request, so the URL (known only once
 * the cloud has started) is set here, before the SDK is first required and again on each open.
 * Only loopback URLs: a test never reaches the real cloud.
 */
export function openCloudDb(cloudUrl: string): DB.Database {
  Object.assign(process.env, sdkEnvironment(`${new URL(cloudUrl).origin}/admin`), { SILENCE: 'true' });
  // Required only now: the SDK must see the variables above when it loads.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  return cloud.database() as DB.Database;
}

/** Every document of a collection matching `where`, paging past the SDK's 100 per read. */
export async function readAll<T = any>(db: DB.Database, collection: string, where: object = {}): Promise<T[]> {
  const out: T[] = [];
  for (;;) {
    const { data } = (await db.collection(collection).where(where).orderBy('_id', 'asc').skip(out.length).limit(100).get()) as unknown as { data: T[] };
    out.push(...data);
    if (data.length < 100) return out;
  }
}

export async function count(db: DB.Database, collection: string, where: object = {}): Promise<number> {
  return ((await db.collection(collection).where(where).count()) as unknown as { total: number }).total;
}

/** One document by id, or null. */
export async function readDoc<T = any>(db: DB.Database, collection: string, id: string): Promise<T | null> {
  const { data } = (await db.collection(collection).where({ _id: id }).limit(1).get()) as unknown as { data: T[] };
  return data[0] ?? null;
}
