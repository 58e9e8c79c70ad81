import type { GridPage } from '../../types/grid';

/** A grid page as grid.resolve returns it, shaped like the demo data (钢山街道 "管得宽"). */
export function gridPageFixture(overrides: Partial<GridPage> = {}): GridPage {
  return {
    grid: { id: 'grid-gs-0101', code: 'GS-0101', name: '府前社区第一网格', kind: 'urban', kindLabel: '城镇社区网格', households: 326 },
    community: { id: 'c-gs-fq', name: '府前社区' },
    street: { id: 's-gs', name: '钢山街道', brand: '管得宽' },
    chief: { id: 'st-chief-0101', name: '张桂兰', title: '网格长', avatar: null, phoneMasked: '138****5678' },
    workers: [
      { id: 'st-worker-0101a', name: '李明', title: '专职网格员', avatar: null, phoneMasked: '139****1024' },
      { id: 'st-worker-0101b', name: '王芳', title: '兼职网格员', avatar: 'https://img.example.cn/wf.jpg', phoneMasked: '137****2048' },
    ],
    station: { name: '府前社区党群服务站', address: '钢山街道府前路 18 号', hours: '周一至周日 8:30–17:30' },
    notices: [
      { id: 'n1', title: '本周六上午开展楼道杂物清理', pinned: true, publishedAt: '2026-11-20T01:00:00.000Z' },
      { id: 'n2', title: '冬季燃气安全入户检查通知', pinned: false, publishedAt: '2026-11-18T17:30:00.000Z' },
    ],
    categories: [
      { id: 'sanitation', name: '环境卫生' },
      { id: 'repair', name: '设施报修' },
      { id: 'other', name: '其他' },
    ],
    groupChat: null,
    canSetGroupChat: false,
    record: { days: 90, asOf: '2026-11-29', appeals: 12, handled: 10, acceptedInTime: 0.9167, onSiteSameDay: 0.75, satisfaction: 4.6, rated: 8, checkedInToday: true },
    ...overrides,
  };
}
