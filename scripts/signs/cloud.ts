import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Envelope } from '../../types/envelope';
import type { StreetSigns, StreetSignsInput } from '../../types/signs';
import { FUNCTIONS_OUT, ROOT } from '../functions';
import { SignsError } from './args';

export type RunningCloud = { url: string; stop(): Promise<void> };

const START_TIMEOUT_MS = 30_000;
const REBUILD = '请先运行 npm run build:functions 构建云函数';

/** The developer's own local cloud, left running when the script is done. */
export const runningCloud = (url: string): RunningCloud => ({ url, stop: async () => {} });

/**
 * A local cloud of the script's own over `dataDir` (as `npm start` runs it, without timers, so
 * printing never fires a reminder), stopped by `stop()`.
 */
export function startCloud(dataDir: string): Promise<RunningCloud> {
  if (!existsSync(join(FUNCTIONS_OUT, 'grid', 'index.js'))) throw new SignsError(`没有找到构建好的云函数：${REBUILD}`);
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'localcloud', 'main.ts'), '--port', '0', '--data', dataDir, '--no-timers'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new SignsError(`本地云在 ${START_TIMEOUT_MS / 1000} 秒内没有启动：\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const started = /local cloud: (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (started) {
        clearTimeout(timer);
        resolve({ url: started[1], stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new SignsError(`本地云启动失败（退出码 ${code}）：\n${output}`));
    });
  });
}

/** `grid.signs` as `openid`, over the local cloud's function endpoint; a refusal becomes its Chinese message. */
export async function requestSigns(url: string, openid: string, input: StreetSignsInput): Promise<StreetSigns> {
  let res: Response;
  try {
    res = await fetch(`${url}/api/fn/grid`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
      body: JSON.stringify({ action: 'signs', ...input }),
    });
  } catch (error) {
    throw new SignsError(`无法连接本地云 ${url}（${(error as Error).message}）`);
  }
  if (res.status === 404) throw new SignsError(`本地云 ${url} 没有 grid 云函数：${REBUILD}`);
  const reply = (await res.json()) as Envelope<StreetSigns>;
  if (reply.ok) return reply.data;
  if (reply.code === 'INVALID_INPUT' && reply.message.startsWith('不支持的操作')) {
    throw new SignsError(`本地云的 grid 云函数还不会生成码牌：${REBUILD}`);
  }
  throw new SignsError(reply.message);
}
