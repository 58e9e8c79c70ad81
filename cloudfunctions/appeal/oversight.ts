import { AppealRef, BlockInput, ModerateInput } from '../../types/appeal';
import { staffActor, transition } from '../domain/appeal';
import { detailView } from '../domain/appealView';
import { mayBlock, mayModerate } from '../domain/permissions';
import { action } from '../kit/action';
import { refuse } from '../domain/refusal';
import { block as addBlock, unblock as removeBlock } from '../store/blocks';
import { appealForViewer, saveOrRefuse } from './context';
import { screenText } from '../kit/caller';
import { slaFor } from '../services/slaPolicy';
import { tellGrid, tellResident } from '../services/tell';

/** Community or street staff release a held appeal to its grid, or close it as not acceptable. */
export const moderate = action(ModerateInput, async ({ id, release, reason }, ports) => {
  const { appeal, viewer } = await appealForViewer(ports, id);
  if (!mayModerate(viewer, appeal) || !viewer.staff) return refuse('FORBIDDEN', '只有社区或街道工作人员可以审核诉求');
  const now = ports.clock.now();
  // A rejection's reason is on the resident's timeline and in their message: screened like a reply.
  // A release starts the clocks: the street's policy is read meanwhile.
  const [, policy] = await Promise.all([
    screenText(ports, viewer.openid, 'staffWords', reason),
    release ? slaFor(ports.db, appeal.streetId, appeal.category, now) : undefined,
  ]);
  const next = transition(appeal, { type: 'moderate', release, reason }, staffActor(viewer.staff), now, policy);
  await saveOrRefuse(ports, appeal, next);
  if (release) await tellGrid(ports, next);
  await tellResident(ports, next);
  return detailView(next, viewer, now);
});

const BLOCK_REFUSED = '只有街道工作人员可以限制或解除限制反映人，且不能限制自己';

/** Street staff over an appeal may bar its filer from filing more; they never learn who it is. */
export const block = action(BlockInput, async ({ id, reason }, ports) => {
  const { appeal, viewer } = await appealForViewer(ports, id);
  if (!mayBlock(viewer, appeal)) return refuse('FORBIDDEN', BLOCK_REFUSED);
  await addBlock(ports.db, { openid: appeal.residentOpenid, streetId: appeal.streetId, reason, byStaffId: viewer.staff!._id, at: ports.clock.now() });
  return { blocked: true as const };
});

export const unblock = action(AppealRef, async ({ id }, ports) => {
  const { appeal, viewer } = await appealForViewer(ports, id);
  if (!mayBlock(viewer, appeal)) return refuse('FORBIDDEN', BLOCK_REFUSED);
  await removeBlock(ports.db, appeal.streetId, appeal.residentOpenid);
  return { blocked: false as const };
});
