import * as z from 'zod/mini';
import { CategoryId } from '../../types/appeal';
import { CategorySla, StoredSla, type CalendarSetting, type ServiceDay } from '../../types/sla';
import type { SlaPolicy } from './sla';
import type { CalendarOverrides } from './workCalendar';

/**
 * A street's SLA policy as data (STYLE: routing and policy are data): the defaults below, the
 * city's `settings` document `sla` over them, the street's `sla:<streetId>` over that (shapes in
 * `types/sla.ts`). Categories are ids of the street's item directory (网格事项清单).
 */

/** A street's policy once its stored documents are laid over the defaults. */
export type StreetSla = {
  serviceDay: ServiceDay;
  /** Every category without its own entry. */
  standard: CategorySla;
  categories: Record<string, CategorySla>;
  calendar: CalendarOverrides;
};

/**
 * The defaults, a street office's usual promise:
 * - service day 08:00–20:00;
 * - standard: working days; accepted within 2 service hours; on site the same day when filed on
 *   a working day before 17:00, else by 12:00 the next working day; resolved within 3 working days;
 * - urgent, 治安隐患 (`safety`) and 燃气安全 (`gas`): every day counts, holidays included;
 *   accepted within 30 service minutes, on site within 2 service hours, resolved within 1 day.
 *   An emergency is still 110 / 119 / 120's: these clocks only run in the service day.
 */
export const DEFAULT_STREET_SLA: StreetSla = {
  serviceDay: { start: '08:00', end: '20:00' },
  standard: { days: 'working', acceptMinutes: 120, onSite: { sameDayCutoff: '17:00', nextDayBy: '12:00' }, resolveDays: 3 },
  categories: {
    safety: { days: 'every', acceptMinutes: 30, onSite: { withinMinutes: 120 }, resolveDays: 1 },
    gas: { days: 'every', acceptMinutes: 30, onSite: { withinMinutes: 120 }, resolveDays: 1 },
  },
  calendar: {},
};

const calendarOf = (setting: CalendarSetting): CalendarOverrides => ({
  ...Object.fromEntries(setting.daysOff.map((day) => [day, 'off' as const])),
  ...Object.fromEntries(setting.workdays.map((day) => [day, 'work' as const])),
});

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One stored part checked on its own: the value, or a problem naming where it was. */
function part<T>(schema: z.ZodMiniType<T>, value: unknown, where: string, problems: string[]): T | undefined {
  if (value === undefined) return undefined;
  const parsed = z.safeParse(schema, value);
  if (parsed.success) return parsed.data;
  problems.push(`${where}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '-'} ${i.message}`).join('; ')}`);
  return undefined;
}

/**
 * `stored` (the city's document, then the street's, each as read or null) laid over the
 * defaults. Each part stands or falls alone: `serviceDay`, `standard`, `calendar` whole, and each
 * category's entry in `categories`; a later document's part replaces an earlier one's (a
 * category's entry whole, calendar days one by one). A part that does not fit `types/sla.ts` is
 * left out and named in `problems` (`sla:GS categories.repair: resolveDays …`), so a broken
 * setting keeps what lies beneath it and never stops a clock.
 */
export function streetSlaOf(stored: Array<Record<string, unknown> | null>): { policy: StreetSla; problems: string[] } {
  const problems: string[] = [];
  const policy: StreetSla = { ...DEFAULT_STREET_SLA, categories: { ...DEFAULT_STREET_SLA.categories } };
  for (const doc of stored) {
    if (!doc) continue;
    const name = String(doc._id);
    policy.serviceDay = part(StoredSla.shape.serviceDay, doc.serviceDay, `${name} serviceDay`, problems) ?? policy.serviceDay;
    policy.standard = part(StoredSla.shape.standard, doc.standard, `${name} standard`, problems) ?? policy.standard;
    const calendar = part(StoredSla.shape.calendar, doc.calendar, `${name} calendar`, problems);
    if (calendar) policy.calendar = { ...policy.calendar, ...calendarOf(calendar) };
    if (doc.categories !== undefined && !isRecord(doc.categories)) problems.push(`${name} categories: 应为按类别编号的对象`);
    for (const [id, entry] of Object.entries(isRecord(doc.categories) ? doc.categories : {})) {
      const where = `${name} categories.${id}`;
      if (!z.safeParse(CategoryId, id).success) problems.push(`${where}: 类别编号不正确`);
      else {
        const own = part(CategorySla, entry, where, problems);
        if (own) policy.categories[id] = own;
      }
    }
  }
  return { policy, problems };
}

/** The clocks of an appeal in `categoryId` (an item directory id): its own entry, else the standard. */
export function slaPolicyFor(street: StreetSla, categoryId: string): SlaPolicy {
  const own = Object.prototype.hasOwnProperty.call(street.categories, categoryId);
  const category = own ? street.categories[categoryId] : street.standard;
  return { ...category, serviceDay: street.serviceDay, calendar: street.calendar };
}

/** The policy of a street with nothing stored: what tests and callers without settings count by. */
export const defaultSlaFor = (categoryId: string): SlaPolicy => slaPolicyFor(DEFAULT_STREET_SLA, categoryId);
