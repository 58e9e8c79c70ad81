import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { acceptBy, deadlinesFor, isOverdue, onSiteBy, owedClocks, resolveBy, type SlaPolicy } from './sla';
import { defaultSlaFor } from './slaPolicy';
import { inShanghai, shanghaiTime } from './time';

const ROOT = join(__dirname, '../..');
const F = 'YYYY-MM-DD HH:mm';
const local = (d: Date) => inShanghai(d).format(F);
const filedAt = (text: string) => shanghaiTime(text).toDate();

/** 环境卫生 with nothing stored: 08:00–20:00 on working days, accept in 2 h, same day before 17:00 else 12:00, 3 working days. */
const STANDARD = defaultSlaFor('sanitation');
/** 治安隐患 with nothing stored: every day counts, accept in 30 min, on site in 2 h, resolved within 1 day. */
const URGENT = defaultSlaFor('safety');

const deadlines = (filed: string, policy: SlaPolicy) => {
  const d = deadlinesFor(filedAt(filed), policy);
  return [local(d.acceptBy), local(d.onSiteBy), local(d.resolveBy)];
};

describe('a standard category on China’s working calendar (filed → 受理, 到场, 办结)', () => {
  it.each([
    ['Tuesday 10:00', '2026-11-24 10:00', '2026-11-24 12:00', '2026-11-24 20:00', '2026-11-27 20:00'],
    ['night, 02:00: the clock starts at 08:00', '2026-11-24 02:00', '2026-11-24 10:00', '2026-11-24 20:00', '2026-11-27 20:00'],
    ['19:30: half an hour today, the rest tomorrow morning', '2026-11-24 19:30', '2026-11-25 09:30', '2026-11-25 12:00', '2026-11-27 20:00'],
    ['17:30, after the same-day cut-off', '2026-11-24 17:30', '2026-11-24 19:30', '2026-11-25 12:00', '2026-11-27 20:00'],
    ['18:00: two hours fill the day exactly', '2026-11-24 18:00', '2026-11-24 20:00', '2026-11-25 12:00', '2026-11-27 20:00'],
    ['23:59, a minute before midnight', '2026-11-24 23:59', '2026-11-25 10:00', '2026-11-25 12:00', '2026-11-27 20:00'],
    ['00:00, midnight: a new day, counted from the next', '2026-11-25 00:00', '2026-11-25 10:00', '2026-11-25 20:00', '2026-11-30 20:00'],
    ['month-end Monday 19:00', '2026-11-30 19:00', '2026-12-01 09:00', '2026-12-01 12:00', '2026-12-03 20:00'],
    ['month-end Friday 19:00, over the weekend', '2026-07-31 19:00', '2026-08-03 09:00', '2026-08-03 12:00', '2026-08-05 20:00'],
    ['Friday 18:30: the weekend stops the clock', '2026-11-27 18:30', '2026-11-30 08:30', '2026-11-30 12:00', '2026-12-02 20:00'],
    ['Saturday 10:00: not a working day, so 到场 by noon on Monday', '2026-11-28 10:00', '2026-11-30 10:00', '2026-11-30 12:00', '2026-12-02 20:00'],
    ['国庆 eve, 19:50: Oct 1–7 off, then Oct 8, 9 and the 调休 Saturday Oct 10', '2026-09-30 19:50', '2026-10-08 09:50', '2026-10-08 12:00', '2026-10-10 20:00'],
    ['inside the 国庆 week', '2026-10-02 10:00', '2026-10-08 10:00', '2026-10-08 12:00', '2026-10-10 20:00'],
    ['the 调休 Saturday 2026-10-10 is a working day', '2026-10-10 10:00', '2026-10-10 12:00', '2026-10-10 20:00', '2026-10-14 20:00'],
    ['Friday before the 调休 Saturday, after the cut-off', '2026-10-09 18:00', '2026-10-09 20:00', '2026-10-10 12:00', '2026-10-13 20:00'],
    ['the 调休 Sunday 2026-09-20 is a working day', '2026-09-20 10:00', '2026-09-20 12:00', '2026-09-20 20:00', '2026-09-23 20:00'],
    ['中秋 eve, 19:00: Sept 25–27 off', '2026-09-24 19:00', '2026-09-28 09:00', '2026-09-28 12:00', '2026-09-30 20:00'],
    ['2026-09-27, a Sunday of 中秋', '2026-09-27 10:00', '2026-09-28 10:00', '2026-09-28 12:00', '2026-09-30 20:00'],
  ])('%s', (_, filed, accept, onSite, resolve) => {
    expect(deadlines(filed, STANDARD)).toEqual([accept, onSite, resolve]);
  });

  it('3 working days from 19:50 on the eve of 国庆 2026 end when business ends on Saturday 10 October', () => {
    expect(local(resolveBy(filedAt('2026-09-30 19:50'), STANDARD))).toBe('2026-10-10 20:00');
  });

  it('carries the seconds left in an evening: 19:50:40 on the eve of 国庆 is accepted by 09:50:40 on 8 October, not a minute later', () => {
    expect(acceptBy(filedAt('2026-09-30 19:50:40'), STANDARD)).toEqual(filedAt('2026-10-08 09:50:40'));
  });

  it('counts in Shanghai time whatever the server zone', () => {
    expect(local(acceptBy(new Date('2026-11-24T02:00:00Z'), STANDARD))).toBe('2026-11-24 12:00');
  });
});

