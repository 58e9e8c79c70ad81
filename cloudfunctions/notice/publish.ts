import { randomBytes } from 'node:crypto';
import { PublishNoticeInput } from '../../types/notice';
import { mayPublishTo, noticeDetail, scopeLabel } from '../domain/notice';
import { screenText, viewerOf } from '../kit/caller';
import { action } from '../kit/action';
import { refuse } from '../domain/refusal';
import { requestKey } from '../kit/requestKey';
import { refuseGoneGrid } from '../services/activeGrid';
import { claimFiles, screenImages } from '../services/files';
import { isDuplicateKey } from '../store/errors';
import { getNotice, insertNotice, scopeTarget } from '../store/notices';
import type { NoticeRecord } from '../domain/records';

/** Staff publish to one grid, every grid of a community or of a street, within their own scope. */
export const publish = action(PublishNoticeInput, async (input, ports) => {
  const [viewer, target] = await Promise.all([viewerOf(ports), scopeTarget(ports.db, input.scope)]);
  if (!viewer.staff) return refuse('FORBIDDEN', '只有网格工作人员可以发布通知');
  if (!target || !mayPublishTo(viewer.staff, target.place)) return refuse('FORBIDDEN', '只能向您负责的网格、社区或街道发布通知');
  if (target.grid && target.grid.status !== 'active') return refuseGoneGrid(ports.db, target.grid.code, target.grid);
  const _id = input.requestId ? requestKey(viewer.openid, input.requestId) : randomBytes(12).toString('hex');
  const earlier = input.requestId ? await getNotice(ports.db, _id) : null;
  if (earlier) return noticeDetail(earlier, ['unpublish']);
  const [images] = await Promise.all([
    claimFiles(ports, { by: viewer.openid, purpose: 'noticeImage', record: { collection: 'notices', id: _id } }, input.images),
    screenText(ports, viewer.openid, 'staffWords', `${input.title}\n${input.body}`),
  ]);
  // As with an appeal's photos: each image goes to WeChat's asynchronous check, and one judged
  // risky later is hidden by the `mediacheck` push.
  const media = await screenImages(ports, viewer.openid, input.images, 'staffWords');

  const notice: NoticeRecord = {
    _id,
    scope: { kind: input.scope.kind, id: input.scope.id },
    title: input.title,
    body: input.body,
    images: input.images,
    media,
    pinned: input.pinned,
    publishedAt: ports.clock.now(),
    authorId: viewer.staff._id,
    authorName: viewer.staff.name,
    authorTitle: viewer.staff.title,
    scopeLabel: scopeLabel(input.scope.kind, target.name),
    reads: 0,
  };
  await images.attach(notice.publishedAt);
  try {
    await insertNotice(ports.db, notice);
  } catch (error) {
    // The same publish, retried while the first was still being written: answer the first.
    if (!isDuplicateKey(error)) throw error;
    return noticeDetail((await getNotice(ports.db, _id)) ?? refuse('CONFLICT'), ['unpublish']);
  }
  return noticeDetail(notice, ['unpublish']);
});
