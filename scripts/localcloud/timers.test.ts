import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Cron } from 'croner';
import { convertWxCron, startTimers, timerEvent, yearInUtc8, readTimerTriggers, TIMEZONE } from './timers';

describe('convertWxCron', () => {
  test.each([
    ['0 0 2 1 * * *', '0 0 2 1 * *', null],
    ['*/5 * * * * * *', '*/5 * * * * *', null],
    ['0 */30 9-17 * * * *', '0 */30 9-17 * * *', null],
    ['0 15 10 * * MON-FRI *', '0 15 10 * * MON-FRI', null],
    ['0 0 10,14,16 * * * *', '0 0 10,14,16 * * *', null],
    ['0 0 12 * * wed *', '0 0 12 * * WED', null],
    ['0 0 0 * jan,Dec 0 *', '0 0 0 * JAN,DEC 0', null],
    ['1/10 * * * * * *', '1/10 * * * * *', null],
    ['0 0 3 * * * 2030', '0 0 3 * * *', [2030]],
    ['0 0 3 * * * 2030-2032', '0 0 3 * * *', [2030, 2031, 2032]],
    ['0 0 3 * * * 2030,2040', '0 0 3 * * *', [2030, 2040]],
    ['0 0 3 * * * 2030/10', '0 0 3 * * *', [2030, 2040, 2050, 2060, 2070, 2080, 2090]],
    ['  0   0 3 * * *   *  ', '0 0 3 * * *', null],
  ])('%j → %j years %j', (wx, pattern, years) => {
    expect(convertWxCron(wx)).toEqual({ pattern, years });
  });

  test.each([
    ['0 0 2 1 * *', /7 fields/],
    ['0 0 2 1 * * * *', /7 fields/],
    ['60 0 0 * * * *', /second value 60/],
    ['0 0 24 * * * *', /hour value 24/],
    ['0 0 0 0 * * *', /day value 0/],
    ['0 0 0 * 13 * *', /month value 13/],
    ['0 0 0 * * 7 *', /week value 7/],
    ['0 0 0 * * * 1969', /year value 1969/],
    ['0 0 0 * * * 2100', /year value 2100/],
    ['0 0 0 ? * * *', /invalid day value/],
    ['0 0 0 L * * *', /invalid day value/],
    ['0 0 0 * * 1#2 *', /invalid week value/],
    ['0 0 5-1 * * * *', /reversed range/],
    ['*/0 * * * * * *', /invalid step/],
    ['0 0 0 * * FOO *', /invalid week value/],
  ])('rejects %j', (wx, message) => {
    expect(() => convertWxCron(wx)).toThrow(message);
  });

  test('the converted pattern runs at the WeChat times in UTC+8, day/week OR-ed', () => {
    const next = (wx: string, from: string, n = 3) =>
      new Cron(convertWxCron(wx).pattern, { timezone: TIMEZONE, paused: true }).nextRuns(n, new Date(from)).map((d) => d.toISOString());
    // 02:00 on the 1st, Beijing time
    expect(next('0 0 2 1 * * *', '2025-01-01T00:00:00Z', 2)).toEqual(['2025-01-31T18:00:00.000Z', '2025-02-28T18:00:00.000Z']);
    // 10:15 Mon-Fri Beijing = 02:15Z; 2025-01-03 is a Friday, 2025-01-06 a Monday
    expect(next('0 15 10 * * MON-FRI *', '2025-01-03T00:00:00Z', 2)).toEqual(['2025-01-03T02:15:00.000Z', '2025-01-06T02:15:00.000Z']);
    // day 15 OR Sunday (0): 2025-01-05 Sun, 2025-01-12 Sun, 2025-01-15 Wed
    expect(next('0 0 12 15 * 0 *', '2025-01-01T00:00:00Z', 3)).toEqual(['2025-01-05T04:00:00.000Z', '2025-01-12T04:00:00.000Z', '2025-01-15T04:00:00.000Z']);
  });
});

describe('event and helpers', () => {
  test('timerEvent has the SCF timer shape', () => {
    expect(timerEvent('daily', new Date('2025-03-04T05:06:07.890Z'))).toEqual({ Type: 'Timer', TriggerName: 'daily', Time: '2025-03-04T05:06:07Z', Message: '' });
  });
  test('yearInUtc8', () => {
    expect(yearInUtc8(new Date('2024-12-31T16:00:00Z'))).toBe(2025);
    expect(yearInUtc8(new Date('2024-12-31T15:59:59Z'))).toBe(2024);
  });
});

