import type { AppealDetail, AppealSummary, Me } from '../../types/appeal';

/** Shapes as the appeal and account functions answer them (types/api.ts), for component tests. */

export function meFixture(overrides: Partial<Me> = {}): Me {
  return {
    role: 'resident',
    name: null,
    title: null,
    scope: null,
    grids: [],
    consents: { appealNew: 0, appealProgress: 0, groupQrExpiry: 0 },
    templates: { appealNew: 'tmpl-appeal-new', appealProgress: 'tmpl-appeal-progress', groupQrExpiry: 'tmpl-group-qr-expiry' },
    ...overrides,
  };
}

export const chiefMe = (overrides: Partial<Me> = {}) =>
  meFixture({ role: 'chief', name: '张桂兰', title: '网格长', scope: '府前社区第一网格', grids: [{ code: 'GS-0101', name: '府前社区第一网格' }], consents: { appealNew: 2, appealProgress: 0, groupQrExpiry: 0 }, ...overrides });

export function summaryFixture(n: number, overrides: Partial<AppealSummary> = {}): AppealSummary {
  return {
    id: `ap-${n}`,
    number: `GS20261124${String(n).padStart(4, '0')}`,
    category: 'sanitation',
    categoryName: '环境卫生',
    excerpt: `第 ${n} 条：楼道里堆满了杂物`,
    status: 'submitted',
    statusLabel: '待受理',
    level: 'grid',
    gridCode: 'GS-0101',
    gridName: '府前社区第一网格',
    createdAt: '2026-11-24T02:00:00.000Z',
    deadlines: { acceptBy: '2026-11-24T04:00:00.000Z', onSiteBy: '2026-11-24T10:00:00.000Z', resolveBy: '2026-11-27T10:00:00.000Z' },
    clock: { kind: 'acceptBy', at: '2026-11-24T04:00:00.000Z' },
    overdue: false,
    promise: '今天 12:00 前受理',
    source: 'resident',
    missed: [],
    card: null,
    extensionPending: false,
    ...overrides,
  };
}

export function detailFixture(overrides: Partial<AppealDetail> = {}): AppealDetail {
  return {
    ...summaryFixture(1),
    content: '3 号楼 2 单元楼道里堆满了杂物，影响通行，也有火灾隐患。',
    photos: ['cloud://test-env.7465-test-env-1300000000/appeals/202611/a.jpg'],
    location: { latitude: 35.4, longitude: 116.97, name: '府前小区 3 号楼' },
    anonymous: false,
    contactPhone: null,
    reopenCount: 0,
    rating: null,
    onSiteAt: null,
    supervision: [],
    extension: null,
    now: '2026-11-24T02:30:00.000Z',
    timeline: [
      { type: 'submitted', at: '2026-11-24T02:00:00.000Z', actor: { kind: 'resident' }, text: null, photos: [], detail: null },
      {
        type: 'accepted',
        at: '2026-11-24T02:30:00.000Z',
        actor: { kind: 'staff', staffId: 'st-chief-0101', name: '张桂兰', title: '网格长' },
        text: null,
        photos: [],
        detail: null,
      },
      {
        type: 'replied',
        at: '2026-11-24T03:05:00.000Z',
        actor: { kind: 'staff', staffId: 'st-chief-0101', name: '张桂兰', title: '网格长' },
        text: '已联系物业，今天下午清理。',
        photos: ['cloud://test-env.7465-test-env-1300000000/appeals/202611/b.jpg'],
        detail: null,
      },
      { type: 'escalated', at: '2026-11-24T16:10:00.000Z', actor: { kind: 'system' }, text: '超时未办结，自动升级', photos: [], detail: 'community' },
    ],
    can: [],
    ...overrides,
  };
}
