import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DemoData } from '../../scripts/localcloud/demo';

const ROOT = resolve(__dirname, '..', '..');

export const demo: DemoData = JSON.parse(readFileSync(join(ROOT, 'demo', 'zoucheng.json'), 'utf8'));

export type Reply<T = any> = { status: number; body: T; roundTrips: number };

/**
 * A local cloud in its own process, as `npm start` runs it (built functions, embedded data in a
 * fresh temporary folder), so tests see what a developer sees and can SIGKILL it.
 */
export class LocalCloud {
  url = '';
  private child: ChildProcess | null = null;
  private output = '';

  private constructor(readonly dataDir: string) {}

  static async start(dataDir = mkdtempSync(join(tmpdir(), 'gridlink-cloud-'))): Promise<LocalCloud> {
    const cloud = new LocalCloud(dataDir);
    await cloud.boot();
    return cloud;
  }

  private boot(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'localcloud', 'main.ts'), '--port', '0', '--data', this.dataDir, '--no-timers'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'test' },
    });
    this.child = child;
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`local cloud did not start:\n${this.output}`)), 30_000);
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        const match = /local cloud: (http:\/\/127\.0\.0\.1:\d+)/.exec(this.output);
        if (match) {
          clearTimeout(timer);
          this.url = match[1];
          resolvePromise();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.on('exit', (code) => {
        clearTimeout(timer);
        if (!this.url) reject(new Error(`local cloud exited with ${code}:\n${this.output}`));
      });
    });
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
    const child = this.child;
    this.child = null;
    this.url = '';
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGKILL');
    });
  }

  async restart(): Promise<void> {
    await this.kill();
    this.output = '';
    await this.boot();
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
