/**
 * The local cloud's movable clock as tests and demos use it (issue 10): `GET`/`POST
 * /api/dev/clock`, on this machine only; functions called after a move read the moved time; a
 * move forward runs each skipped timer once at once; a restart keeps the clock.
 */
import * as http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppealDetail } from '../../types/appeal';
import type { DevClockMoved } from '../../types/devClock';
import { appeal, fileAppeal, newResident, okData } from '../../tests/support/appealKit';
import { cloudClock, moveClock } from '../../tests/support/clock';
import { LocalCloud } from '../../tests/support/localCloud';
import { spawnLocalCloud, type SpawnedCloud } from './spawn';

const HOUR = 3600_000;

/** Real time around `act`, to bound what the clock said meanwhile. */
async function during<T>(act: () => Promise<T>) {
  const before = Date.now();
  const value = await act();
  return { value, before, after: Date.now() };
}

/** A move posted as is, with any headers (`fetch` would not send another Host): the status and the parsed reply. */
function post(cloud: { url: string }, body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const { hostname, port } = new URL(cloud.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: '/api/dev/clock', method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the clock of a local cloud running the app’s functions (timers off, as in tests)', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await LocalCloud.start();
  });
  afterAll(() => cloud?.stop());

  it('runs at real time until moved', async () => {
    const { value, before, after } = await during(() => cloudClock(cloud));
    expect(Object.keys(value).sort()).toEqual(['now', 'offsetMinutes']);
    expect(value.offsetMinutes).toBe(0);
    expect(Date.parse(value.now)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(value.now)).toBeLessThanOrEqual(after);
  });

  it('moves forward by minutes and keeps flowing from there; no timers run here', async () => {
    await moveClock(cloud, { reset: true });
    const moved = await during(() => moveClock(cloud, { advanceMinutes: 180 }));
    expect(moved.value.offsetMinutes).toBe(180);
    expect(moved.value.caughtUp).toEqual([]);
    const read = await during(() => cloudClock(cloud));
    expect(read.value.offsetMinutes).toBe(180);
    expect(Date.parse(read.value.now)).toBeGreaterThanOrEqual(read.before + 3 * HOUR);
    expect(Date.parse(read.value.now)).toBeLessThanOrEqual(read.after + 3 * HOUR);
  });

  it('a function called after a move reads the moved time (an appeal filed at 19:50 on the eve of 国庆 2026, earlier than today)', async () => {
    const at = '2026-09-30T19:50:00+08:00';
    const filed = await during(async () => {
      await moveClock(cloud, { at });
      return fileAppeal(cloud, newResident('clock'));
    });
    const createdAt = Date.parse((filed.value as AppealDetail).createdAt);
    expect(createdAt).toBeGreaterThanOrEqual(Date.parse(at));
    expect(createdAt).toBeLessThanOrEqual(Date.parse(at) + (filed.after - filed.before));
  });

  it('goes back to real time on reset', async () => {
    await moveClock(cloud, { advanceMinutes: 60 });
    const { value, before, after } = await during(() => moveClock(cloud, { reset: true }));
    expect(value.offsetMinutes).toBe(0);
    expect(Date.parse(value.now)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(value.now)).toBeLessThanOrEqual(after);
  });

  it.each([
    ['broken JSON', '{"advanceMinutes": ', /JSON/],
    ['an array', '[60]', /JSON 对象/],
    ['nothing to do', '{}', /只给出 at、advanceMinutes 或 reset 中的一项/],
    ['a time without its zone', '{"at": "2030-09-30T19:50:00"}', /带时区的 ISO 时间/],
    ['minutes backwards', '{"advanceMinutes": -60}', /调回过去，请用/],
    ['a year past 2099', '{"at": "2100-06-01T00:00:00Z"}', /2000 年到 2099 年/],
  ])('refuses %s: 400 INVALID_INPUT in Chinese, the clock unmoved', async (_, body, message) => {
    const { offsetMinutes } = await moveClock(cloud, { advanceMinutes: 30 });
    const answer = await post(cloud, body);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ ok: false, code: 'INVALID_INPUT', message: expect.stringMatching(message) });
    expect((await cloudClock(cloud)).offsetMinutes).toBe(offsetMinutes);
  });

  it.each([
    ['a web page on another site (cross-origin, text/plain)', { origin: 'http://evil.example', 'content-type': 'text/plain' }],
    ['a foreign name resolving here (DNS rebinding)', { host: 'evil.example' }],
  ])('refuses %s: FORBIDDEN, the clock unmoved', async (_, headers) => {
    const { offsetMinutes } = await cloudClock(cloud);
    const answer = await post(cloud, '{"advanceMinutes": 600}', headers);
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('只对本机开放') });
    expect((await cloudClock(cloud)).offsetMinutes).toBe(offsetMinutes);
  });

  it('is where it was left after the process is killed and started again, and flows on', async () => {
    const moved = await moveClock(cloud, { at: '2031-05-06T07:08:09+08:00' });
    await cloud.restart();
    const read = await cloudClock(cloud);
    expect(read.offsetMinutes).toBe(moved.offsetMinutes);
    expect(Date.parse(read.now)).toBeGreaterThan(Date.parse('2031-05-06T07:08:09+08:00'));
    await moveClock(cloud, { reset: true });
  });
});

