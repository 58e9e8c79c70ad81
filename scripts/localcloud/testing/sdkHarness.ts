/**
 * Test harness: a loopback HTTP server made of the real local-cloud modules (tcb endpoint, storage,
 * openapi + outbox, an optional fake database) and the REAL wx-server-sdk pointed at it through
 * TCB_CONTEXT_CNFG, the way the function runner does it.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { openApi, openOutbox, type Outbox } from '../openapi';
import { openStorage, type LocalStorage } from '../storage';
import { LOCAL_ENV_ID, sdkEndpoint, sdkEnvironment } from '../sdkEnv';
import { tcbHandler, type DatabaseEndpoint } from '../tcb';

export interface Harness {
  origin: string;
  dir: string;
  storage: LocalStorage;
  outbox: Outbox;
  outboxFile: string;
  roundTrips: Array<{ callId: string | undefined; action: string }>;
  /** Points the SDK at `/admin` (or `/admin/c/<callId>`). */
  useCallId(callId?: string): void;
  close(): Promise<void>;
}

export const ENV_ID = LOCAL_ENV_ID;

/** Must run before wx-server-sdk is required (the credential and platform checks read these); the harness sets the port. */
export function prepareSdkEnv(): void {
  Object.assign(process.env, sdkEnvironment('http://127.0.0.1:9/admin'), { SILENCE: 'true' });
}

export async function startHarness(opts: { database?: DatabaseEndpoint; storageNow?: () => number } = {}): Promise<Harness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'localcloud-test-'));
  const outboxFile = path.join(dir, 'outbox.jsonl');
  const outbox = openOutbox({ file: outboxFile });
  let origin = '';
  const storage = openStorage({ dir: path.join(dir, 'storage'), baseUrl: () => origin, now: opts.storageNow });
  const roundTrips: Harness['roundTrips'] = [];
  const database: DatabaseEndpoint = opts.database ?? {
    async handle() { return { code: 'DATABASE_REQUEST_FAILED', message: 'no database in this test' }; },
  };
  const admin = tcbHandler({
    database,
    storage,
    openapi: openApi({ outbox }),
    onRoundTrip: (callId, action) => roundTrips.push({ callId, action }),
  });
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    const go = async () => {
      if (pathname === '/admin' || pathname.startsWith('/admin/')) return admin(req, res);
      if (await storage.serve(req, res)) return;
      res.writeHead(404).end();
    };
    go().catch((e) => { console.error(e); if (!res.headersSent) res.writeHead(500); res.end(); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const useCallId = (callId?: string) => {
    process.env.TCB_CONTEXT_CNFG = sdkEndpoint(callId ? `${origin}/admin/c/${encodeURIComponent(callId)}` : `${origin}/admin`);
  };
  useCallId();
  return {
    origin, dir, storage, outbox, outboxFile, roundTrips, useCallId,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The real SDK, initialised like the handlers do. Call prepareSdkEnv() first. */
export function loadSdk(): any {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const cloud = require('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  return cloud;
}
