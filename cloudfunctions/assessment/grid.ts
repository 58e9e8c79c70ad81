import { GridMonthsInput, MONTHS_AT_MOST, type GridRecordOfMonths } from '../../types/assessment';
import { monthsBefore } from '../domain/assessment';
import { placeOfGrid, reachOver } from '../domain/permissions';
import { refuse } from '../domain/refusal';
import { inShanghai } from '../domain/time';
import { action } from '../kit/action';
import { viewerOf } from '../kit/caller';
import { gridAssessments, scoredAbove } from '../store/assessments';
import { gridOfCode } from '../store/grids';

/**
 * 网格考核 `{gridCode, months?}` → the grid's stored months, oldest first, each with its city rank
 * (1 + the grids scored above it that month). `months` defaults to the 12 before this one
 * (Asia/Shanghai). For the grid's chief and workers and its community's and street's staff
 * (FORBIDDEN otherwise); a retired grid keeps its record; NOT_FOUND for a code no grid had.
 * Round trips: two at once, one read, then one count per month found (at most 12) at once.
 */
export const grid = action(GridMonthsInput, async (input, ports): Promise<GridRecordOfMonths> => {
  const [viewer, found] = await Promise.all([viewerOf(ports), gridOfCode(ports.db, input.gridCode)]);
  if (!found) return refuse('NOT_FOUND', `没有找到网格码 ${input.gridCode} 对应的网格`);
  if (!reachOver(viewer.staff, placeOfGrid(found))) return refuse('FORBIDDEN', '只有本网格及所属社区、街道的工作人员可以查看网格考核');
  const months = input.months ?? monthsBefore(inShanghai(ports.clock.now()).format('YYYY-MM'), MONTHS_AT_MOST);
  const stored = await gridAssessments(ports.db, found._id, [...new Set(months)]);
  const above = await Promise.all(stored.map((doc) => scoredAbove(ports.db, doc.month, doc.score)));
  return { grid: { code: found.code, name: found.name }, months: stored.map((doc, i) => ({ ...doc, cityRank: above[i] + 1 })) };
});
