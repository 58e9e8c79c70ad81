import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { isCovered, isWorkingDay, nextWorkingDay, yearsWithoutCalendar } from './workCalendar';

const ROOT = join(__dirname, '../..');

describe('China’s official working calendar (chinese-days) and days set by hand', () => {
  it.each([
    ['2026-09-30', true, 'Wednesday, the eve of 国庆'],
    ['2026-10-01', false, '国庆'],
    ['2026-10-07', false, 'the last day of the 国庆 week'],
    ['2026-10-08', true, 'Thursday after 国庆'],
    ['2026-10-10', true, 'Saturday, a 调休 working day'],
    ['2026-10-11', false, 'Sunday'],
    ['2026-09-20', true, 'Sunday, a 调休 working day'],
    ['2026-09-25', false, 'Friday, 中秋'],
    ['2026-09-27', false, 'Sunday of 中秋'],
    ['2026-11-28', false, 'an ordinary Saturday'],
    ['2026-11-24', true, 'an ordinary Tuesday'],
    ['2027-01-01', true, 'Friday in 2027, a year the library does not know: Monday to Friday only'],
    ['2027-01-02', false, 'Saturday in 2027'],
  ])('%s is a working day: %s (%s)', (day, working) => {
    expect(isWorkingDay(day)).toBe(working);
  });

  it('a day set by hand wins, whatever the year', () => {
    expect(isWorkingDay('2027-01-01', { '2027-01-01': 'off' })).toBe(false);
    expect(isWorkingDay('2027-01-02', { '2027-01-02': 'work' })).toBe(true);
    expect(isWorkingDay('2026-10-08', { '2026-10-08': 'off' })).toBe(false);
  });

  it.each([
    ['2004-05-01', true],
    ['2026-12-31', true],
    ['2027-01-01', false],
    ['2003-12-31', false],
  ])('knows whether the library covers the year of %s: %s', (day, covered) => {
    expect(isCovered(day)).toBe(covered);
  });

  it.each([
    ['2026-09-30', {}, '2026-10-08'],
    ['2026-10-09', {}, '2026-10-10'],
    ['2026-10-10', {}, '2026-10-12'],
    ['2026-12-31', {}, '2027-01-01'],
    ['2026-12-31', { '2027-01-01': 'off' as const }, '2027-01-04'],
  ])('the working day after %s (%j) is %s', (day, overrides, next) => {
    expect(nextWorkingDay(day, overrides)).toBe(next);
  });

  it('names the years counted without an official calendar, unless days were set for them', () => {
    expect(yearsWithoutCalendar('2026-12-01', '2027-01-31')).toEqual([2027]);
    expect(yearsWithoutCalendar('2026-12-01', '2027-01-31', { '2027-01-01': 'off' })).toEqual([]);
    expect(yearsWithoutCalendar('2026-01-01', '2026-12-31')).toEqual([]);
  });

  it('reads the same days in any server zone', () => {
    // A zone is fixed when a process starts, so each is asked in a process of its own.
    const days = ['2026-11-28', '2026-11-30', '2026-10-07', '2026-10-10'];
    const ask = `const c = require('./workCalendar'); console.log(JSON.stringify([${JSON.stringify(days)}.map((d) => c.isWorkingDay(d)), c.nextWorkingDay('2026-11-27')]))`;
    for (const TZ of ['America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
      const out = execFileSync(join(ROOT, 'node_modules/.bin/tsx'), ['-e', ask], { cwd: __dirname, env: { ...process.env, TZ }, encoding: 'utf8' });
      expect([TZ, JSON.parse(out)]).toEqual([TZ, [[false, true, false, true], '2026-11-30']]);
    }
  });
});
