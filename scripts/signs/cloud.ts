import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Envelope } from '../../types/envelope';
import type { StreetSigns, StreetSignsInput } from '../../types/signs';
import { FUNCTIONS_OUT } from '../functions';
import { spawnLocalCloud } from '../localcloud/spawn';
import { SignsError } from './args';

export type RunningCloud = { url: string; stop(): Promise<void> };

const REBUILD = '请先运行 npm run build:functions 构建云函数';

/** The developer's own local cloud, left running when the script is done. */
export const runningCloud = (url: string): RunningCloud => ({ url, stop: async () => {} });

/**
 * A local cloud of the script's own over `dataDir` (as `npm start` runs it, without timers, so
 * printing never fires a reminder), stopped by `stop()`.
 */
export async function startCloud(dataDir: string): Promise<RunningCloud> {
  if (!existsSync(join(FUNCTIONS_OUT, 'grid', 'index.js'))) throw new SignsError(`没有找到构建好的云函数：${REBUILD}`);
  try {
    return await spawnLocalCloud({ dataDir });
  } catch (error) {
    throw new SignsError(`本地云启动失败：${(error as Error).message}`);
  }
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
