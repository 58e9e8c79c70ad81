import {
  DEFAULT_ASSESSMENT_POLICY,
  NO_APPEALS,
  assessStreet,
  assessmentPolicyOf,
  daysInMonth,
  monthsBefore,
  ranksOf,
  type ActivityTally,
  type AppealTally,
  type AssessedGrid,
} from './assessment';

const grid = (code: string): AssessedGrid => ({ _id: `g-${code}`, code, name: `网格${code}`, communityId: 'c1', streetId: 'GS' });
const [A, B, C, D] = ['A', 'B', 'C', 'D'].map(grid);

/**
 * February 2026: 28 days. A did a bit of everything (3 of its 4 六必访 households covered); B and D
 * only presence (B keeps no households, D covers both of its two); C nothing at all.
 */
const activity = new Map<string, ActivityTally>([
  [A._id, { onlineDays: 14, patrols: 10, verifiedPatrols: 8, visits: 5, verifiedVisits: 4, households: 4, householdsCovered: 3 }],
  [B._id, { onlineDays: 28, patrols: 20, verifiedPatrols: 20, visits: 10, verifiedVisits: 10, households: 0, householdsCovered: 0 }],
  [D._id, { onlineDays: 28, patrols: 25, verifiedPatrols: 20, visits: 12, verifiedVisits: 12, households: 2, householdsCovered: 2 }],
]);
const appealsOfA: AppealTally = {
  staffReports: 2,
  residentAppeals: 4,
  acceptedInTime: 3,
  onSiteInTime: 2,
  resolved: 4,
  resolvedOnTime: 3,
  redone: 1,
  yellowCards: 1,
  redCards: 0,
  rated: 3,
  ratingSum: 13,
  satisfied: 2,
};
const appeals = new Map([[A._id, appealsOfA]]);
const zero = { online: 0, patrols: 0, visits: 0, reports: 0, response: 0, sameDay: 0, resolution: 0, onTime: 0, redo: 0, satisfaction: 0 };

describe('a street assessed for a month (hand-computed)', () => {
  const assessed = assessStreet('2026-02', [C, A, B, D], activity, appeals, DEFAULT_ASSESSMENT_POLICY);
  const of = (g: AssessedGrid) => assessed.find((a) => a.gridId === g._id)!;

  it('gives every figure of a grid with appeals', () => {
    expect(of(A).figures).toEqual({
      online: { count: 14, of: 28, rate: 0.5 },
      patrols: { count: 8, of: 10, rate: 0.8 },
      visits: { count: 4, of: 5, rate: 0.8 },
      coverage: { count: 3, of: 4, rate: 0.75 },
      reports: { staff: 2, resident: 4, total: 6 },
      response: { count: 3, of: 4, rate: 0.75 },
      sameDay: { count: 2, of: 4, rate: 0.5 },
      resolution: { count: 4, of: 4, rate: 1 },
      onTime: { count: 3, of: 4, rate: 0.75 },
      redo: { count: 1, of: 4, rate: 0.25 },
      cards: { yellow: 1, red: 0 },
      satisfaction: { rated: 3, average: 4.33, satisfied: { count: 2, of: 3, rate: 0.6667 } },
    });
  });

  it('weighs the parts, visits by 六必访 coverage: 15×.5 + 15×.4 + 10×.75 + 10×1 + 10×.75 + 10×.5 + 10×1 + 10×.75 + 5×.75 + 5×.6667 = 68.08', () => {
    expect(of(A).score).toBe(68.08);
  });

  it('judges visits by their count where a grid keeps no households, and by coverage where it does', () => {
    expect(of(B).figures.coverage).toEqual({ count: 0, of: 0, rate: null });
    const fewVisitsAllCovered = new Map([[A._id, { ...activity.get(A._id)!, visits: 1, householdsCovered: 4 }]]);
    const onlyVisits = { ...DEFAULT_ASSESSMENT_POLICY, weights: { ...DEFAULT_ASSESSMENT_POLICY.weights, ...zero, visits: 1 } };
    expect(assessStreet('2026-02', [A], fewVisitsAllCovered, appeals, onlyVisits)[0].score).toBe(100);
    expect(assessStreet('2026-02', [B], activity, appeals, onlyVisits)[0].score).toBe(100);
    const noneCovered = new Map([[A._id, { ...activity.get(A._id)!, visits: 30, householdsCovered: 0 }]]);
    expect(assessStreet('2026-02', [A], noneCovered, appeals, onlyVisits)[0].score).toBe(0);
    // Flagged visits (far, or without a position) prove nothing: ten of them earn nothing.
    const farVisits = new Map([[B._id, { ...activity.get(B._id)!, visits: 10, verifiedVisits: 0 }]]);
    expect(assessStreet('2026-02', [B], farVisits, appeals, onlyVisits)[0].score).toBe(0);
  });

  it('scores a grid without appeals on presence and reports alone: (15 + 15 + 10 + 0) / 50 = 80', () => {
    expect(of(B).score).toBe(80);
    expect(of(B).figures.response).toEqual({ count: 0, of: 0, rate: null });
    expect(of(B).figures.satisfaction).toEqual({ rated: 0, average: null, satisfied: { count: 0, of: 0, rate: null } });
  });

  it('counts a grid missing from every tally as zero, not as absent', () => {
    expect(of(C).figures.online).toEqual({ count: 0, of: 28, rate: 0 });
    expect(of(C).figures.patrols).toEqual({ count: 0, of: 0, rate: null });
    expect(of(C).score).toBe(0);
  });

  it('ranks ties together and skips after them, ordered by rank then code', () => {
    expect(assessed.map((a) => [a.gridCode, a.score, a.streetRank])).toEqual([
      ['B', 80, 1],
      ['D', 80, 1],
      ['A', 68.08, 3],
      ['C', 0, 4],
    ]);
  });

  it('stores one document per grid and month, with the policy it used', () => {
    expect(of(A)).toMatchObject({ _id: 'g-A:2026-02', month: '2026-02', gridCode: 'A', gridName: '网格A', communityId: 'c1', streetId: 'GS', policy: DEFAULT_ASSESSMENT_POLICY });
  });

  it('gives the same documents for the same inputs', () => {
    expect(assessStreet('2026-02', [A, B, C, D], activity, appeals, DEFAULT_ASSESSMENT_POLICY)).toEqual(assessed);
  });
});

