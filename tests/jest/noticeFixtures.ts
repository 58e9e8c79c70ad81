import type { NoticeDetail } from '../../types/notice';

/** A notice as notice.detail answers it (平阳社区's weekend clinic). */
export function noticeFixture(overrides: Partial<NoticeDetail> = {}): NoticeDetail {
  return {
    id: 'notice-GS01-1',
    title: '平阳社区周末义诊通知',
    body: '本周六上午9点，社区卫生服务站在党群服务站开展免费义诊。\n请携带医保卡。',
    images: ['cloud://test-env.7465-test-env-1300000000/notices/202611/a.jpg'],
    pinned: true,
    publishedAt: '2026-11-22T01:00:00.000Z',
    author: { name: '黄丽娟', title: '平阳社区党委书记' },
    scope: { kind: 'community', id: 'GS01', label: '平阳社区全体网格' },
    reads: 12,
    can: [],
    ...overrides,
  };
}
