import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DemoData } from '../../scripts/localcloud/demo';
import { spawnLocalCloud, type SpawnedCloud } from '../../scripts/localcloud/spawn';
import type { DB } from 'wx-server-sdk/index';
import { openCloudDb } from './cloudDb';

const ROOT = resolve(__dirname, '..', '..');

export const demo: DemoData = JSON.parse(readFileSync(join(ROOT, 'demo', 'zoucheng.json'), 'utf8'));

export type Reply<T = any> = { status: number; body: T; roundTrips: number };

/**
 * A local cloud in its own process, as `npm start` runs it (built functions, embedded data in a
 * fresh temporary folder), so tests see what a developer sees and can SIGKILL it. Its timers are
 * off unless `timers: true` (a test fires one with `fireTimer`); with them on, a clock move forward
 * (`moveClock`) runs the triggers it skipped before it answers.
 */
export class LocalCloud {
  url = '';
  private process: SpawnedCloud | null = null;

  private constructor(readonly dataDir: string, private readonly timers: boolean) {}

  static async start(dataDir = mkdtempSync(join(tmpdir(), 'gridlink-cloud-')), { timers = false } = {}): Promise<LocalCloud> {
    const cloud = new LocalCloud(dataDir, timers);
    await cloud.boot();
    return cloud;
  }

  private async boot(): Promise<void> {
    this.process = await spawnLocalCloud({ dataDir: this.dataDir, timers: this.timers, env: { ...process.env, NODE_ENV: 'test' } });
    this.url = this.process.url;
  }

  /** Calls a cloud function as `openid` would from the mini-program (no openid: no identity). */
  async call<T = any>(fn: string, event: unknown, openid?: string): Promise<Reply<T>> {
    const res = await fetch(`${this.url}/api/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
      body: JSON.stringify(event),
    });
    return { status: res.status, body: (await res.json()) as T, roundTrips: Number(res.headers.get('x-db-round-trips')) };
  }

  /** Ends the process the way a crash or power cut would: no shutdown, no flush. */
  async kill(): Promise<void> {
    const running = this.process;
    this.process = null;
    this.url = '';
    await running?.kill();
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.boot();
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** A fresh local cloud with its database open, as a backend test file starts (`afterAll(() => cloud.stop())`). */
export async function openLocalCloud(): Promise<{ cloud: LocalCloud; db: DB.Database }> {
  const cloud = await LocalCloud.start();
  return { cloud, db: openCloudDb(cloud.url) };
}
