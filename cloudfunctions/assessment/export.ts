import { randomBytes } from 'node:crypto';
import { StreetMonthInput } from '../../types/assessment';
import { gridTable, weightTable } from '../domain/assessmentSheet';
import { reachesAt } from '../domain/permissions';
import { refuse } from '../domain/refusal';
import { action } from '../kit/action';
import { viewerOf } from '../kit/caller';
import { assessmentsOf } from '../store/assessments';
import { workbookOf } from './workbook';

/**
 * 导出考核 `{month, streetId}` → `{fileID}`: the street's computed month as an .xlsx, one row per
 * grid best first (sheet 网格考核) and the weights and targets used (sheet 权重), stored at
 * `assessments/<streetId>/<month>-<random>.xlsx`: storage lets anyone holding a fileID read the
 * file, so its path must not be guessable from the street and month. For the street's own staff
 * (FORBIDDEN otherwise); NOT_FOUND when the month is not computed. Round trips: two reads, one upload.
 */
export const exportMonth = action(StreetMonthInput, async ({ month, streetId }, ports): Promise<{ fileID: string }> => {
  const viewer = await viewerOf(ports);
  if (!reachesAt(viewer.staff, { gridId: null, communityId: null, streetId }, 'street')) {
    return refuse('FORBIDDEN', '只有本街道的工作人员可以导出网格考核');
  }
  const assessments = await assessmentsOf(ports.db, month, { streetId });
  if (!assessments.length) return refuse('NOT_FOUND', `${month} 的网格考核尚未计算`);
  const bytes = await workbookOf([
    { name: '网格考核', table: gridTable(assessments) },
    { name: '权重', table: weightTable(assessments[0].policy) },
  ]);
  return { fileID: await ports.files.put(`assessments/${streetId}/${month}-${randomBytes(12).toString('hex')}.xlsx`, bytes) };
});
