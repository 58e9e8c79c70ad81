import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CLOCK_OFFSET_VARIABLE } from '../../types/devClock';
import { resolveCloudIDs } from './openData';
import { sdkEndpoint, sdkEnvironment } from './sdkEnv';

type CallEnvironment = Record<string, string | undefined>;

export type Invocation = { openid: string | null; source: 'wx_client' | 'wx_trigger' | 'wx_push' };
export type InvokeResult = { result: unknown; roundTrips: number };

const callEnvironment = new AsyncLocalStorage<CallEnvironment>();

/**
 * `getWXContext()` and the SDK's endpoint lookup read `process.env` on every use, so each call
 * gets its own view of it: a Proxy that answers from the call's AsyncLocalStorage first. Three
 * calls in flight then see three identities, as three cloud invocations would.
 */
function installPerCallEnvironment(base: Record<string, string>) {
  Object.assign(process.env, base);
  const shared = process.env;
  process.env = new Proxy(shared, {
    get(target, key) {
      const own = callEnvironment.getStore();
      if (own && typeof key === 'string' && Object.hasOwn(own, key)) return own[key];
      return Reflect.get(target, key);
    },
    has(target, key) {
      const own = callEnvironment.getStore();
      if (own && typeof key === 'string' && Object.hasOwn(own, key)) return own[key] !== undefined;
      return Reflect.has(target, key);
    },
  });
}

/**
 * Loads each built function bundle (reloading it when a rebuild replaced it) and runs it. Each call's
 * environment carries the local cloud's clock offset (`clockOffsetMs`, 0 when not given) in
 * `GRIDLINK_CLOCK_OFFSET_MS`, which the functions' platform clock adds to real time.
 */
export function functionRunner(opts: { functionsDir: string; adminUrl: string; clockOffsetMs?: () => number }) {
  const admin = new URL(opts.adminUrl);
  installPerCallEnvironment({
    ...sdkEnvironment(opts.adminUrl),
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
    WX_APPID: 'wx-local-gridlink',
  });
  const loaded = new Map<string, { mtimeMs: number; main: (event: unknown, context: unknown) => Promise<unknown> }>();
  const roundTrips = new Map<string, number>();
  const callers = new Map<string, string | null>();

  function load(name: string) {
    const file = join(opts.functionsDir, name, 'index.js');
    if (!/^[A-Za-z0-9_-]+$/.test(name) || !existsSync(file)) return null;
    const { mtimeMs } = statSync(file);
    const cached = loaded.get(name);
    if (cached && cached.mtimeMs === mtimeMs) return cached.main;
    delete require.cache[require.resolve(file)];
    const main = require(file).main;
    loaded.set(name, { mtimeMs, main });
    return main;
  }

  return {
    exists: (name: string) => load(name) !== null,

    /** Who made the call a request belongs to (its openid), while the call runs. */
    callerOf: (callId: string | undefined) => (callId ? (callers.get(callId) ?? null) : null),

    /** Counts one database request against the call that sent it. */
    countRoundTrip(callId: string | undefined) {
      if (callId && roundTrips.has(callId)) roundTrips.set(callId, roundTrips.get(callId)! + 1);
    },

    async invoke(name: string, event: Record<string, unknown>, who: Invocation): Promise<InvokeResult> {
      const main = load(name);
      if (!main) throw new Error(`no built function named ${name}`);
      const callId = randomUUID();
      roundTrips.set(callId, 0);
      callers.set(callId, who.openid);
      const env: CallEnvironment = {
        WX_OPENID: who.openid ?? undefined,
        TCB_SOURCE: who.source,
        TCB_CONTEXT_CNFG: sdkEndpoint(`${admin.origin}/admin/c/${callId}`),
        [CLOCK_OFFSET_VARIABLE]: String(opts.clockOffsetMs?.() ?? 0),
      };
      // The platform resolves a client call's CloudIDs and adds `userInfo`; handlers must not trust the latter.
      const platformEvent =
        who.source === 'wx_client' ? { ...resolveCloudIDs(event, who.openid), userInfo: { appId: 'wx-local-gridlink', openId: who.openid } } : event;
      try {
        const result = await callEnvironment.run(env, () => main(platformEvent, { request_id: callId }));
        return { result, roundTrips: roundTrips.get(callId)! };
      } finally {
        roundTrips.delete(callId);
        callers.delete(callId);
      }
    },
  };
}

export type FunctionRunner = ReturnType<typeof functionRunner>;
