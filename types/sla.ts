import * as z from 'zod/mini';
import { CategoryId } from './appeal';

/**
 * An SLA policy as the `settings` collection stores it ("有呼必应、当日必达" as data). The city's
 * document `sla` lies over the defaults in code, a street's document `sla:<streetId>` over the
 * city's; every field is optional, and each part is checked on its own (`domain/slaPolicy.ts`),
 * so one bad entry keeps what lies beneath it and leaves the rest standing:
 *
 * ```json
 * { "_id": "sla:GS",
 *   "serviceDay": { "start": "08:00", "end": "20:00" },
 *   "standard": { "days": "working", "acceptMinutes": 120, "onSite": { "sameDayCutoff": "17:00", "nextDayBy": "12:00" }, "resolveDays": 3 },
 *   "categories": { "safety": { "days": "every", "acceptMinutes": 30, "onSite": { "withinMinutes": 120 }, "resolveDays": 1 } },
 *   "calendar": { "daysOff": ["2027-01-01"], "workdays": [] } }
 * ```
 */

/** The most service minutes a clock may take: 2,880, four service days of 08:00–20:00. */
const MAX_SERVICE_MINUTES = 2880;

/** A local time in Zoucheng (Asia/Shanghai), `HH:mm`, 00:00–23:59. */
export const TimeOfDay = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '时间格式应为 HH:mm' }));

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/** The service day (服务时间): clocks counted in service minutes run only inside it. `start` before `end`. */
export const ServiceDay = z
  .object({ start: TimeOfDay, end: TimeOfDay })
  .check(z.refine((d) => minutesOf(d.start) < minutesOf(d.end), { error: '服务时间的开始应早于结束' }));
export type ServiceDay = z.infer<typeof ServiceDay>;

/**
 * Which days a category's clocks count: `working`, China's official working days (public
 * holidays off, 调休 Saturdays and Sundays on; `domain/workCalendar.ts`), or `every` calendar day
 * (urgent categories such as 治安隐患).
 */
export const ServiceDays = z.enum(['working', 'every']);
export type ServiceDays = z.infer<typeof ServiceDays>;

const wholeMinutes = (max: number) => z.int().check(z.gte(1), z.lte(max));

/**
 * 当日必达: filed on a service day before `sameDayCutoff`, someone on site by the end of that
 * service day; otherwise by `nextDayBy` on the next service day. Or, for urgent categories, on
 * site within `withinMinutes` service minutes of filing.
 */
export const OnSiteRule = z.union([
  z.object({ sameDayCutoff: TimeOfDay, nextDayBy: TimeOfDay }),
  z.object({ withinMinutes: wholeMinutes(MAX_SERVICE_MINUTES) }),
]);
export type OnSiteRule = z.infer<typeof OnSiteRule>;

/**
 * One category's clocks: accept (受理) within `acceptMinutes` service minutes, on site by
 * `onSite`, resolved (办结) within `resolveDays` days of `days` (1–60, the day of filing not counted).
 */
export const CategorySla = z.object({
  days: ServiceDays,
  acceptMinutes: wholeMinutes(MAX_SERVICE_MINUTES),
  onSite: OnSiteRule,
  resolveDays: z.int().check(z.gte(1), z.lte(60)),
});
export type CategorySla = z.infer<typeof CategorySla>;

/** A calendar day in Zoucheng, `YYYY-MM-DD`, one that exists (no 2027-02-30). */
export const CalendarDay = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' }),
  z.refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), {
    error: '没有这一天',
  }),
);

/**
 * Days set by hand where the official calendar is silent (a year `chinese-days` does not cover
 * yet) or wrong: `daysOff` (放假) and `workdays` (调休上班). A day in both lists is refused.
 */
export const CalendarSetting = z
  .object({ daysOff: z._default(z.array(CalendarDay), []), workdays: z._default(z.array(CalendarDay), []) })
  .check(z.refine((c) => !c.daysOff.some((d) => c.workdays.includes(d)), { error: '同一天不能既放假又上班' }));
export type CalendarSetting = z.infer<typeof CalendarSetting>;

/** The stored document, each part optional (see above). Categories are ids of the street's item directory. */
export const StoredSla = z.object({
  serviceDay: z.optional(ServiceDay),
  standard: z.optional(CategorySla),
  categories: z.optional(z.record(CategoryId, CategorySla)),
  calendar: z.optional(CalendarSetting),
});
export type StoredSla = z.infer<typeof StoredSla>;
