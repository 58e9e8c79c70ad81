import { randomBytes } from 'node:crypto';
import { PublishNoticeInput } from '../../types/notice';
import { mayPublishTo, noticeDetail, scopeLabel } from '../domain/notice';
import { refuseRiskyText, viewerOf } from '../kit/caller';
import { action } from '../kit/action';
import { refuse } from '../kit/refusal';
import { insertNotice, scopeTarget } from '../store/notices';
import type { NoticeRecord } from '../store/records';

/** Staff publish to one grid, every grid of a community or of a street, within their own scope. */
export const publish = action(PublishNoticeInput, async (input, ports) => {
  const [viewer, target] = await Promise.all([viewerOf(ports), scopeTarget(ports.db, input.scope)]);
  if (!viewer.staff) return refuse('FORBIDDEN', '只有网格工作人员可以发布通知');
  if (!target || !mayPublishTo(viewer.staff, target.place)) return refuse('FORBIDDEN', '只能向您负责的网格、社区或街道发布通知');
  await refuseRiskyText(ports, viewer.openid, `${input.title}\n${input.body}`);

  const notice: NoticeRecord = {
    _id: randomBytes(12).toString('hex'),
    scope: { kind: input.scope.kind, id: input.scope.id },
    title: input.title,
    body: input.body,
    images: input.images,
    pinned: input.pinned,
    publishedAt: ports.clock.now(),
    authorId: viewer.staff._id,
    authorName: viewer.staff.name,
    authorTitle: viewer.staff.title,
    scopeLabel: scopeLabel(input.scope.kind, target.name),
    reads: 0,
  };
  await insertNotice(ports.db, notice);
  return noticeDetail(notice, ['unpublish']);
});
