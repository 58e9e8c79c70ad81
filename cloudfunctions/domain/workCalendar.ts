import official from 'chinese-days/dist/chinese-days.json';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/**
 * China's official working calendar (工作日): the public holidays and make-up working days (调休)
 * the State Council publishes each year, from the `chinese-days` library (1.5.7 knows 2004–2026),
 * with days set by hand laid over it. A day is a calendar day in Zoucheng, `YYYY-MM-DD`.
 *
 * The library's published data (`dist/chinese-days.json`, days as `YYYY-MM-DD` keys) is read
 * rather than its functions: those build their tables with the server's local zone, which shifts
 * every holiday by a day on a server west of UTC. The rule is the library's: a listed make-up day
 * works, a listed holiday does not, any other day works Monday to Friday.
 *
 * A year the library does not cover yet (the State Council publishes the next year's arrangement
 * around November) is not pretended: its working days are Monday to Friday, plus whatever the
 * overrides say, and `isCovered` tells which years are which, so callers can say so.
 */

/** Days set by hand (`settings`, see `types/sla.ts`): `off` a day off, `work` a working day. They win over the library. */
export type CalendarOverrides = Readonly<Record<string, 'off' | 'work'>>;

const NO_OVERRIDES: CalendarOverrides = {};

const { holidays, workdays } = official as { holidays: Record<string, string>; workdays: Record<string, string> };

/** Years the library lists public holidays in: every year it covers has 元旦 and 春节. */
const COVERED_YEARS = new Set(Object.keys(holidays).map((day) => day.slice(0, 4)));

/** Whether the official calendar (the library) knows the year of `day`. */
export const isCovered = (day: string): boolean => COVERED_YEARS.has(day.slice(0, 4));

const isWeekday = (day: string) => {
  const weekday = dayjs.utc(day).day();
  return weekday >= 1 && weekday <= 5;
};

/**
 * Whether `day` is a working day: an override when there is one; else a make-up working day or a
 * public holiday as the official calendar lists them; else Monday to Friday (all a year the
 * library does not cover has).
 */
export function isWorkingDay(day: string, overrides: CalendarOverrides = NO_OVERRIDES): boolean {
  const set = overrides[day];
  if (set) return set === 'work';
  if (Object.prototype.hasOwnProperty.call(workdays, day)) return true;
  return !Object.prototype.hasOwnProperty.call(holidays, day) && isWeekday(day);
}

/** The calendar day after `day` (`YYYY-MM-DD`). */
const dayAfter = (day: string): string => dayjs.utc(day).add(1, 'day').format('YYYY-MM-DD');

/** The first day after `day` (never `day` itself) for which `counts` holds. */
export function nextDayWhere(day: string, counts: (day: string) => boolean): string {
  let next = dayAfter(day);
  while (!counts(next)) next = dayAfter(next);
  return next;
}

/** The first working day after `day` (never `day` itself). */
export const nextWorkingDay = (day: string, overrides: CalendarOverrides = NO_OVERRIDES): string =>
  nextDayWhere(day, (d) => isWorkingDay(d, overrides));

/**
 * The years from `from` to `to` (days, inclusive) that neither the library covers nor any
 * override mentions: there, working days are only Monday to Friday, which is worth a warning.
 */
export function yearsWithoutCalendar(from: string, to: string, overrides: CalendarOverrides = NO_OVERRIDES): number[] {
  const years: number[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    const mentioned = Object.keys(overrides).some((day) => day.startsWith(`${year}-`));
    if (!isCovered(`${year}-01-01`) && !mentioned) years.push(year);
  }
  return years;
}
