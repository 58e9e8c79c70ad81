import type { DB } from 'wx-server-sdk/index';

/** Who is calling, as the platform says: never taken from the event. */
export type Caller = { openid: string } | null;

export type Clock = { now(): Date };

/** What a handler may touch, built once per invocation by `platform.ts` (or by a test). */
export type Ports = {
  caller: Caller;
  db: DB.Database;
  clock: Clock;
};
