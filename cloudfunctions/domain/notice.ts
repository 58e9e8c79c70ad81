import { NOTICE_LIMITS, type NoticeDetail, type NoticeItem, type NoticeScopeKind } from '../../types/notice';
import { reaches, type Place } from './permissions';
import type { NoticeRecord, StaffRecord } from './records';

/** Where a notice's scope sits: a grid has all three, a community no grid, a street only itself. */
export type NoticePlace = Place;

const RANK: Record<NoticeScopeKind, number> = { grid: 0, community: 1, street: 2 };

/**
 * Staff publish within their scope only: a grid's chief or worker to that grid; community staff
 * to their community or a grid in it; street staff to their street, a community or a grid in it.
 */
export const mayPublishTo = (staff: StaffRecord | null, place: NoticePlace): boolean => reaches(staff, place).length > 0;

/**
 * Staff above a notice's scope take it down (community over a grid's, street over both), and so
 * does its author while one of their current roles still reaches the scope: authorship alone,
 * after the seat is gone, is not enough.
 */
export function mayUnpublish(staff: StaffRecord | null, notice: Pick<NoticeRecord, 'authorId' | 'scope'>, place: NoticePlace): boolean {
  const levels = reaches(staff, place);
  return levels.some((level) => RANK[level] > RANK[notice.scope.kind]) || (levels.length > 0 && staff!._id === notice.authorId);
}

/** "平阳社区第一网格", "平阳社区全体网格", "钢山街道全体网格". */
export const scopeLabel = (kind: NoticeScopeKind, name: string) => (kind === 'grid' ? name : `${name}全体网格`);

const FALLBACK_LABELS: Record<NoticeScopeKind, string> = { grid: '本网格', community: '本社区全体网格', street: '本街道全体网格' };
const labelOf = (n: NoticeRecord) => n.scopeLabel ?? FALLBACK_LABELS[n.scope.kind];

/** Pinned first, then newest, as one string: a list orders by it descending and resumes below it. */
export const noticeSortKey = (n: Pick<NoticeRecord, '_id' | 'pinned' | 'publishedAt'>) =>
  `${n.pinned ? 1 : 0}_${new Date(n.publishedAt).toISOString()}_${n._id}`;

export function noticeItem(n: NoticeRecord): NoticeItem {
  const flat = n.body.replace(/\s+/g, ' ').trim();
  return {
    id: n._id,
    title: n.title,
    excerpt: flat.length > NOTICE_LIMITS.excerpt ? `${flat.slice(0, NOTICE_LIMITS.excerpt)}…` : flat,
    pinned: n.pinned,
    publishedAt: new Date(n.publishedAt).toISOString(),
    scopeLabel: labelOf(n),
    reads: n.reads ?? 0,
  };
}

/** A notice's images without those WeChat's check judged risky after it was published. */
const visibleImages = (n: NoticeRecord) => {
  const hidden = new Set((n.media ?? []).filter((m) => m.hidden).map((m) => m.fileID));
  return (n.images ?? []).filter((image) => !hidden.has(image));
};

export function noticeDetail(n: NoticeRecord, can: NoticeDetail['can'] = []): NoticeDetail {
  return {
    id: n._id,
    title: n.title,
    body: n.body,
    images: visibleImages(n),
    pinned: n.pinned,
    publishedAt: new Date(n.publishedAt).toISOString(),
    author: n.authorName ? { name: n.authorName, title: n.authorTitle ?? '' } : null,
    scope: { kind: n.scope.kind, id: n.scope.id, label: labelOf(n) },
    reads: n.reads ?? 0,
    can,
  };
}
