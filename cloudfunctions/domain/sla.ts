import type { Dayjs } from 'dayjs';
import type { AppealStatus } from '../../types/appeal';
import type { DeadlineKind } from '../../types/vocabulary';
import { inShanghai } from './time';

/**
 * When an appeal must be accepted, visited and resolved ("有呼必应、当日必达"). A policy is
 * data so a street can set its own; `DEFAULT_SLA` is what every street has until it does.
 */
export type SlaPolicy = {
  /** The service day, local time "HH:mm": clocks only run inside it. */
  dayStart: string;
  dayEnd: string;
  /** Minutes of service time to accept a new appeal. */
  acceptMinutes: number;
  /** Filed before this time: someone on site the same day; later: by `nextDayOnSiteBy`. */
  sameDayCutoff: string;
  nextDayOnSiteBy: string;
  /** Service days to resolve, counting the day of filing when filed before `dayEnd`. */
  resolveDays: number;
};

export const DEFAULT_SLA: SlaPolicy = {
  dayStart: '08:00',
  dayEnd: '20:00',
  acceptMinutes: 120,
  sameDayCutoff: '17:00',
  nextDayOnSiteBy: '12:00',
  resolveDays: 3,
};

const at = (day: Dayjs, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return day.hour(h).minute(m).second(0).millisecond(0);
};

/** The first moment of service time at or after `t`. */
function serviceStart(t: Dayjs, policy: SlaPolicy): Dayjs {
  if (t.isBefore(at(t, policy.dayStart))) return at(t, policy.dayStart);
  if (!t.isBefore(at(t, policy.dayEnd))) return at(t.add(1, 'day'), policy.dayStart);
  return t;
}

/** Adds service minutes, carrying over the night. */
function addServiceMinutes(t: Dayjs, minutes: number, policy: SlaPolicy): Dayjs {
  let cursor = serviceStart(t, policy);
  let left = minutes;
  for (;;) {
    const end = at(cursor, policy.dayEnd);
    const room = end.diff(cursor, 'minute');
    if (left <= room) return cursor.add(left, 'minute');
    left -= room;
    cursor = at(cursor.add(1, 'day'), policy.dayStart);
  }
}

export function acceptBy(filed: Date, policy: SlaPolicy = DEFAULT_SLA): Date {
  return addServiceMinutes(inShanghai(filed), policy.acceptMinutes, policy).toDate();
}

export function onSiteBy(filed: Date, policy: SlaPolicy = DEFAULT_SLA): Date {
  const t = inShanghai(filed);
  const sameDay = t.isBefore(at(t, policy.sameDayCutoff));
  return (sameDay ? at(t, policy.dayEnd) : at(t.add(1, 'day'), policy.nextDayOnSiteBy)).toDate();
}

export function resolveBy(filed: Date, policy: SlaPolicy = DEFAULT_SLA): Date {
  const start = serviceStart(inShanghai(filed), policy);
  return at(start.add(policy.resolveDays - 1, 'day'), policy.dayEnd).toDate();
}

export type AppealDeadlines = { acceptBy: Date; onSiteBy: Date; resolveBy: Date };

export function deadlinesFor(filed: Date, policy: SlaPolicy = DEFAULT_SLA): AppealDeadlines {
  return { acceptBy: acceptBy(filed, policy), onSiteBy: onSiteBy(filed, policy), resolveBy: resolveBy(filed, policy) };
}

/**
 * The one clock each status races (有呼必应: 受理 while new; 当日必达 and 办结 once taken on or
 * sent back). A held appeal races none: its clocks start when 审核 releases it. Resolved and
 * closed appeals race none either.
 */
const RUNNING_CLOCK: Partial<Record<AppealStatus, DeadlineKind>> = { submitted: 'acceptBy', accepted: 'resolveBy', returned: 'resolveBy' };

type Clocked = { status: AppealStatus; deadlines: AppealDeadlines };

/** Which deadline the appeal is racing now, or null when no clock runs. */
export const runningClock = (appeal: Pick<Clocked, 'status'>): DeadlineKind | null => RUNNING_CLOCK[appeal.status] ?? null;

/** The deadline the appeal is racing now, or null when no clock runs. */
export function currentDeadline(appeal: Clocked): Date | null {
  const kind = runningClock(appeal);
  return kind ? appeal.deadlines[kind] : null;
}

export function isOverdue(appeal: Clocked, now: Date): boolean {
  const due = currentDeadline(appeal);
  return due !== null && now.getTime() > new Date(due).getTime();
}
