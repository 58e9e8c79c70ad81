import type { DB } from 'wx-server-sdk/index';
import type { ComputeResult } from '../../types/assessment';
import { assessStreet, assessmentPolicyOf, assessmentSettingIds, coverageMoment, monthsBefore } from '../domain/assessment';
import { monthSpan } from '../domain/ledger';
import { inShanghai } from '../domain/time';
import type { Ports } from '../kit/ports';
import { activeGridsOfStreet, activityTallies, appealTallies, replaceAssessments, streetsAssessed } from '../store/assessments';
import { loadStreets } from '../store/registry';
import { settingsByIds } from '../store/settings';

/**
 * Assesses every active grid of street `streetId` for `month` (`YYYY-MM`, Asia/Shanghai) and
 * stores one document per grid in `assessments`, replacing what a former run stored for it. The
 * same data give the same documents; 六必访 coverage is taken at the month's end, or at `now`
 * while the month runs. Round trips, whatever the number of grids: two at once (grids,
 * settings), six at once (check-ins, appeal actions, notices, households, covering visits,
 * appeals), two writes. A problem with the street's settings is logged and the defaults beneath
 * it used.
 */
export async function assessStreetMonth(db: DB.Database, month: string, streetId: string, now: Date): Promise<ComputeResult> {
  const ids = assessmentSettingIds(streetId);
  const [grids, settings] = await Promise.all([activeGridsOfStreet(db, streetId), settingsByIds(db, ids)]);
  const { policy, problems } = assessmentPolicyOf(ids.map((id) => settings[id] ?? null));
  if (problems.length) console.warn('[gridlink] assessment settings ignored', problems);
  const gridIds = grids.map((g) => g._id);
  const span = monthSpan(month);
  const [activity, appeals] = await Promise.all([activityTallies(db, gridIds, span, coverageMoment(span, now)), appealTallies(db, gridIds, span)]);
  await replaceAssessments(db, month, streetId, assessStreet(month, grids, activity, appeals, policy));
  return { month, streetId, grids: grids.length };
}

/**
 * The timer's part (on the 1st, Asia/Shanghai): assesses last month for each street that has no
 * document for it yet, one street after another while `deadline` (ms since the epoch) has not
 * passed; a street left over is taken by the next run that day. Any other day it reads nothing.
 * Returns how many streets it assessed.
 */
export async function assessLastMonthOnFirst(ports: Ports, deadline: number): Promise<number> {
  const today = inShanghai(ports.clock.now());
  if (today.date() !== 1) return 0;
  const [month] = monthsBefore(today.format('YYYY-MM'), 1);
  const [streets, done] = await Promise.all([loadStreets(ports.db), streetsAssessed(ports.db, month)]);
  let assessed = 0;
  for (const street of streets.filter((s) => !done.includes(s._id))) {
    if (ports.clock.now().getTime() >= deadline) break;
    await assessStreetMonth(ports.db, month, street._id, ports.clock.now());
    assessed += 1;
  }
  return assessed;
}
