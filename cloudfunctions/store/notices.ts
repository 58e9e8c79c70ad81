import type { DB } from 'wx-server-sdk/index';
import { NOTICE_LIMITS, type NoticeScope } from '../../types/notice';
import type { NoticePlace } from '../domain/notice';
import { noticeSortKey } from '../domain/notice';
import { isDuplicateKey } from './errors';
import { docsOf } from './results';
import type { CommunityRecord, GridRecord, NoticeReadRecord, NoticeRecord, StreetRecord } from '../domain/records';

const notices = (db: DB.Database) => db.collection('notices');
const PAGE = NOTICE_LIMITS.pageSize;

/** Where a scope sits and its name; for a grid scope, the grid record (retired ones included: the caller decides). */
export type ScopeTarget = { place: NoticePlace; name: string; grid?: GridRecord };

/** The grid, community or street a scope names, with where it sits. One round trip; null when there is none. */
export async function scopeTarget(db: DB.Database, scope: NoticeScope): Promise<ScopeTarget | null> {
  if (scope.kind === 'grid') {
    const [g] = docsOf<GridRecord>(await db.collection('grids').where({ _id: scope.id }).limit(1).get());
    return g ? { place: { gridId: g._id, communityId: g.communityId, streetId: g.streetId }, name: g.name, grid: g } : null;
  }
  if (scope.kind === 'community') {
    const [c] = docsOf<CommunityRecord>(await db.collection('communities').where({ _id: scope.id }).limit(1).get());
    return c ? { place: { gridId: null, communityId: c._id, streetId: c.streetId }, name: c.name } : null;
  }
  const [s] = docsOf<StreetRecord>(await db.collection('streets').where({ _id: scope.id }).field({ name: true }).limit(1).get());
  return s ? { place: { gridId: null, communityId: null, streetId: s._id }, name: s.name } : null;
}

export async function insertNotice(db: DB.Database, notice: NoticeRecord): Promise<void> {
  await notices(db).add({ data: { ...notice, sortKey: noticeSortKey(notice) } });
}

export async function getNotice(db: DB.Database, id: string): Promise<NoticeRecord | null> {
  const [n] = docsOf<NoticeRecord>(await notices(db).where({ _id: id }).limit(1).get());
  return n ?? null;
}

export async function removeNotice(db: DB.Database, id: string): Promise<void> {
  await notices(db).where({ _id: id }).remove();
}

export type NoticePage = { items: NoticeRecord[]; cursor: string | null };

/**
 * A grid's notices (its own, its community's, its street's): pinned first, then newest, `size` at a
 * time. The one query for a grid's notices: the notice list and the grid page's latest few alike.
 */
export async function listNotices(db: DB.Database, place: NoticePlace, cursor: string | undefined, size: number = PAGE): Promise<NoticePage> {
  const _ = db.command;
  const scopes = [
    { 'scope.kind': 'grid', 'scope.id': place.gridId },
    { 'scope.kind': 'community', 'scope.id': place.communityId },
    { 'scope.kind': 'street', 'scope.id': place.streetId },
  ];
  const where = _.and([_.or(scopes), ...(cursor ? [{ sortKey: _.lt(cursor) }] : [])]);
  const items = docsOf<NoticeRecord>(await notices(db).where(where).orderBy('sortKey', 'desc').field({ body: true, title: true, pinned: true, publishedAt: true, scope: true, scopeLabel: true, reads: true, sortKey: true }).limit(size).get());
  return { items, cursor: items.length === size ? items[items.length - 1].sortKey ?? null : null };
}

/**
 * Records that `openid` read the notice; true only the first time. The read's `_id` is the pair,
 * so two reads at once cannot both count: the second insert is a duplicate key.
 */
export async function markRead(db: DB.Database, noticeId: string, openid: string, at: Date): Promise<boolean> {
  const read: NoticeReadRecord = { _id: `${noticeId}:${openid}`, noticeId, openid, at };
  try {
    await db.collection('noticeReads').add({ data: read });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

export async function countRead(db: DB.Database, noticeId: string): Promise<void> {
  await notices(db).where({ _id: noticeId }).update({ data: { reads: db.command.inc(1) } });
}

/** Notices with an image under this content-check trace (one, unless an image was reused). */
export async function noticesWithMediaTrace(db: DB.Database, traceId: string): Promise<NoticeRecord[]> {
  return docsOf<NoticeRecord>(await notices(db).where({ 'media.traceId': traceId }).limit(10).get());
}

/** Replaces a notice's media list (the hidden flags), leaving everything else as it is. */
export async function saveNoticeMedia(db: DB.Database, id: string, media: NonNullable<NoticeRecord['media']>): Promise<void> {
  await notices(db).where({ _id: id }).update({ data: { media: db.command.set(media) } });
}
