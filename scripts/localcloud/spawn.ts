import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../functions';

export type SpawnedCloud = {
  url: string;
  /** What the process printed when it started (its banner). */
  banner: string;
  /** Asks the process to end and waits for it. */
  stop(): Promise<void>;
  /** Ends it the way a crash or power cut would: no shutdown, no flush. */
  kill(): Promise<void>;
};

export type SpawnOptions = {
  dataDir: string;
  /** Built functions to serve; `dist/cloudfunctions` by default. */
  functionsDir?: string;
  /** Timers stay off unless asked for: a script or test decides when the sweep runs. */
  timers?: boolean;
  /** The address to listen on (`--host`); this machine only by default. */
  host?: string;
  env?: NodeJS.ProcessEnv;
  startTimeoutMs?: number;
};

/**
 * A local cloud in its own process, as `npm start` runs it. Started as `node --import tsx` (not
 * the tsx CLI, whose wrapper process would outlive a SIGKILL) so kill() really ends it.
 */
export function spawnLocalCloud({ dataDir, functionsDir, timers = false, host, env, startTimeoutMs = 30_000 }: SpawnOptions): Promise<SpawnedCloud> {
  const args = [join(ROOT, 'scripts', 'localcloud', 'main.ts'), '--port', '0', '--data', dataDir];
  if (functionsDir) args.push('--functions', functionsDir);
  if (host) args.push('--host', host);
  if (!timers) args.push('--no-timers');
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const end = (signal: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void end('SIGKILL')();
      reject(new Error(`local cloud did not start within ${startTimeoutMs / 1000} s:\n${output}`));
    }, startTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const started = /local cloud: (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (started) {
        clearTimeout(timer);
        resolve({ url: started[1], banner: output, stop: end('SIGTERM'), kill: end('SIGKILL') });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`local cloud exited with ${code}:\n${output}`));
    });
  });
}
