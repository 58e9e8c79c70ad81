import type { Dayjs } from 'dayjs';
import type { AppealStatus } from '../../types/appeal';
import type { CategorySla, ServiceDay } from '../../types/sla';
import type { DeadlineKind } from '../../types/vocabulary';
import { inShanghai, shanghaiTime } from './time';
import { isWorkingDay, nextDayWhere, type CalendarOverrides } from './workCalendar';

/**
 * When an appeal must be accepted, visited and resolved ("有呼必应、当日必达"), counted the way a
 * 12345 officer counts them, in Zoucheng's time (Asia/Shanghai) whatever the server's zone:
 *
 * - Service minutes (受理, and 到场 for urgent categories) run only inside the service day
 *   (`serviceDay`, e.g. 08:00–20:00) on service days: China's working days, or every day for an
 *   every-day category (`days: 'every'`). A night or a holiday week stops the clock.
 * - 当日必达: filed on a service day before the cut-off, someone is on site by the end of that
 *   service day; otherwise by `nextDayBy` on the next service day.
 * - "N working days" (办结) is a 期间 as the Civil Code counts one: the day of filing is not counted
 *   (民法典 第二百零一条), and the period ends when business ends on its last day (第二百零三条:
 *   有业务时间的，停止业务活动的时间为截止时间), i.e. at the end of the service day of the Nth
 *   service day after the day of filing. Holidays are not service days, so a period never ends on one.
 */

/** Everything one appeal's clocks follow: its category's policy, its street's service day and calendar. */
export type SlaPolicy = CategorySla & { serviceDay: ServiceDay; calendar: CalendarOverrides };

const dayOf = (t: Dayjs) => t.format('YYYY-MM-DD');
/**
 * Instants compared as instants: dayjs's `isBefore` and `diff` on zoned values go through the
 * server's zone and err by an hour near its daylight-saving change.
 */
const before = (a: Dayjs, b: Dayjs) => a.valueOf() < b.valueOf();
/** `hhmm` on `day`, in Zoucheng. */
const at = (day: string, hhmm: string) => shanghaiTime(`${day} ${hhmm}`);

const isServiceDay = (day: string, policy: SlaPolicy) => policy.days === 'every' || isWorkingDay(day, policy.calendar);
const nextServiceDay = (day: string, policy: SlaPolicy) => nextDayWhere(day, (d) => isServiceDay(d, policy));

/** The Nth service day after `day` (the day itself is not counted); n ≥ 1. */
function nthServiceDayAfter(day: string, n: number, policy: SlaPolicy): string {
  let counted = day;
  for (let i = 0; i < n; i++) counted = nextServiceDay(counted, policy);
  return counted;
}

/** The first moment of service time at or after `t`. */
function serviceStart(t: Dayjs, policy: SlaPolicy): Dayjs {
  const day = dayOf(t);
  if (isServiceDay(day, policy) && before(t, at(day, policy.serviceDay.end))) {
    const start = at(day, policy.serviceDay.start);
    return before(t, start) ? start : t;
  }
  return at(nextServiceDay(day, policy), policy.serviceDay.start);
}

/** `t` plus `minutes` of service time, carried over nights and days off. */
function addServiceMinutes(t: Dayjs, minutes: number, policy: SlaPolicy): Dayjs {
  let cursor = serviceStart(t, policy);
  // in milliseconds: whole minutes would drop the seconds left in a day and land up to a minute late
  let left = minutes * 60_000;
  for (;;) {
    const day = dayOf(cursor);
    const room = at(day, policy.serviceDay.end).valueOf() - cursor.valueOf();
    if (left <= room) return inShanghai(new Date(cursor.valueOf() + left));
    left -= room;
    cursor = at(nextServiceDay(day, policy), policy.serviceDay.start);
  }
}

/** 受理: `acceptMinutes` service minutes after filing. */
export function acceptBy(filed: Date, policy: SlaPolicy): Date {
  return addServiceMinutes(inShanghai(filed), policy.acceptMinutes, policy).toDate();
}

/**
 * 到场 (当日必达): within `withinMinutes` service minutes, or by the end of the service day when
 * filed on a service day before the cut-off (and before the day ends), else by `nextDayBy` on the
 * next service day.
 */
export function onSiteBy(filed: Date, policy: SlaPolicy): Date {
  const t = inShanghai(filed);
  const rule = policy.onSite;
  if ('withinMinutes' in rule) return addServiceMinutes(t, rule.withinMinutes, policy).toDate();
  const day = dayOf(t);
  const end = at(day, policy.serviceDay.end);
  const sameDay = isServiceDay(day, policy) && before(t, at(day, rule.sameDayCutoff)) && before(t, end);
  return (sameDay ? end : at(nextServiceDay(day, policy), rule.nextDayBy)).toDate();
}

/** 办结: the end of the service day of the `resolveDays`th service day after the day of filing. */
export function resolveBy(filed: Date, policy: SlaPolicy): Date {
  const last = nthServiceDayAfter(dayOf(inShanghai(filed)), policy.resolveDays, policy);
  return at(last, policy.serviceDay.end).toDate();
}

export type AppealDeadlines = { acceptBy: Date; onSiteBy: Date; resolveBy: Date };

export function deadlinesFor(filed: Date, policy: SlaPolicy): AppealDeadlines {
  return { acceptBy: acceptBy(filed, policy), onSiteBy: onSiteBy(filed, policy), resolveBy: resolveBy(filed, policy) };
}

/**
 * The one clock each status races (有呼必应: 受理 while new; 办结 once taken on or sent back): the
 * inbox's order and the deadline a 延期 asks to move. A held appeal races none: its clocks start
 * when 审核 releases it. Resolved and closed appeals race none either.
 */
const RUNNING_CLOCK: Partial<Record<AppealStatus, DeadlineKind>> = { submitted: 'acceptBy', accepted: 'resolveBy', returned: 'resolveBy' };

type Clocked = { status: AppealStatus; deadlines: AppealDeadlines; onSiteAt?: Date | null };

/** Which deadline the appeal is racing now, or null when no clock runs. */
export const runningClock = (appeal: Pick<Clocked, 'status'>): DeadlineKind | null => RUNNING_CLOCK[appeal.status] ?? null;

/** The deadline the appeal is racing now, or null when no clock runs. */
export function currentDeadline(appeal: Clocked): Date | null {
  const kind = runningClock(appeal);
  return kind ? appeal.deadlines[kind] : null;
}

/**
 * Every deadline still owed, the SLA timer's race: 受理 while new, 到场 while open and nobody has
 * been on site yet, 办结 while open. None while held, resolved or closed.
 */
export function owedClocks(appeal: Clocked): DeadlineKind[] {
  const kind = runningClock(appeal);
  if (!kind) return [];
  const owed: DeadlineKind[] = appeal.status === 'submitted' ? ['acceptBy'] : [];
  if (!appeal.onSiteAt) owed.push('onSiteBy');
  owed.push('resolveBy');
  return owed;
}

/** Whether a deadline still owed has passed at `now` (the 到场 one included, unlike `currentDeadline`). */
export function isOverdue(appeal: Clocked, now: Date): boolean {
  return owedClocks(appeal).some((kind) => now.getTime() > new Date(appeal.deadlines[kind]).getTime());
}