describe('an every-day category (治安隐患): holidays and weekends count, nights do not', () => {
  it.each([
    ['Tuesday 10:00', '2026-11-24 10:00', '2026-11-24 10:30', '2026-11-24 12:00', '2026-11-25 20:00'],
    ['国庆 day, 10:00', '2026-10-02 10:00', '2026-10-02 10:30', '2026-10-02 12:00', '2026-10-03 20:00'],
    ['国庆 eve, 19:50: on through 1 October', '2026-09-30 19:50', '2026-10-01 08:20', '2026-10-01 09:50', '2026-10-01 20:00'],
    ['Saturday 19:45: carried into Sunday morning', '2026-11-28 19:45', '2026-11-29 08:15', '2026-11-29 09:45', '2026-11-29 20:00'],
    ['night in the holiday, 02:00', '2026-10-04 02:00', '2026-10-04 08:30', '2026-10-04 10:00', '2026-10-05 20:00'],
    ['month-end 23:00', '2026-10-31 23:00', '2026-11-01 08:30', '2026-11-01 10:00', '2026-11-01 20:00'],
  ])('%s', (_, filed, accept, onSite, resolve) => {
    expect(deadlines(filed, URGENT)).toEqual([accept, onSite, resolve]);
  });
});

describe('a year the library does not cover (2027) counts weekends off plus the days set in settings', () => {
  const newYearOff: SlaPolicy = { ...STANDARD, calendar: { '2027-01-01': 'off' } };
  it.each([
    ['nothing set: Friday 1 January 2027 is counted as a working day', STANDARD, '2027-01-01 09:00', '2027-01-01 12:00', '2027-01-05 20:00'],
    ['New Year set as a day off', newYearOff, '2027-01-04 09:00', '2027-01-04 12:00', '2027-01-06 20:00'],
  ])('%s', (_, policy, accept, onSite, resolve) => {
    expect(deadlines('2026-12-31 19:00', policy)).toEqual([accept, onSite, resolve]);
  });

  it('a make-up working day set in settings counts', () => {
    const saturdayOn: SlaPolicy = { ...STANDARD, calendar: { '2027-01-09': 'work' } };
    expect(local(onSiteBy(filedAt('2027-01-08 18:00'), saturdayOn))).toBe('2027-01-09 12:00');
    expect(local(onSiteBy(filedAt('2027-01-08 18:00'), STANDARD))).toBe('2027-01-11 12:00');
  });
});

