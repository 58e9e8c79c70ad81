import type { DB } from 'wx-server-sdk/index';
import type { ComputeResult } from '../../types/assessment';
import { assessStreet, assessmentPolicyOf, assessmentSettingIds } from '../domain/assessment';
import { monthSpan } from '../domain/ledger';
import { activeGridsOfStreet, activityTallies, appealTallies, replaceAssessments } from '../store/assessments';
import { settingsByIds } from '../store/settings';

/**
 * Assesses every active grid of street `streetId` for `month` (`YYYY-MM`, Asia/Shanghai) and
 * stores one document per grid in `assessments`, replacing what a former run stored for it. The
 * same data give the same documents. Round trips, whatever the number of grids: two at once
 * (grids, settings), four at once (check-ins, appeal actions, notices, appeals), two writes.
 * A problem with the street's settings is logged and the defaults beneath it used.
 */
export async function assessStreetMonth(db: DB.Database, month: string, streetId: string): Promise<ComputeResult> {
  const ids = assessmentSettingIds(streetId);
  const [grids, settings] = await Promise.all([activeGridsOfStreet(db, streetId), settingsByIds(db, ids)]);
  const { policy, problems } = assessmentPolicyOf(ids.map((id) => settings[id] ?? null));
  if (problems.length) console.warn('[gridlink] assessment settings ignored', problems);
  const gridIds = grids.map((g) => g._id);
  const span = monthSpan(month);
  const [activity, appeals] = await Promise.all([activityTallies(db, gridIds, span), appealTallies(db, gridIds, span)]);
  await replaceAssessments(db, assessStreet(month, grids, activity, appeals, policy));
  return { month, streetId, grids: grids.length };
}
