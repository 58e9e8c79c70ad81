import { StreetMonthInput, type ComputeResult } from '../../types/assessment';
import { reachesAt } from '../domain/permissions';
import { monthSpan } from '../domain/ledger';
import { refuse } from '../domain/refusal';
import { action } from '../kit/action';
import { viewerOf } from '../kit/caller';
import { assessStreetMonth } from '../services/assessment';

/**
 * 计算考核 `{month: 'YYYY-MM', streetId}` → `{month, streetId, grids}`: assesses every active grid
 * of the street for the month and stores the documents (`services/assessment.ts`). For the
 * street's own staff (FORBIDDEN for anyone else); a month not begun yet is INVALID_INPUT; a month
 * still running is computed as far as it has gone (its documents' `asOf`, and the timer computes
 * it again whole on the 1st); recomputing replaces the month's documents with the same ones. Round trips: one for the caller, then those of `assessStreetMonth`.
 */
export const compute = action(StreetMonthInput, async ({ month, streetId }, ports): Promise<ComputeResult> => {
  const viewer = await viewerOf(ports);
  if (!reachesAt(viewer.staff, { gridId: null, communityId: null, streetId }, 'street')) {
    return refuse('FORBIDDEN', '只有本街道的工作人员可以计算网格考核');
  }
  const now = ports.clock.now();
  if (monthSpan(month).from.getTime() > now.getTime()) return refuse('INVALID_INPUT', `${month} 还没有开始，不能计算考核`);
  return assessStreetMonth(ports.db, month, streetId, now);
});
