import { chiefActor, filedAppeal } from '../../tests/support/appealRecord';
import type { AppealStatus } from '../../types/appeal';
import type { DeadlineKind } from '../../types/vocabulary';
import { transition } from './appeal';
import type { AppealRecord } from './records';
import { owedClocks } from './sla';
import { dueSteps, keepClock, REMIND_BEFORE_MINUTES, timerDueAt } from './slaTimer';

/** Fixed deadlines so the tables read as times: 受理 10:00 → 12:00, 到场 20:00, 办结 in three days. */
const DEADLINES = {
  acceptBy: new Date('2026-11-24T04:00:00.000Z'),
  onSiteBy: new Date('2026-11-24T12:00:00.000Z'),
  resolveBy: new Date('2026-11-27T12:00:00.000Z'),
};
const appealWith = (overrides: Partial<AppealRecord> = {}) => filedAppeal({ deadlines: { ...DEADLINES }, ...overrides });
const minutesBefore = (d: Date, m: number) => new Date(d.getTime() - m * 60_000);
const minutesAfter = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

describe('the deadlines an appeal races', () => {
  it.each([
    ['held', {}, []],
    ['submitted', {}, ['acceptBy', 'onSiteBy', 'resolveBy']],
    ['accepted', {}, ['onSiteBy', 'resolveBy']],
    ['accepted', { onSiteAt: new Date('2026-11-24T06:00:00.000Z') }, ['resolveBy']],
    ['returned', {}, ['onSiteBy', 'resolveBy']],
    ['resolved', {}, []],
    ['closed', {}, []],
  ] as Array<[AppealStatus, Partial<AppealRecord>, DeadlineKind[]]>)('%s %j → %j', (status, extra, raced) => {
    expect(owedClocks(appealWith({ status, ...extra }))).toEqual(raced);
  });
});

describe('when the timer next has work', () => {
  it.each([
    ['a new appeal: the 受理 reminder', {}, minutesBefore(DEADLINES.acceptBy, REMIND_BEFORE_MINUTES)],
    ['reminded of 受理: the 受理 deadline itself', { sla: { reminded: ['acceptBy'], missed: [], owed: [] } }, DEADLINES.acceptBy],
    [
      '受理 missed: the 到场 reminder',
      { sla: { reminded: ['acceptBy'], missed: ['acceptBy'], owed: [] } },
      minutesBefore(DEADLINES.onSiteBy, REMIND_BEFORE_MINUTES),
    ],
    ['accepted and on site: the 办结 reminder', { status: 'accepted', onSiteAt: new Date() }, minutesBefore(DEADLINES.resolveBy, REMIND_BEFORE_MINUTES)],
    ['resolved: never', { status: 'resolved' }, null],
    ['held: never', { status: 'held' }, null],
  ] as Array<[string, Partial<AppealRecord>, Date | null]>)('%s', (_, overrides, at) => {
    expect(timerDueAt(appealWith(overrides))).toEqual(at);
  });

  it('a message still owed comes before every deadline, whatever the appeal’s own', () => {
    const owed = { key: 'k', audience: 'level' as const, deadline: 'acceptBy' as const, level: 'community' as const };
    const owing = timerDueAt(appealWith({ status: 'resolved', sla: { reminded: [], missed: ['acceptBy'], owed: [owed] } }))!;
    expect(owing.getTime()).toBeLessThan(new Date('2000-01-01').getTime());
  });
});

describe('the steps due at a moment', () => {
  it.each([
    ['an hour before 受理: nothing', minutesBefore(DEADLINES.acceptBy, 60), []],
    ['within the reminder window: 催办 受理', minutesBefore(DEADLINES.acceptBy, 10), [{ kind: 'acceptBy', step: 'remind' }]],
    ['at the deadline: 超时, no reminder any more', DEADLINES.acceptBy, [{ kind: 'acceptBy', step: 'miss' }]],
    [
      'the timer was away all day: each passed deadline is missed, earliest first, the next reminded',
      minutesBefore(DEADLINES.resolveBy, 5),
      [
        { kind: 'acceptBy', step: 'miss' },
        { kind: 'onSiteBy', step: 'miss' },
        { kind: 'resolveBy', step: 'remind' },
      ],
    ],
  ])('%s', (_, now, steps) => {
    expect(dueSteps(appealWith(), now)).toEqual(steps);
  });
});

