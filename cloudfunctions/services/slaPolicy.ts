import type { DB } from 'wx-server-sdk/index';
import type { SlaPolicy } from '../domain/sla';
import { slaPolicyFor, streetSlaOf, type StreetSla } from '../domain/slaPolicy';
import { inShanghai } from '../domain/time';
import { yearsWithoutCalendar } from '../domain/workCalendar';
import type { ThrottledFlow } from '../domain/limits';
import type { Ports } from '../kit/ports';
import { throttle } from '../kit/throttle';
import { LIMITS_SETTINGS, settingsByIds, slaSettingIds, type SettingsDocs } from '../store/settings';

/** How far ahead a clock may reach (办结 within the longest policy's days, holidays between): a year without a calendar there is warned of. */
const HORIZON_DAYS = 90;

const warnedYears = new Set<number>();

/** Once per instance and year: clocks there count Monday to Friday and nothing set in settings. */
function warnOfYearsWithoutCalendar(policy: StreetSla, now: Date): void {
  const today = inShanghai(now);
  const years = yearsWithoutCalendar(today.format('YYYY-MM-DD'), today.add(HORIZON_DAYS, 'day').format('YYYY-MM-DD'), policy.calendar);
  for (const year of years.filter((y) => !warnedYears.has(y))) {
    warnedYears.add(year);
    console.warn(`[gridlink] chinese-days has no working calendar for ${year} and settings set no days in it: clocks count Monday to Friday (upgrade chinese-days, or set calendar.daysOff / workdays in settings "sla")`);
  }
}

/**
 * The street's SLA policy from `settings` documents already read (they hold `slaSettingIds`),
 * each ignored part logged (the one beneath it counts), and a year within reach that has no
 * working calendar warned of.
 */
export function streetSlaFrom(settings: SettingsDocs, streetId: string, now: Date): StreetSla {
  const { policy, problems } = streetSlaOf(slaSettingIds(streetId).map((id) => settings[id] ?? null));
  for (const problem of problems) console.warn(`[gridlink] SLA setting ignored, the one beneath it counts: ${problem}`);
  warnOfYearsWithoutCalendar(policy, now);
  return policy;
}

/**
 * The clocks of an appeal in `categoryId` started now in `streetId`: the street's policy read
 * from `settings` (one round trip) for that category.
 */
export async function slaFor(db: DB.Database, streetId: string, categoryId: string, now: Date): Promise<SlaPolicy> {
  return slaPolicyFor(streetSlaFrom(await settingsByIds(db, slaSettingIds(streetId)), streetId, now), categoryId);
}

/**
 * A new filing's gate and clocks (submit, report): counts it against `flow`'s throttle (RATE_LIMITED
 * past it) and answers the category's clocks in its street, both from one settings read.
 */
export async function throttledFilingClocks(ports: Ports, flow: ThrottledFlow, who: string, streetId: string, categoryId: string, now: Date): Promise<SlaPolicy> {
  const settings = await settingsByIds(ports.db, [LIMITS_SETTINGS, ...slaSettingIds(streetId)]);
  await throttle(ports, flow, who, settings[LIMITS_SETTINGS] ?? null);
  return slaPolicyFor(streetSlaFrom(settings, streetId, now), categoryId);
}
