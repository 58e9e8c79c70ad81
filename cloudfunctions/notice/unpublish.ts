import { NoticeRef } from '../../types/notice';
import { mayUnpublish } from '../domain/notice';
import { viewerOf } from '../kit/caller';
import { action } from '../kit/action';
import { refuse } from '../domain/refusal';
import { getNotice, removeNotice, scopeTarget } from '../store/notices';

/** The author, or staff above the notice's scope, takes it off every grid page. */
export const unpublish = action(NoticeRef, async ({ id }, ports) => {
  const [viewer, notice] = await Promise.all([viewerOf(ports), getNotice(ports.db, id)]);
  if (!notice) return refuse('NOT_FOUND', '这条通知不存在或已撤回');
  const target = viewer.staff ? await scopeTarget(ports.db, notice.scope) : null;
  if (!target || !mayUnpublish(viewer.staff, notice, target.place)) return refuse('FORBIDDEN', '只有发布人或上级工作人员可以撤回这条通知');
  await removeNotice(ports.db, id);
  return { id, unpublished: true as const };
});