describe('timers on a local cloud with its timers on', () => {
  /**
   * A stand-in function: answers how many times it ran, its event, and the clock offset its call
   * environment carried. Its trigger runs at 02:00 every day (Beijing time).
   */
  const PROBE = `let runs = 0;
exports.main = async (event) => ({ ok: true, data: { runs: ++runs, event, offsetMs: process.env.GRIDLINK_CLOCK_OFFSET_MS } });
`;
  let dir: string;
  let cloud: SpawnedCloud;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gridlink-cloud-clock-'));
    const functionsDir = join(dir, 'functions');
    mkdirSync(join(functionsDir, 'probe'), { recursive: true });
    writeFileSync(join(functionsDir, 'probe', 'index.js'), PROBE);
    writeFileSync(join(functionsDir, 'probe', 'config.json'), JSON.stringify({ triggers: [{ name: 'nightly', type: 'timer', config: '0 0 2 * * * *' }] }));
    cloud = await spawnLocalCloud({ dataDir: join(dir, 'data'), functionsDir, timers: true, env: { ...process.env, NODE_ENV: 'test' } });
  });
  afterAll(async () => {
    await cloud?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  type Probe = { runs: number; event: { Type: string; TriggerName: string; Time: string; Message: string }; offsetMs: string };
  const probeRuns = (moved: DevClockMoved) => moved.caughtUp.map((run) => ({ ...run, result: (run.result as { data: Probe }).data }));

  it('a move forward runs each trigger the cron would have run meanwhile, once, at the moved time, before it answers', async () => {
    // from today to 10:00 on 2030-03-01: years of 02:00 ticks skipped, one run
    const first = await moveClock(cloud, { at: '2030-03-01T10:00:00+08:00' });
    expect(probeRuns(first)).toEqual([
      {
        function: 'probe',
        trigger: 'nightly',
        time: '2030-03-01T02:00:00Z',
        result: { runs: 1, event: { Type: 'Timer', TriggerName: 'nightly', Time: '2030-03-01T02:00:00Z', Message: '' }, offsetMs: expect.any(String) },
      },
    ]);
    // the function's call carried the clock's offset
    expect(Number(probeRuns(first)[0].result.offsetMs) / 60_000).toBeCloseTo(first.offsetMinutes, 6);

    // an hour: no 02:00 in between, nothing runs
    expect((await moveClock(cloud, { advanceMinutes: 60 })).caughtUp).toEqual([]);

    // three days: three 02:00 ticks skipped, one run, at the moved time (11:00 on 03-04)
    const threeDays = probeRuns(await moveClock(cloud, { advanceMinutes: 3 * 24 * 60 }));
    expect(threeDays).toHaveLength(1);
    expect(threeDays[0]).toMatchObject({ time: '2030-03-04T03:00:00Z', result: { runs: 2, event: { Time: '2030-03-04T03:00:00Z' } } });
  });

  it('a move back runs nothing', async () => {
    expect((await moveClock(cloud, { at: '2030-03-01T10:00:00+08:00' })).caughtUp).toEqual([]);
  });

  it('a timer run by hand (`/api/dev/trigger`) carries the moved time too', async () => {
    const at = '2030-03-01T10:00:00+08:00';
    const fired = await during(async () => {
      await moveClock(cloud, { at });
      return (await fetch(`${cloud.url}/api/dev/trigger/probe`, { method: 'POST' })).json() as Promise<{ data: Probe }>;
    });
    const time = Date.parse(fired.value.data.event.Time);
    // the event's time is whole seconds
    expect(time).toBeGreaterThanOrEqual(Date.parse(at));
    expect(time).toBeLessThanOrEqual(Date.parse(at) + (fired.after - fired.before));
  });
});

describe('the demo: an appeal escalating three hours later, in seconds (the app’s functions, timers on)', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await LocalCloud.start(undefined, { timers: true });
  });
  afterAll(() => cloud?.stop());

  it('filed at 10:00 on a working day (受理 within 2 service hours), it has risen to the community when +3 小时 answers', async () => {
    await moveClock(cloud, { at: '2026-12-01T10:00:00+08:00' }); // a Tuesday
    const resident = newResident('demo');
    const filed = await fileAppeal(cloud, resident);
    expect(filed.level).toBe('grid');

    const moved = await moveClock(cloud, { advanceMinutes: 180 });
    expect(moved.caughtUp.map((run) => `${run.function}/${run.trigger}`)).toContain('timers/sweep');

    const detail = okData(await appeal<AppealDetail>(cloud, resident, 'detail', { id: filed.id }));
    expect(detail.level).toBe('community');
    expect(detail.timeline.filter((e) => e.type === 'escalated')).toHaveLength(1);
    expect(detail.promise).toContain('已升级至社区');
  });
});