describe('keeping the clock', () => {
  it('nothing due: no new appeal', () => {
    expect(keepClock(appealWith(), minutesBefore(DEADLINES.acceptBy, 60))).toBeNull();
  });

  it('催办 marks the deadline reminded and owes the grid a reminder, with no timeline line', () => {
    const appeal = appealWith();
    const now = minutesBefore(DEADLINES.acceptBy, 10);
    const next = keepClock(appeal, now)!;
    expect(next.sla).toEqual({
      reminded: ['acceptBy'],
      missed: [],
      owed: [{ key: `remind-acceptBy-${DEADLINES.acceptBy.getTime()}-reminder`, audience: 'reminder', deadline: 'acceptBy', level: 'grid' }],
    });
    expect(next.timeline).toHaveLength(appeal.timeline.length);
    expect(next.version).toBe(appeal.version + 1);
    expect(keepClock(next, now)).toBeNull();
  });

  it('超时 of 受理 raises the appeal to the community once, by the system, owing the community and the filer', () => {
    const appeal = appealWith({ sla: { reminded: ['acceptBy'], missed: [], owed: [] } });
    const next = keepClock(appeal, minutesAfter(DEADLINES.acceptBy, 1))!;
    expect(next.level).toBe('community');
    expect(next.status).toBe('submitted');
    expect(next.sla!.missed).toEqual(['acceptBy']);
    expect(next.timeline.slice(appeal.timeline.length)).toEqual([
      expect.objectContaining({ type: 'escalated', actor: { kind: 'system' }, text: '受理时限已超时', detail: 'community', before: expect.objectContaining({ level: 'grid' }), after: expect.objectContaining({ level: 'community' }) }),
    ]);
    expect(next.sla!.owed.map((o) => [o.audience, o.level])).toEqual([
      ['level', 'community'],
      ['resident', 'community'],
    ]);
    expect(keepClock(next, minutesAfter(DEADLINES.acceptBy, 2))).toBeNull();
  });

  it('each missed deadline rises one level; at the street it is recorded overdue', () => {
    let appeal = appealWith();
    appeal = keepClock(appeal, minutesAfter(DEADLINES.acceptBy, 1))!;
    appeal = keepClock(appeal, minutesAfter(DEADLINES.onSiteBy, 1))!;
    expect(appeal.level).toBe('street');
    const atTop = keepClock(appeal, minutesAfter(DEADLINES.resolveBy, 1))!;
    expect(atTop.level).toBe('street');
    expect(atTop.timeline.at(-1)).toMatchObject({ type: 'overdue', detail: 'resolveBy', text: '办结时限已超时' });
    expect(atTop.timeline.filter((e) => e.type === 'escalated').map((e) => e.detail)).toEqual(['community', 'street']);
    expect(timerDueAt({ ...atTop, sla: { ...atTop.sla!, owed: [] } })).toBeNull();
  });

  it('the timer away all day: each missed deadline rises a level, and the filer is told once, of where it went', () => {
    const next = keepClock(appealWith(), minutesAfter(DEADLINES.onSiteBy, 1))!;
    expect(next.level).toBe('street');
    expect(next.sla!.owed.map((o) => [o.audience, o.deadline, o.level])).toEqual([
      ['level', 'acceptBy', 'community'],
      ['level', 'onSiteBy', 'street'],
      ['resident', 'onSiteBy', 'street'],
    ]);
  });

  it('超时 at the street already: its staff are told, the filer is not told it rose', () => {
    const atStreet = appealWith({ level: 'street', sla: { reminded: [], missed: ['acceptBy', 'onSiteBy'], owed: [] } });
    const next = keepClock(atStreet, minutesAfter(DEADLINES.resolveBy, 1))!;
    expect(next.sla!.owed.map((o) => o.audience)).toEqual(['level']);
  });

  it('a staff report owes no filer a message', () => {
    const next = keepClock(appealWith({ source: 'staff' }), minutesAfter(DEADLINES.acceptBy, 1))!;
    expect(next.sla!.owed.map((o) => o.audience)).toEqual(['level']);
  });

  it('clocks restarted by 转办 race again from nothing, keeping messages still owed', () => {
    const late = keepClock(appealWith(), minutesAfter(DEADLINES.acceptBy, 1))!;
    const moved = transition(late, { type: 'transfer', to: { _id: 'grid-GS-0102', code: 'GS-0102', name: '第二网格', communityId: 'GS01', streetId: 'GS' }, reason: '属于第二网格' }, chiefActor, minutesAfter(DEADLINES.acceptBy, 5));
    expect(moved.sla).toEqual({ reminded: [], missed: [], owed: late.sla!.owed });
    expect(moved.level).toBe('grid');
  });
});
