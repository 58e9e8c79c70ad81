import { RateInput } from '../../types/appeal';
import { REOPEN_AT_OR_BELOW, transition } from '../domain/appeal';
import { detailView } from '../domain/appealView';
import { isFiler, mayRate } from '../domain/permissions';
import { action } from '../kit/action';
import { refuse } from '../domain/refusal';
import { appealForViewer, saveOrRefuse } from './context';
import { screenText } from '../kit/caller';
import { slaFor } from '../services/slaPolicy';
import { tellLevel } from '../services/tell';

/**
 * The filer rates a resolved appeal: 3–5 closes it, 1–2 reopens it to the same grid (重办), or
 * after two 重办 sends it to its community's staff to review (社区复核); whoever it goes to is told.
 */
export const rate = action(RateInput, async ({ id, score, comment }, ports) => {
  const { appeal, viewer } = await appealForViewer(ports, id);
  if (!isFiler(viewer, appeal)) return refuse('FORBIDDEN', '只有反映人可以评价这条诉求');
  if (!mayRate(viewer, appeal)) return refuse('FORBIDDEN', '您是这个网格的工作人员，不能评价本网格的诉求');
  const now = ports.clock.now();
  // An unsatisfied rating restarts the clocks (重办 or 社区复核): the street's policy is read meanwhile.
  const [, policy] = await Promise.all([
    screenText(ports, viewer.openid, 'residentWords', comment),
    score <= REOPEN_AT_OR_BELOW ? slaFor(ports.db, appeal.streetId, appeal.category, now) : undefined,
  ]);
  const next = transition(appeal, { type: 'rate', score, comment }, { kind: 'resident', openid: viewer.openid }, now, policy);
  await saveOrRefuse(ports, appeal, next);
  if (next.status === 'submitted') await tellLevel(ports, next);
  return detailView(next, viewer, now);
});
