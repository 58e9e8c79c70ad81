import { GridMonthsInput, MONTHS_AT_MOST, type GridRecordOfMonths } from '../../types/assessment';
import { monthsBefore } from '../domain/assessment';
import { inShanghai } from '../domain/time';
import { action } from '../kit/action';
import { gridAssessments, scoredAbove } from '../store/assessments';
import { overseenGrid } from './overseen';

/**
 * 网格考核 `{gridCode, months?}` → the grid's stored months, oldest first, each with its city rank
 * (1 + the grids scored above it that month). `months` defaults to the 12 before this one
 * (Asia/Shanghai). For the grid's chief and workers and its community's and street's staff
 * (FORBIDDEN otherwise); a retired grid keeps its record; NOT_FOUND for a code no grid had.
 * Round trips: two at once, one read, then one count per month found (at most 12) at once.
 */
export const grid = action(GridMonthsInput, async (input, ports): Promise<GridRecordOfMonths> => {
  const found = await overseenGrid(ports, input.gridCode);
  const months = input.months ?? monthsBefore(inShanghai(ports.clock.now()).format('YYYY-MM'), MONTHS_AT_MOST);
  const stored = await gridAssessments(ports.db, found._id, [...new Set(months)]);
  const above = await Promise.all(stored.map((doc) => scoredAbove(ports.db, doc.month, doc.score)));
  return { grid: { code: found.code, name: found.name }, months: stored.map((doc, i) => ({ ...doc, cityRank: above[i] + 1 })) };
});