describe('startTimers', () => {
  let dir: string;
  const logs: string[] = [];
  const log = {
    log: (...a: unknown[]) => { logs.push(a.map(String).join(' ')); },
    warn: (...a: unknown[]) => { logs.push('WARN ' + a.map(String).join(' ')); },
    error: (...a: unknown[]) => { logs.push('ERROR ' + a.map(String).join(' ')); },
  };
  const write = (fn: string, config: unknown) => {
    fs.mkdirSync(path.join(dir, fn), { recursive: true });
    fs.writeFileSync(path.join(dir, fn, 'config.json'), typeof config === 'string' ? config : JSON.stringify(config));
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'timers-test-'));
    write('everySecond', { permissions: { openapi: [] }, triggers: [{ name: 'tick', type: 'timer', config: '* * * * * * *' }] });
    write('throws', { triggers: [{ name: 'boom', type: 'timer', config: '* * * * * * *' }] });
    write('pastYear', { triggers: [{ name: 'old', type: 'timer', config: '0 0 0 * * * 2001' }] });
    write('future', { triggers: [{ name: 'later', type: 'timer', config: '0 0 8 * * * 2098' }] });
    write('badCron', { triggers: [{ name: 'bad', type: 'timer', config: '0 0 2 1 * *' }] });
    write('badJson', '{ "triggers": [ // comments are not JSON');
    write('badName', { triggers: [{ name: '1abc', type: 'timer', config: '* * * * * * *' }] });
    write('noTriggers', { permissions: { openapi: ['subscribeMessage.send'] } });
    fs.mkdirSync(path.join(dir, 'noConfig'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('readTimerTriggers keeps only valid timer triggers', () => {
    expect(readTimerTriggers(dir, log).map((t) => `${t.fn}/${t.trigger.name}`)).toEqual([
      'badCron/bad', 'everySecond/tick', 'future/later', 'pastYear/old', 'throws/boom',
    ]);
  });

  test('invokes on schedule with the timer event, survives a throwing function, stops', async () => {
    logs.length = 0;
    const calls: Array<{ name: string; event: any; at: number }> = [];
    const timers = startTimers({
      functionsDir: dir,
      log,
      invoke: async (name, event) => {
        calls.push({ name, event, at: Date.now() });
        if (name === 'throws') throw new Error('handler failed');
        return { ok: true };
      },
    });
    expect(timers.list().map((t) => `${t.fn}/${t.trigger}`).sort()).toEqual(['everySecond/tick', 'future/later', 'throws/boom']);
    const future = timers.list().find((t) => t.fn === 'future')!;
    expect(future.next?.toISOString()).toBe('2098-01-01T00:00:00.000Z'); // 08:00 Beijing on the first day of 2098
    await new Promise((r) => setTimeout(r, 2300));
    timers.stop();
    const ticks = calls.filter((c) => c.name === 'everySecond');
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks[0].event).toEqual({ Type: 'Timer', TriggerName: 'tick', Time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/), Message: '' });
    expect(Math.abs(Date.parse(ticks[0].event.Time) - ticks[0].at)).toBeLessThan(1500);
    expect(calls.filter((c) => c.name === 'throws').length).toBeGreaterThanOrEqual(2);
    expect(calls.some((c) => ['pastYear', 'badCron', 'badName', 'future'].includes(c.name))).toBe(false);
    expect(logs.some((l) => l.startsWith('ERROR') && l.includes('throws/boom'))).toBe(true);
    expect(logs.some((l) => l.startsWith('WARN') && l.includes('pastYear/old'))).toBe(true);
    expect(logs.some((l) => l.startsWith('WARN') && l.includes('badCron/bad') && l.includes('7 fields'))).toBe(true);
    expect(logs.some((l) => l.startsWith('WARN') && l.includes('badJson'))).toBe(true);
    const after = calls.length;
    await new Promise((r) => setTimeout(r, 1200));
    expect(calls.length).toBe(after);
    expect(timers.list()).toEqual([]);
  });

  test('a missing functions dir is reported, not thrown', () => {
    const t = startTimers({ functionsDir: path.join(dir, 'nope'), invoke: async () => undefined, log });
    expect(t.list()).toEqual([]);
    t.stop();
  });
});

