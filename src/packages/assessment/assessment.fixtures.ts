import type { RankedAssessment, Share } from '../../../types/assessment';

/** Shapes as the assessment function answers them (types/assessment.ts), for the pages' component tests. */

const share = (count: number, of: number): Share => ({ count, of, rate: of ? count / of : null });

/** Grid n of 平阳社区 in a month, with a score and figures that differ by n. */
export const rankedFixture = (n: number, overrides: Partial<RankedAssessment> = {}): RankedAssessment => ({
  _id: `g${n}:${overrides.month ?? '2026-10'}`,
  gridId: `g${n}`,
  gridCode: `GS-010${n}`,
  gridName: `平阳社区第${n}网格`,
  communityId: 'GS01',
  streetId: 'GS',
  month: '2026-10',
  figures: {
    online: share(31 - n, 31),
    patrols: share(10 - n, 12),
    visits: share(6, 7),
    coverage: share(8, 10),
    reports: { staff: 2, resident: 5, total: 7 },
    response: share(4, 5),
    sameDay: share(3, 5),
    resolution: share(5, 5),
    onTime: share(4, 5),
    redo: share(1, 5),
    cards: { yellow: 1, red: 0 },
    satisfaction: { rated: 4, average: 4.25, satisfied: share(3, 4) },
  },
  score: 90 - n * 5,
  streetRank: n,
  asOf: '2026-10-31T16:00:00.000Z',
  cityRank: n + 10,
  ...overrides,
});