it('takes only the month for the online rate: 28, 29 and 31 days', () => {
  expect([daysInMonth('2026-02'), daysInMonth('2028-02'), daysInMonth('2026-12')]).toEqual([28, 29, 31]);
  const figures = assessStreet('2026-12', [A], activity, new Map([[A._id, NO_APPEALS]]), DEFAULT_ASSESSMENT_POLICY)[0].figures;
  expect(figures.online).toEqual({ count: 14, of: 31, rate: 0.4516 });
});

it.each([
  ['no scores', [], []],
  ['all equal', [90, 90, 90], [1, 1, 1]],
  ['distinct', [70, 90, 80], [3, 1, 2]],
  ['a tie in the middle', [90, 80, 80, 70], [1, 2, 2, 4]],
])('ranks %s', (_, scores, ranks) => {
  const ranked = ranksOf(scores.map((score, i) => ({ id: String(i), score })));
  expect(scores.map((_, i) => ranked.get(String(i)))).toEqual(ranks);
});

describe('weights and targets from settings', () => {
  const onlyOnline = { ...zero, online: 1 };

  it('keeps the defaults when nothing is stored', () => {
    expect(assessmentPolicyOf([null, null])).toEqual({ policy: DEFAULT_ASSESSMENT_POLICY, problems: [] });
  });

  it("lays the street's weights over the city's targets", () => {
    const { policy, problems } = assessmentPolicyOf([
      { _id: 'assessment', weights: { ...onlyOnline, patrols: 3 }, targets: { patrols: 8, visits: 4, reports: 2 } },
      { _id: 'assessment:GS', weights: onlyOnline },
    ]);
    expect(problems).toEqual([]);
    expect(policy).toEqual({ weights: onlyOnline, targets: { patrols: 8, visits: 4, reports: 2 } });
    expect(assessStreet('2026-02', [A], activity, appeals, policy)[0].score).toBe(50);
  });

  it.each([
    ['a part missing', { weights: { online: 1 } }],
    ['a negative weight', { weights: { ...onlyOnline, visits: -1 } }],
    ['every weight 0', { weights: { ...onlyOnline, online: 0 } }],
    ['a fractional target', { targets: { patrols: 2.5, visits: 1, reports: 1 } }],
    ['a target of 0', { targets: { patrols: 0, visits: 1, reports: 1 } }],
  ])('names %s and keeps what lies beneath', (_, setting) => {
    const { policy, problems } = assessmentPolicyOf([{ _id: 'assessment:GS', ...setting }]);
    expect(policy).toEqual(DEFAULT_ASSESSMENT_POLICY);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^assessment:GS (weights|targets): /);
  });
});

it('lists the months before a month, across a year', () => {
  expect(monthsBefore('2026-03', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
});
