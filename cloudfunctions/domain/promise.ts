import dayjs, { type Dayjs } from 'dayjs';
import { APPEAL_WORDS, type DeadlineKind } from '../../types/vocabulary';
import type { AppealRecord } from './records';
import { owedClocks } from './sla';
import { inShanghai } from './time';

/**
 * The promise a resident reads on an appeal ("有呼必应、当日必达"), one short line for the moment
 * `now` (the function's clock, never the phone's), in Zoucheng's time:
 *
 * - the nearest deadline still owed: `今天 12:00 前受理`, `明天 12:00 前有人上门`,
 *   `周五 20:00 前办结` (later this week), `10月9日 20:00 前办结`;
 * - once one has passed, how long ago and where the appeal went: `已超时 2 小时，已升级至社区`
 *   (the level as it stands, `appeal.level`; the timer's marks `sla.missed` count as passed);
 * - null when no clock runs: held (审核 first), resolved, closed.
 */

const W = APPEAL_WORDS;
/** What happens by each deadline, as the resident is promised it. */
const PROMISED: Record<DeadlineKind, string> = { acceptBy: W.action.accept.label, onSiteBy: '有人上门', resolveBy: W.action.resolve.label };
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/**
 * A zoned value's calendar day, as a day: dayjs's day arithmetic on zoned values goes through the
 * server's zone (an hour off near its daylight-saving change), a bare UTC day never does.
 */
const calendarDay = (t: Dayjs) => dayjs.utc(t.format('YYYY-MM-DD'));
/** Monday first, as a Chinese week runs: 0 for Monday … 6 for Sunday. */
const weekIndex = (t: Dayjs) => (calendarDay(t).day() + 6) % 7;

/** A time ahead of `now`: 今天/明天 HH:mm, the weekday later this week, else M月D日 HH:mm. */
function when(due: Dayjs, now: Dayjs): string {
  const days = calendarDay(due).diff(calendarDay(now), 'day');
  const time = due.format('HH:mm');
  if (days === 0) return `今天 ${time}`;
  if (days === 1) return `明天 ${time}`;
  if (days > 1 && weekIndex(now) + days <= 6) return `${WEEKDAYS[calendarDay(due).day()]} ${time}`;
  return due.format('M月D日 HH:mm');
}

/** How long since a deadline passed: minutes under an hour (at least 1), hours under a day, then days. */
function howLong(minutes: number): string {
  if (minutes < 60) return `${Math.max(1, minutes)} 分钟`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} 小时`;
  return `${Math.floor(minutes / (24 * 60))} 天`;
}

type Promised = Pick<AppealRecord, 'status' | 'level' | 'deadlines' | 'onSiteAt' | 'sla'>;

/** The promise line for `appeal` at `now` (see above), or null when no clock runs. */
export function promiseLine(appeal: Promised, now: Date): string | null {
  const owed = owedClocks(appeal).map((kind) => ({ kind, due: new Date(appeal.deadlines[kind]) }));
  if (owed.length === 0) return null;
  const missed = appeal.sla?.missed ?? [];
  const passed = owed.filter(({ kind, due }) => due.getTime() < now.getTime() || missed.includes(kind));
  if (passed.length === 0) {
    const next = owed.reduce((a, b) => (b.due < a.due ? b : a));
    return `${when(inShanghai(next.due), inShanghai(now))} 前${PROMISED[next.kind]}`;
  }
  const first = Math.min(...passed.map(({ due }) => due.getTime()));
  const late = `${W.overdue} ${howLong(Math.floor((now.getTime() - first) / 60_000))}`;
  if (appeal.level === 'grid') return late;
  const moved = appeal.status === 'returned' ? W.event.returned : W.event.escalated;
  return `${late}，已${moved}至${W.level[appeal.level]}`;
}
