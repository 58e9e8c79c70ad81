import * as z from 'zod/mini';
import { PRESENCE_WORDS } from '../../types/presence';
import { APPEAL_WORDS } from '../../types/vocabulary';
import { inShanghai } from './time';

/**
 * Throttles on sensitive flows (OWASP API4 and API6): how often one caller may do a thing. The
 * limits are data: the defaults below, each flow's replaced whole by the `settings` document
 * `limits` (`{ _id: 'limits', callStaff: [{ max: 3, minutes: 1 }], … }`), read once per call.
 * The counting itself is `store/limits.ts`; `kit/throttle.ts` puts the two together.
 */

/** The flows a throttle guards, each counted per caller (openid). */
export const THROTTLED_FLOWS = ['callStaff', 'inviteCode', 'appealSubmit', 'staffReport', 'fileTicket', 'checkIn'] as const;
export type ThrottledFlow = (typeof THROTTLED_FLOWS)[number];

/**
 * At most `max` calls within `minutes`. A window opens with the first call counted and lasts
 * `minutes` from then (not aligned to the clock), so a burst is judged the same whenever it
 * comes; once it ends, the next call opens a fresh one.
 */
export type Window = { max: number; minutes: number };

const MINUTES_PER_DAY = 1440;

/**
 * - `callStaff`: full mobile numbers behind the grid page's masked ones. A resident calls one or
 *   two people; 5 a minute and 30 a day leave room for a wrong tap and stop harvesting (72
 *   numbers in 1.6 s was the attack).
 * - `inviteCode`: `staff.preview` and `staff.redeem` together (both test a code). An invitee
 *   previews and redeems once, with a mistyped code or two; 10 in 10 minutes and 30 a day make
 *   guessing an 8-character code hopeless.
 * - `appealSubmit`: 10 appeals an hour per resident, as before the limiter.
 * - `staffReport`: 30 reports (上报) an hour per chief or worker: a patrol that finds something at
 *   every other door still fits; a client stuck in a loop does not fill the grid's ledger.
 * - `fileTicket`: places to upload to (`file.ticket`), each a stored record: an appeal takes up to
 *   9 photos and a notice a few images, so 60 in 10 minutes and 300 a day cover a busy chief's
 *   day and stop filling storage and the `files` collection.
 * - `checkIn`: scans of the grid's sign (扫码签到) per chief or worker: a patrol checks in at a few
 *   points and a visit at each door, so 60 an hour and 300 a day cover the busiest day; a client
 *   retrying in a loop does not fill the `checkins` collection or the assessment's patrol count.
 */
export const DEFAULT_LIMITS: Record<ThrottledFlow, Window[]> = {
  callStaff: [
    { max: 5, minutes: 1 },
    { max: 30, minutes: MINUTES_PER_DAY },
  ],
  inviteCode: [
    { max: 10, minutes: 10 },
    { max: 30, minutes: MINUTES_PER_DAY },
  ],
  appealSubmit: [{ max: 10, minutes: 60 }],
  staffReport: [{ max: 30, minutes: 60 }],
  fileTicket: [
    { max: 60, minutes: 10 },
    { max: 300, minutes: MINUTES_PER_DAY },
  ],
  checkIn: [
    { max: 60, minutes: 60 },
    { max: 300, minutes: MINUTES_PER_DAY },
  ],
};

/** What the caller was doing, as the refusal names it: `查看工作人员电话太频繁，…`. */
const FLOW_WORDS: Record<ThrottledFlow, string> = {
  callStaff: '查看工作人员电话',
  inviteCode: '输入邀请码',
  appealSubmit: APPEAL_WORDS.event.submitted,
  staffReport: APPEAL_WORDS.event.reported,
  fileTicket: '上传文件',
  checkIn: PRESENCE_WORDS.checkIn,
};

/**
 * A window from settings: at least a minute (shorter would all but lift the limit) and at most a
 * year (longer overflows the date a counter expires at); anything else keeps the default.
 */
const WindowSetting = z.object({
  max: z.int().check(z.minimum(1)),
  minutes: z.number().check(z.gte(1), z.lte(366 * MINUTES_PER_DAY)),
});
const FlowSetting = z.array(WindowSetting).check(z.minLength(1));

/**
 * A flow's windows: the `settings` document's entry for it when that is a non-empty list of
 * `{max ≥ 1 (whole), 1 ≤ minutes ≤ a year}`, else the default (a broken setting never lifts a throttle).
 * `settings`: the stored document as read, or null. Shortest first, the order they are counted
 * in: a call a short window refuses is not counted in the longer ones, so a burst refused by
 * the minute does not use up the day.
 */
export function limitsOf(flow: ThrottledFlow, settings: Record<string, unknown> | null): Window[] {
  const parsed = z.safeParse(FlowSetting, settings?.[flow]);
  return [...(parsed.success ? parsed.data : DEFAULT_LIMITS[flow])].sort((a, b) => a.minutes - b.minutes);
}

/**
 * The `limits` document that counts one caller's calls of a flow within one window length:
 * `callStaff:1m:<openid>`. A new window length (changed in settings) starts a new count.
 */
export const counterKey = (flow: ThrottledFlow, window: Window, who: string) => `${flow}:${window.minutes}m:${who}`;

/** When a window opened at `now` ends. */
export const windowEnd = (window: Window, now: Date) => new Date(now.getTime() + window.minutes * 60_000);

/**
 * The refusal's words for a window full until `until`: that time in Zoucheng, rounded up to the
 * minute so that trying at the time shown works. `14:05` the same day, `11月25日 08:00` on another.
 */
export function tooOften(flow: ThrottledFlow, until: Date, now: Date): string {
  const end = inShanghai(until);
  const at = end.second() || end.millisecond() ? end.startOf('minute').add(1, 'minute') : end;
  const when = at.isSame(inShanghai(now), 'day') ? at.format('HH:mm') : at.format('M月D日 HH:mm');
  return `${FLOW_WORDS[flow]}太频繁，请在 ${when} 后再试`;
}