describe('timers on a moved clock', () => {
  let dir: string;
  const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
  /** The local cloud's clock in these tests: real time plus an offset the test moves. */
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  const startAt = (iso: string) => {
    offset = Date.parse(iso) - Date.now();
  };
  /** Moves the clock by `minutes` as the server does: the time just before and just after. */
  const advance = (minutes: number) => {
    const from = now();
    offset += minutes * 60_000;
    return { from, to: now() };
  };
  const goTo = (iso: string) => {
    const from = now();
    startAt(iso);
    return { from, to: now() };
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'timers-clock-test-'));
    const write = (fn: string, config: string) => {
      fs.mkdirSync(path.join(dir, fn));
      fs.writeFileSync(path.join(dir, fn, 'config.json'), JSON.stringify({ triggers: [{ name: `${fn}Trigger`, type: 'timer', config }] }));
    };
    write('sweep', '0 */5 * * * * *');
    write('nightly', '0 0 2 * * * *');
    write('someday', '0 0 8 * * * 2098');
    write('broken', '0 0 * * * * *');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  // Real time is faked (20:00 on 2026-11-29), so nothing flows unless a test says so and no test waits.
  beforeEach(() => jest.useFakeTimers({ now: Date.parse('2026-11-29T20:00:00+08:00') }));
  afterEach(() => jest.useRealTimers());

  test('a trigger fires when the moved clock reaches its tick, and its event says that tick', () => {
    startAt('2030-03-01T01:59:59.000+08:00');
    const calls: Array<{ name: string; event: any }> = [];
    const timers = startTimers({ functionsDir: dir, now, log: quiet, invoke: async (name, event) => void calls.push({ name, event }) });
    expect(timers.list().find((t) => t.fn === 'nightly')?.next?.toISOString()).toBe('2030-02-28T18:00:00.000Z');
    jest.advanceTimersByTime(999);
    expect(calls).toEqual([]);
    jest.advanceTimersByTime(1);
    timers.stop();
    // 02:00 is a tick of the hourly and the 5-minute triggers too
    expect(calls.map((c) => c.name).sort()).toEqual(['broken', 'nightly', 'sweep']);
    for (const { name, event } of calls) expect(event).toEqual({ Type: 'Timer', TriggerName: `${name}Trigger`, Time: '2030-02-28T18:00:00Z', Message: '' });
  });

  test('a jump forward runs each trigger the cron would have run in between once, at the moved time; a jump back runs none', async () => {
    startAt('2030-03-01T10:00:30+08:00');
    const calls: Array<{ name: string; event: any }> = [];
    const timers = startTimers({
      functionsDir: dir,
      now,
      log: quiet,
      invoke: async (name, event) => {
        calls.push({ name, event });
        if (name === 'broken') throw new Error('handler failed');
        return { ok: true, data: { name } };
      },
    });
    const runs = async (move: { from: Date; to: Date }) => {
      calls.length = 0;
      const reported = await timers.clockMoved(move.from, move.to);
      expect(reported.map((r) => r.function).sort()).toEqual(calls.map((c) => c.name).sort());
      for (const c of calls) expect(c.event.Time).toBe(timerEvent('', move.to).Time);
      return reported;
    };

    // three hours: 36 ticks of the 5-minute sweep and 3 of the hourly one, one run each; no 02:00 in between
    const threeHours = advance(180);
    const reported = await runs(threeHours);
    expect(calls.map((c) => c.name).sort()).toEqual(['broken', 'sweep']);
    expect(reported).toContainEqual({ function: 'sweep', trigger: 'sweepTrigger', time: timerEvent('', threeHours.to).Time, result: { ok: true, data: { name: 'sweep' } } });
    expect(reported).toContainEqual(expect.objectContaining({ function: 'broken', result: { ok: false, code: 'INTERNAL', message: expect.any(String) } }));
    // the schedule goes on from the moved time: 13:00:30 → the sweep at 13:05
    expect(timers.list().find((t) => t.fn === 'sweep')?.next?.toISOString()).toBe('2030-03-01T05:05:00.000Z');
    calls.length = 0;
    jest.advanceTimersByTime(4.5 * 60_000);
    expect(calls.map((c) => [c.name, c.event.Time])).toEqual([['sweep', '2030-03-01T05:05:00Z']]);

    // one minute skips no tick of any trigger
    await runs(advance(1));
    expect(calls).toEqual([]);

    // a day: the 02:00 trigger runs once as well
    await runs(advance(24 * 60));
    expect(calls.map((c) => c.name).sort()).toEqual(['broken', 'nightly', 'sweep']);

    // back two days: nothing runs, and the schedule follows the clock back
    await runs(advance(-2 * 24 * 60));
    expect(calls).toEqual([]);
    expect(timers.list().find((t) => t.fn === 'nightly')?.next?.toISOString()).toBe('2030-02-28T18:00:00.000Z');

    // into the one year a trigger names
    await runs(goTo('2098-01-01T09:00:00+08:00'));
    expect(calls.map((c) => c.name).sort()).toEqual(['broken', 'nightly', 'someday', 'sweep']);
    timers.stop();
  });
});
