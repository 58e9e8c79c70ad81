import dayjs from 'dayjs';
import type { GridRecordView } from '../../types/grid';
import { NO_APPEALS, shareOf, type AppealTally } from './assessment';
import type { Span } from './ledger';
import { inShanghai, shanghaiTime } from './time';

/**
 * The grid's public record (DESIGN §3), pure: how many days it covers, the span a roll-up made
 * on a given day counts, the stored roll-up's shape, and what the grid page shows of it.
 * Counting is the assessment's (`AppealTally`: residents' appeals filed in the span, not held;
 * accepted by `deadlines.acceptBy`; on site by `deadlines.onSiteBy` as a 到场 scan proved it), so the page and the
 * monthly assessment never disagree about what "in time" means.
 */

/** The record covers this many whole days before the day it was counted on. */
export const RECORD_DAYS = 90;

/** A Zoucheng calendar day `YYYY-MM-DD` of `at`. */
export const shanghaiDay = (at: Date): string => inShanghai(at).format('YYYY-MM-DD');

/**
 * What a roll-up counted on `day` (`YYYY-MM-DD`, Asia/Shanghai) covers: the RECORD_DAYS whole
 * days before it, from midnight to midnight Asia/Shanghai (the day itself is still running).
 */
export function recordSpan(day: string): Span {
  const from = dayjs.utc(day).subtract(RECORD_DAYS, 'day').format('YYYY-MM-DD');
  return { from: shanghaiTime(`${from} 00:00`).toDate(), to: shanghaiTime(`${day} 00:00`).toDate() };
}

/** The stored roll-up of one grid (collection `rollups`, `_id` = the grid's id): its street, its tally and the day it was counted on. */
export type RollupRecord = { _id: string; streetId: string; day: string; from: Date; to: Date; appeals: AppealTally };

/** The grids' roll-ups counted on `day`: a grid with no appeals in the span gets an empty tally, so each grid has one. */
export function rollupsOf(day: string, grids: Array<{ _id: string; streetId: string }>, tallies: Map<string, AppealTally>): RollupRecord[] {
  const { from, to } = recordSpan(day);
  return grids.map(({ _id, streetId }) => ({ _id, streetId, day, from, to, appeals: tallies.get(_id) ?? NO_APPEALS }));
}

/**
 * What the grid page shows: rates of the residents' appeals in the span (null when there were
 * none, so the page says 暂无 rather than 0%), the average rating of the rated ones (null when
 * none was rated), and whether staff checked in today. A grid not rolled up yet shows asOf null.
 */
export function gridRecordView(rollup: RollupRecord | null, checkedInToday: boolean): GridRecordView {
  const tally = rollup?.appeals ?? NO_APPEALS;
  const filed = tally.residentAppeals;
  return {
    days: RECORD_DAYS,
    asOf: rollup?.day ?? null,
    appeals: filed,
    handled: tally.resolved,
    acceptedInTime: shareOf(tally.acceptedInTime, filed).rate,
    onSiteSameDay: shareOf(tally.onSiteInTime, filed).rate,
    satisfaction: tally.rated === 0 ? null : Math.round((tally.ratingSum / tally.rated) * 100) / 100,
    rated: tally.rated,
    checkedInToday,
  };
}
