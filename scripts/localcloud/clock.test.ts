/**
 * The local cloud's clock: what a move may say, where each move takes it, and that a reopened
 * clock (a restart) is where it was left.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_ADVANCE_MINUTES, openClock, readClockMove } from './clock';

describe('readClockMove', () => {
  it.each([
    [{ at: '2026-09-30T19:50:00+08:00' }],
    [{ at: '2026-09-30T11:50:00Z' }],
    [{ at: '2026-09-30T11:50:00.250Z' }],
    [{ at: '2000-01-01T00:00:00+08:00' }],
    [{ at: '2020-01-01T00:00:00Z' }],
    [{ advanceMinutes: 1 }],
    [{ advanceMinutes: 180 }],
    [{ advanceMinutes: MAX_ADVANCE_MINUTES }],
    [{ reset: true }],
  ])('takes %j as it is', (body) => {
    expect(readClockMove(body)).toEqual({ move: body });
  });

  it.each([
    ['nothing', {}, /只给出 at、advanceMinutes 或 reset 中的一项/],
    ['two moves at once', { at: '2026-09-30T19:50:00+08:00', advanceMinutes: 5 }, /只给出/],
    ['an unknown field', { minutes: 5 }, /只给出/],
    ['a time without its zone (whose 19:50?)', { at: '2026-09-30T19:50:00' }, /带时区的 ISO 时间/],
    ['a date only', { at: '2026-09-30' }, /带时区的 ISO 时间/],
    ['a day that does not exist', { at: '2026-02-30T10:00:00+08:00' }, /带时区的 ISO 时间/],
    ['words', { at: 'tomorrow' }, /带时区的 ISO 时间/],
    ['a number for at', { at: 1790000000000 }, /带时区的 ISO 时间/],
    ['a year before 2000', { at: '1999-12-31T23:59:59+08:00' }, /2000 年到 2099 年/],
    ['a year after 2099', { at: '2100-01-01T00:00:00+08:00' }, /2000 年到 2099 年/],
    ['zero minutes', { advanceMinutes: 0 }, /1 到 525600 之间的整数/],
    ['minutes back', { advanceMinutes: -60 }, /调回过去，请用 \{"at"/],
    ['part of a minute', { advanceMinutes: 1.5 }, /整数/],
    ['minutes as text', { advanceMinutes: '60' }, /整数/],
    ['more than a year', { advanceMinutes: MAX_ADVANCE_MINUTES + 1 }, /最多一年/],
    ['reset false', { reset: false }, /\{"reset": true\}/],
  ])('refuses %s, in Chinese', (_, body, message) => {
    expect(readClockMove(body as Record<string, unknown>)).toEqual({ refusal: expect.stringMatching(message) });
  });
});

describe('openClock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gridlink-clock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Real time around `act`, so the clock's time can be checked against what real time was meanwhile. */
  const during = <T>(act: () => T) => {
    const before = Date.now();
    const value = act();
    return { value, before, after: Date.now() };
  };

  it('starts at real time when nothing was kept', () => {
    const clock = openClock({ file: join(dir, 'clock.json') });
    const { value, before, after } = during(() => clock.now().getTime());
    expect(value).toBeGreaterThanOrEqual(before);
    expect(value).toBeLessThanOrEqual(after);
    expect(clock.read().offsetMinutes).toBe(0);
  });

  it('moves forward by whole minutes, from wherever it is, and keeps flowing', () => {
    const clock = openClock({ file: join(dir, 'clock.json') });
    const first = during(() => clock.move({ advanceMinutes: 180 }));
    expect(first.value.to.getTime() - first.value.from.getTime()).toBe(180 * 60_000);
    clock.move({ advanceMinutes: 60 });
    expect(clock.offsetMs()).toBe(240 * 60_000);
    expect(clock.read().offsetMinutes).toBe(240);
    const later = during(() => clock.now().getTime());
    expect(later.value).toBeGreaterThanOrEqual(later.before + 240 * 60_000);
    expect(later.value).toBeLessThanOrEqual(later.after + 240 * 60_000);
  });

  it('goes to a moment, later or earlier than now, and time flows on from there', () => {
    const clock = openClock({ file: join(dir, 'clock.json') });
    for (const at of ['2030-09-30T19:50:00+08:00', '2024-09-30T19:50:00+08:00']) {
      const moved = during(() => clock.move({ at }));
      expect(moved.value.to.toISOString()).toBe(new Date(at).toISOString());
      const { value, after } = during(() => clock.now().getTime());
      expect(value).toBeGreaterThanOrEqual(Date.parse(at));
      expect(value).toBeLessThanOrEqual(Date.parse(at) + (after - moved.before));
    }
    expect(clock.offsetMs()).toBeLessThan(0);
  });

  it('returns to real time on reset', () => {
    const clock = openClock({ file: join(dir, 'clock.json') });
    clock.move({ advanceMinutes: 600 });
    clock.move({ reset: true });
    expect(clock.offsetMs()).toBe(0);
    expect(clock.read().offsetMinutes).toBe(0);
  });

  it('a reopened clock (a restart) is where the last move left it', () => {
    const file = join(dir, 'clock.json');
    const clock = openClock({ file });
    clock.move({ advanceMinutes: 180 });
    clock.move({ at: '2031-01-01T08:00:00+08:00' });
    expect(openClock({ file }).offsetMs()).toBe(clock.offsetMs());
    clock.move({ reset: true });
    expect(openClock({ file }).offsetMs()).toBe(0);
  });

  it('refuses to start from a kept file that holds no whole offset, saying which file', () => {
    const file = join(dir, 'clock.json');
    writeFileSync(file, JSON.stringify({ offsetMs: 'soon' }));
    expect(() => openClock({ file })).toThrow(file);
  });
});
