import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';
import { readLink } from '../../types/entry';
import { PAGES } from '../../types/routes';
import { openDatabase, type IndexSpec } from './db';
import type { DevClockMoved } from '../../types/devClock';
import { openClock, readClockMove } from './clock';
import { demoCollections, demoIdentities, readDemo } from './demo';
import { functionRunner } from './functions';
import { openApi, openOutbox } from './openapi';
import { openStorage } from './storage';
import { isLoopback, tcbHandler } from './tcb';
import { startTimers, timerEvent, type Timers } from './timers';

export type LocalCloudOptions = {
  port: number;
  /**
   * The address to listen on; `127.0.0.1` (this machine only) by default. Another (`0.0.0.0`)
   * serves the app and `/api/fn` to the network, where anyone can act as anyone: the local cloud
   * is for development, tests and demos, never a server for real residents. `/api/dev/*` and
   * `/admin` answer only on loopback whatever the address.
   */
  host?: string;
  dataDir: string;
  functionsDir: string;
  h5Dir: string;
  demoFile: string;
  timers?: boolean;
};

const MAX_EVENT_BYTES = 1024 * 1024;
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** A request for an ordinary-QR link: its first path segment is `g` or `i` (read before `new URL`, which takes `//g/…` for a host). */
const ORDINARY_LINK = /^\/+[gi](\/|\?|#|$)/i;

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('payload too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Who a request acts as: the `X-Dev-OpenId` header (the identity `getWXContext()` gives), or null. */
/**
 * A request a web page on another site made through this machine's browser (a cross-origin POST
 * needs no preflight as text/plain), or one addressed by a foreign name that resolves here (DNS
 * rebinding): loopback alone does not keep those out of `/admin` and `/api/dev/*`.
 */
const LOOPBACK_NAME = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i;

function fromAnotherSite(req: IncomingMessage): boolean {
  if (!LOOPBACK_NAME.test(req.headers.host ?? '')) return true;
  // the app itself, served here or by `npm run dev`'s server (which proxies to this one)
  const origin = req.headers.origin;
  return origin !== undefined && !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i.test(origin);
}

function devOpenId(req: IncomingMessage): string | null {
  const header = req.headers['x-dev-openid'];
  return typeof header === 'string' && header.trim() ? header.trim() : null;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** A request's body as the JSON object an event or a push is, or the refusal to answer instead (400, 413). */
async function readEvent(req: IncomingMessage): Promise<{ event: Record<string, unknown> } | { status: number; message: string }> {
  let text: string;
  try {
    text = (await readBody(req, MAX_EVENT_BYTES)).toString('utf8');
  } catch {
    return { status: 413, message: `请求内容不能超过 ${MAX_EVENT_BYTES / 1024} KB` };
  }
  let event: unknown;
  try {
    event = JSON.parse(text || '{}');
  } catch {
    return { status: 400, message: '请求内容不是有效的 JSON' };
  }
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return { status: 400, message: '请求内容必须是 JSON 对象' };
  return { event: event as Record<string, unknown> };
}

const refuseEvent = (res: ServerResponse, { status, message }: { status: number; message: string }) =>
  sendJson(res, status, { ok: false, code: 'INVALID_INPUT', message });

/** What a dev endpoint answers a client not on this machine. */
const DEV_ONLY = { ok: false, code: 'FORBIDDEN', message: '本地云的开发接口只对本机开放（本地云用于开发、测试和演示，不是给居民使用的服务器）' };

const readIndexes = (): Record<string, Array<IndexSpec & { name: string }>> =>
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'cloudfunctions', 'database', 'indexes.json'), 'utf8'));

