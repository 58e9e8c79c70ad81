import { ListNoticesInput, NoticeRef } from '../../types/notice';
import { mayUnpublish, noticeDetail, noticeItem } from '../domain/notice';
import { placeOfGrid } from '../domain/permissions';
import { action } from '../kit/action';
import { refuse } from '../domain/refusal';
import { activeGrid } from '../services/activeGrid';
import { countRead, getNotice, listNotices, markRead, scopeTarget } from '../store/notices';
import { staffByOpenid } from '../store/staff';

const GONE = '这条通知不存在或已撤回';

/** A grid's notices, its community's and its street's: anyone may read them, no identity needed. */
export const list = action(ListNoticesInput, async ({ gridCode, cursor }, { db }) => {
  const grid = await activeGrid(db, gridCode);
  const page = await listNotices(db, placeOfGrid(grid), cursor);
  return { items: page.items.map(noticeItem), cursor: page.cursor };
});

/**
 * One notice, for anyone. A signed-in reader is counted once, however often they open it;
 * a reader without an identity is not counted. Staff learn whether they may take it down.
 */
export const detail = action(NoticeRef, async ({ id }, { db, caller, clock }) => {
  const [notice, staff] = await Promise.all([getNotice(db, id), caller ? staffByOpenid(db, caller.openid) : null]);
  if (!notice) return refuse('NOT_FOUND', GONE);
  let reads = notice.reads ?? 0;
  if (caller && (await markRead(db, id, caller.openid, clock.now()))) {
    await countRead(db, id);
    reads += 1;
  }
  const place = staff ? (await scopeTarget(db, notice.scope))?.place : undefined;
  return noticeDetail({ ...notice, reads }, place && mayUnpublish(staff, notice, place) ? ['unpublish'] : []);
});