describe('a street’s own policy', () => {
  const shortDay: SlaPolicy = { ...STANDARD, serviceDay: { start: '09:00', end: '17:30' }, onSite: { sameDayCutoff: '20:00', nextDayBy: '10:00' } };
  it('runs in its own service day, and a cut-off after the day ends still promises nothing after it', () => {
    expect(deadlines('2026-11-24 17:00', shortDay)).toEqual(['2026-11-25 10:30', '2026-11-24 17:30', '2026-11-27 17:30']);
    expect(deadlines('2026-11-24 18:00', shortDay)).toEqual(['2026-11-25 11:00', '2026-11-25 10:00', '2026-11-27 17:30']);
  });
});

describe('the clocks an appeal still owes, and whether one has passed', () => {
  const d = deadlinesFor(filedAt('2026-11-24 10:00'), STANDARD);
  it.each([
    ['held: none', 'held', null, []],
    ['new: all three', 'submitted', null, ['acceptBy', 'onSiteBy', 'resolveBy']],
    ['taken on: 到场 and 办结', 'accepted', null, ['onSiteBy', 'resolveBy']],
    ['taken on, someone on site: 办结', 'accepted', d.acceptBy, ['resolveBy']],
    ['sent back: 到场 and 办结', 'returned', null, ['onSiteBy', 'resolveBy']],
    ['resolved: none', 'resolved', null, []],
    ['closed: none', 'closed', null, []],
  ] as const)('%s', (_, status, onSiteAt, owed) => {
    expect(owedClocks({ status, deadlines: d, onSiteAt })).toEqual(owed);
  });

  it.each([
    ['before every deadline', 'accepted', null, '2026-11-24 19:00', false],
    ['taken on, nobody on site by 20:00', 'accepted', null, '2026-11-24 20:01', true],
    ['on site in time: 办结 is still days away', 'accepted', d.acceptBy, '2026-11-24 20:01', false],
    ['new and not accepted by 12:00', 'submitted', null, '2026-11-24 12:01', true],
    ['resolved, however late', 'resolved', null, '2026-12-24 12:00', false],
  ] as const)('%s', (_, status, onSiteAt, now, overdue) => {
    expect(isOverdue({ status, deadlines: d, onSiteAt }, filedAt(now))).toBe(overdue);
  });
});

describe('the same clocks whatever the server zone, daylight saving included', () => {
  it('deadlines and the ledger month agree in zones whose clocks change near them', () => {
    // A zone is fixed when a process starts, so each is asked in a process of its own.
    const ask = [
      "const { acceptBy, deadlinesFor } = require('./sla');",
      "const { defaultSlaFor } = require('./slaPolicy');",
      "const { shanghaiTime } = require('./time');",
      "const { monthSpan } = require('./ledger');",
      'const safety = defaultSlaFor("safety");',
      'console.log(JSON.stringify([',
      // New York falls back on 1 November 2026; London springs forward on 29 March; Santiago on 6 September.
      '  acceptBy(new Date("2026-10-31T11:08:55Z"), safety).toISOString(),',
      '  acceptBy(shanghaiTime("2026-03-28 21:11").toDate(), safety).toISOString(),',
      '  deadlinesFor(shanghaiTime("2026-09-30 19:50").toDate(), defaultSlaFor("repair")).resolveBy.toISOString(),',
      '  monthSpan("2026-09").to.toISOString(),',
      ']))',
    ].join('\n');
    const expected = ['2026-10-31T11:38:55.000Z', '2026-03-29T00:30:00.000Z', '2026-10-10T12:00:00.000Z', '2026-09-30T16:00:00.000Z'];
    for (const TZ of ['America/New_York', 'Europe/London', 'America/Santiago', 'Asia/Shanghai']) {
      const out = execFileSync(join(ROOT, 'node_modules/.bin/tsx'), ['-e', ask], { cwd: __dirname, env: { ...process.env, TZ }, encoding: 'utf8' });
      expect([TZ, JSON.parse(out)]).toEqual([TZ, expected]);
    }
  });
});