/** Starts the local cloud; resolves once it listens. */
export async function startLocalCloud(opts: LocalCloudOptions) {
  mkdirSync(opts.dataDir, { recursive: true });
  const clock = openClock({ file: join(opts.dataDir, 'clock.json') });
  const database = openDatabase({ file: join(opts.dataDir, 'db.sqlite'), now: () => clock.now().getTime() });
  // The indexes the functions rely on (unique ones enforced), from the same file the cloud console is set up from.
  for (const [collection, indexes] of Object.entries(readIndexes())) {
    for (const index of indexes) database.ensureIndex(collection, index);
  }
  const demo = readDemo(opts.demoFile);
  if (database.isEmpty()) {
    for (const [collection, docs] of Object.entries(demoCollections(demo))) database.insertMany(collection, docs);
  }
  const identities = demoIdentities(demo);
  const outbox = openOutbox({ file: join(opts.dataDir, 'outbox.jsonl') });
  let origin = '';
  const storage = openStorage({ dir: join(opts.dataDir, 'storage'), baseUrl: () => origin });
  const app = sirv(opts.h5Dir, { single: true, dev: true });

  let runner: ReturnType<typeof functionRunner> | undefined;
  let timers: Timers | null = null;
  const admin = tcbHandler({
    database,
    storage,
    openapi: openApi({ outbox, now: clock.now, callerOf: (callId) => runner?.callerOf(callId) ?? null }),
    onRoundTrip: (callId) => runner?.countRoundTrip(callId),
  });

  async function callFunction(name: string, req: IncomingMessage, res: ServerResponse) {
    if (!runner!.exists(name)) return sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: `没有名为 ${name} 的云函数` });
    const read = await readEvent(req);
    if (!('event' in read)) return refuseEvent(res, read);
    try {
      const { result, roundTrips } = await runner!.invoke(name, read.event, { openid: devOpenId(req), source: 'wx_client' });
      sendJson(res, 200, result, { 'x-db-round-trips': String(roundTrips) });
    } catch (error) {
      console.error(`[local cloud] function ${name} failed`, error);
      sendJson(res, 502, { ok: false, code: 'INTERNAL', message: '云函数执行出错' });
    }
  }

  /**
   * The H5 app cannot call wx.cloud.uploadFile: it posts the bytes here, to the cloud path its
   * `file.ticket` gave (`?path=`), as the person it was given to (`X-Dev-OpenId`), and gets the
   * fileID the mini-program would have got. A path that is not that person's ticket (another
   * person's, or none) is FORBIDDEN; one already uploaded is a CONFLICT: a ticket takes one file,
   * so nobody replaces a file after it was checked and shown.
   */
  async function uploadFromBrowser(url: URL, req: IncomingMessage, res: ServerResponse) {
    const cloudPath = url.searchParams.get('path') ?? '';
    const openid = devOpenId(req);
    const ticket = database.find('files', { cloudPath })[0] as { owner?: unknown } | undefined;
    if (!openid || !ticket || ticket.owner !== openid) {
      return sendJson(res, 403, { ok: false, code: 'FORBIDDEN', message: '没有这个文件的上传凭证，请重新选择文件上传' });
    }
    if (storage.has(cloudPath)) return sendJson(res, 409, { ok: false, code: 'CONFLICT', message: '这个文件已经上传过，请重新选择文件上传' });
    let bytes: Buffer;
    try {
      bytes = await readBody(req, MAX_UPLOAD_BYTES);
    } catch {
      return sendJson(res, 413, { ok: false, code: 'INVALID_INPUT', message: '文件不能超过 10 MB' });
    }
    if (!bytes.length) return sendJson(res, 400, { ok: false, code: 'INVALID_INPUT', message: '没有收到文件' });
    sendJson(res, 200, { ok: true, data: { fileID: storage.put(cloudPath, bytes) } });
  }

  // A browser cannot open cloud:// ids; the H5 app points <img> here instead.
  function redirectToFile(url: URL, res: ServerResponse) {
    const target = storage.tempUrl(url.searchParams.get('id') ?? '');
    if (!target) return sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: '文件不存在' });
    res.writeHead(302, { location: target });
    res.end();
  }

  async function fireTrigger(name: string, res: ServerResponse) {
    if (!runner!.exists(name)) return sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: `没有名为 ${name} 的云函数` });
    const { result, roundTrips } = await runner!.invoke(name, timerEvent('manual', clock.now()), { openid: null, source: 'wx_trigger' });
    sendJson(res, 200, result, { 'x-db-round-trips': String(roundTrips) });
  }

  /**
   * Moves the clock (`{at}`, `{advanceMinutes}` or `{reset: true}`, see clock.ts) and answers it as
   * `GET /api/dev/clock` does, with the timer runs a forward move caused (awaited, so a test or demo
   * sees their effects at once; none when timers are off). A bad body is 400 INVALID_INPUT.
   */
  async function moveClock(req: IncomingMessage, res: ServerResponse) {
    const read = await readEvent(req);
    if (!('event' in read)) return refuseEvent(res, read);
    const parsed = readClockMove(read.event);
    if ('refusal' in parsed) return refuseEvent(res, { status: 400, message: parsed.refusal });
    const { from, to } = clock.move(parsed.move);
    const caughtUp = (await timers?.clockMoved(from, to)) ?? [];
    const moved: DevClockMoved = { ...clock.read(), caughtUp };
    sendJson(res, 200, moved);
  }

  // WeChat's message push (e.g. a wxa_media_check verdict) as the platform would deliver it.
  async function deliverPush(name: string, req: IncomingMessage, res: ServerResponse) {
    if (!runner!.exists(name)) return sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: `没有名为 ${name} 的云函数` });
    const read = await readEvent(req);
    if (!('event' in read)) return refuseEvent(res, read);
    const { result } = await runner!.invoke(name, read.event, { openid: null, source: 'wx_push' });
    sendJson(res, 200, result);
  }

  /**
   * An ordinary-QR link (`/g/<code>` of a grid's sign, `/i/<code>` of an invite) sends the browser
   * to its page: with the code when `readLink` finds one, else with the link as it came (`q`), so
   * that the page, reading it with the same parser, shows its message for a malformed link.
   */
  function redirectLink(rawUrl: string, res: ServerResponse) {
    const link = readLink(rawUrl);
    const page = link?.kind === 'invite' ? PAGES.staffJoin : PAGES.grid;
    const query = link?.entry.ok ? `code=${encodeURIComponent(link.entry.code)}` : `q=${encodeURIComponent(origin + rawUrl)}`;
    res.writeHead(302, { location: `/#/${page}?${query}` });
    res.end();
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    if (ORDINARY_LINK.test(req.url ?? '')) return redirectLink(req.url!, res);
    const url = new URL(req.url ?? '/', 'http://local');
    const path = url.pathname;
    const privileged = path === '/admin' || path.startsWith('/admin/') || path.startsWith('/api/dev/');
    if (privileged && (!isLoopback(req.socket.remoteAddress) || fromAnotherSite(req))) {
      req.resume();
      return sendJson(res, 403, DEV_ONLY);
    }
    if (path === '/admin' || path.startsWith('/admin/')) return admin(req, res);
    if (path.startsWith('/storage/') && (await storage.serve(req, res))) return;
    const fn = /^\/api\/fn\/([A-Za-z0-9_-]+)$/.exec(path);
    if (fn && req.method === 'POST') return callFunction(fn[1], req, res);
    if (path === '/api/dev/outbox' && req.method === 'GET') return sendJson(res, 200, outbox.list());
    if (path === '/api/dev/identities' && req.method === 'GET') return sendJson(res, 200, identities);
    if (path === '/api/dev/clock' && req.method === 'GET') return sendJson(res, 200, clock.read());
    if (path === '/api/dev/clock' && req.method === 'POST') return moveClock(req, res);
    if (path === '/api/dev/upload' && req.method === 'POST') return uploadFromBrowser(url, req, res);
    if (path === '/api/dev/file' && req.method === 'GET') return redirectToFile(url, res);
    const trigger = /^\/api\/dev\/trigger\/([A-Za-z0-9_-]+)$/.exec(path);
    if (trigger && req.method === 'POST') return fireTrigger(trigger[1], res);
    const push = /^\/api\/dev\/push\/([A-Za-z0-9_-]+)$/.exec(path);
    if (push && req.method === 'POST') return deliverPush(push[1], req, res);
    if (path.startsWith('/api/')) return sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: '没有这个接口' });
    app(req, res, () => sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: '没有这个页面' }));
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error) => {
      console.error('[local cloud] request failed', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, code: 'INTERNAL', message: '本地云出错' });
      else res.end();
    });
  });
  // A client busy for a few seconds (a test decoding images, a debugger at a breakpoint) may reuse
  // a kept-alive socket its own timers never got to retire; Node's 5 s default would have closed
  // it under the request ("other side closed"). Idle sockets still close on shutdown.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  runner = functionRunner({ functionsDir: opts.functionsDir, adminUrl: `${origin}/admin`, clockOffsetMs: clock.offsetMs });
  timers = opts.timers === false ? null : startTimers({
    functionsDir: opts.functionsDir,
    now: clock.now,
    invoke: async (name, event) => (await runner!.invoke(name, event as Record<string, unknown>, { openid: null, source: 'wx_trigger' })).result,
  });

  return {
    url: origin,
    async close() {
      timers?.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      database.close();
    },
  };
}
