/**
 * The local cloud is for development, tests and demos (issue 9): it listens on this machine only
 * unless told otherwise, its dev endpoints and `/admin` answer only on loopback even then, it says
 * at start that it is no server for real residents, and a body that is not a JSON object is the
 * caller's fault (400), never the server's (500).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnLocalCloud, type SpawnedCloud } from './spawn';

/** This machine's address on its network: a client there is not loopback. */
function networkAddress(): string {
  const found = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal);
  if (!found) throw new Error('this test needs a network interface besides loopback, to reach the local cloud as another machine would');
  return found.address;
}

type Answer = { status: number; body: string };

/** A request to `host` on the cloud's port, sent from that address (so the cloud sees it as the client's). */
function request(cloud: SpawnedCloud, host: string, method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<Answer> {
  const { port } = new URL(cloud.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host, port, path, method, localAddress: host, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const dirs: string[] = [];
const start = async (host?: string) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gridlink-cloud-dev-'));
  dirs.push(dataDir);
  return { cloud: await spawnLocalCloud({ dataDir, host, env: { ...process.env, NODE_ENV: 'test' } }), dataDir };
};

let local: SpawnedCloud;
let open: SpawnedCloud;
let openData: string;
beforeAll(async () => {
  [{ cloud: local }, { cloud: open, dataDir: openData }] = await Promise.all([start(), start('0.0.0.0')]);
});
afterAll(async () => {
  await Promise.all([local?.stop(), open?.stop()]);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const LOOPBACK = '127.0.0.1';
const storedFiles = () => readdirSync(join(openData, 'storage'), { recursive: true }).length;

describe('where the local cloud listens', () => {
  it('on this machine only by default: another machine cannot connect at all', async () => {
    await expect(request(local, networkAddress(), 'GET', '/api/dev/outbox')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect((await request(local, LOOPBACK, 'GET', '/api/dev/outbox')).status).toBe(200);
  });

  it('says when it starts that it is for development, tests and demos, not a server for real residents', () => {
    expect(local.banner).toContain('NOT a server for real residents');
    expect(local.banner).toContain('不是给居民使用的服务器');
    expect(local.banner).not.toContain('open to the network');
    expect(open.banner).toContain('listening on 0.0.0.0: the app and /api/fn are open to the network; /api/dev/* and /admin still answer only on this machine');
  });
});

describe('listening on the network (--host 0.0.0.0), the dev endpoints and /admin answer only on loopback', () => {
  const DEV: Array<[string, string, string, string | undefined]> = [
    ['the outbox (invite codes, signed photo links)', 'GET', '/api/dev/outbox', undefined],
    ['the identity switcher', 'GET', '/api/dev/identities', undefined],
    ['a stored file', 'GET', '/api/dev/file?id=cloud://local/appeals/a.jpg', undefined],
    ['an upload', 'POST', '/api/dev/upload?name=a.jpg', 'not really a photo'],
    ['a timer run now', 'POST', '/api/dev/trigger/timers', ''],
    ['a message push', 'POST', '/api/dev/push/mediacheck', '{}'],
    ['the clock', 'GET', '/api/dev/clock', undefined],
    ['a clock move', 'POST', '/api/dev/clock', '{"advanceMinutes": 60}'],
  ];

  it.each(DEV)('%s: FORBIDDEN to another machine, nothing stored', async (_, method, path, body) => {
    const before = storedFiles();
    const answer = await request(open, networkAddress(), method, path, body);
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('只对本机开放') });
    expect(storedFiles()).toBe(before);
  });

  it.each(DEV)('%s: served on this machine (whatever the endpoint then says, not the loopback refusal)', async (_, method, path, body) => {
    expect((await request(open, LOOPBACK, method, path, body)).body).not.toContain('只对本机开放');
  });

  it('a clock move from another machine leaves the clock where it was', async () => {
    const clock = async () => JSON.parse((await request(open, LOOPBACK, 'GET', '/api/dev/clock')).body).offsetMinutes;
    const before = await clock();
    expect((await request(open, networkAddress(), 'POST', '/api/dev/clock', '{"advanceMinutes": 600}')).status).toBe(403);
    expect(await clock()).toBe(before);
  });

  it('/admin (the whole database) refuses another machine, and serves this one', async () => {
    const query = JSON.stringify({ action: 'database.getDocument', collectionName: 'staff', queryType: 'WHERE', query: '{}', limit: 100 });
    const remote = await request(open, networkAddress(), 'POST', '/admin?env=local', query);
    expect(remote.status).toBe(403);
    expect(remote.body).not.toContain('demo-street-GS');
    const here = await request(open, LOOPBACK, 'POST', '/admin?env=local', query);
    expect(here.status).toBe(200);
    expect(here.body).toContain('demo-street-GS');
  });

  it('the app’s functions answer the network (a demo on a phone), as the banner says', async () => {
    const answer = await request(open, networkAddress(), 'POST', '/api/fn/grid', JSON.stringify({ action: 'resolve', code: 'GS-0101' }));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, data: { grid: { code: 'GS-0101' } } });
  });
});

describe('a web page on another site cannot reach /admin or the dev endpoints through this machine’s browser', () => {
  const insert = JSON.stringify({ action: 'database.addDocument', collectionName: 'staff', data: JSON.stringify({ openid: 'evil', roles: [{ role: 'street', streetId: 'GS' }] }) });
  it.each([
    ['a cross-origin POST to /admin (text/plain needs no preflight)', '/admin?env=local', { origin: 'http://evil.example', 'content-type': 'text/plain' }],
    ['a foreign name resolving here (DNS rebinding)', '/admin?env=local', { host: 'evil.example' }],
    ['a cross-origin push', '/api/dev/push/mediacheck', { origin: 'http://evil.example', 'content-type': 'text/plain' }],
  ])('%s: FORBIDDEN, nothing written', async (_, path, headers) => {
    const answer = await request(local, LOOPBACK, 'POST', path, insert, headers);
    expect(answer.status).toBe(403);
    const staff = await request(local, LOOPBACK, 'POST', '/admin?env=local', JSON.stringify({ action: 'database.getDocument', collectionName: 'staff', queryType: 'WHERE', query: JSON.stringify({ openid: 'evil' }), limit: 1 }));
    expect(staff.body).not.toContain('"evil"');
  });

  it('the app’s own page, served here or by the dev server on this machine, still reaches the dev endpoints', async () => {
    const { port } = new URL(local.url);
    for (const origin of [`http://127.0.0.1:${port}`, 'http://localhost:10086']) {
      expect((await request(local, LOOPBACK, 'GET', '/api/dev/identities', undefined, { origin })).status).toBe(200);
    }
  });
});

describe('a body that is not a JSON object is the caller’s fault', () => {
  const BAD: Array<[string, string]> = [
    ['broken JSON', '{"type": '],
    ['an array', '[1, 2]'],
    ['a string', '"wxa_media_check"'],
    ['null', 'null'],
    ['a number', '42'],
  ];

  it.each(BAD)('a push with %s: 400 INVALID_INPUT in Chinese', async (_, body) => {
    const answer = await request(local, LOOPBACK, 'POST', '/api/dev/push/mediacheck', body);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringMatching(/JSON/) });
  });

  it.each(BAD)('a function call with %s: 400 INVALID_INPUT in Chinese', async (_, body) => {
    const answer = await request(local, LOOPBACK, 'POST', '/api/fn/grid', body);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('a push to a function that does not exist: 404', async () => {
    expect((await request(local, LOOPBACK, 'POST', '/api/dev/push/nosuch', '{}')).status).toBe(404);
  });
});
