/**
 * The monthly grid assessment (issue 11): what is stored per grid and month in `assessments`
 * (`_id` `<gridId>:<month>`) and what `assessment.ranking` and `assessment.grid` return.
 * Rates are shares in [0, 1], or null when nothing was there to count (no appeals filed, say).
 */

/** The parts of the weighted score, each a share in [0, 1] of what the street expects. */
export const SCORE_PARTS = [
  'online',
  'patrols',
  'visits',
  'reports',
  'response',
  'sameDay',
  'resolution',
  'onTime',
  'redo',
  'satisfaction',
] as const;
export type ScorePart = (typeof SCORE_PARTS)[number];

/** Points per part (any non-negative numbers; the score divides by their sum). */
export type ScoreWeights = Record<ScorePart, number>;

/** The counts a month's full marks need: verified patrols, visits and reports (上报 + 居民反映). */
export type ScoreTargets = { patrols: number; visits: number; reports: number };

/** A street's assessment settings once stored documents are laid over the defaults. */
export type AssessmentPolicy = { weights: ScoreWeights; targets: ScoreTargets };

/** A share and what it counts: `count` of `of`; `rate` null when `of` is 0. */
export type Share = { count: number; of: number; rate: number | null };

/** One grid's figures for one month (Asia/Shanghai calendar month). */
export type GridFigures = {
  /** Days with any staff action (check-in, appeal action at the grid, grid notice) of the month's days. */
  online: Share;
  /** Verified patrols of all patrols. */
  patrols: Share;
  visits: number;
  reports: { staff: number; resident: number; total: number };
  /** Residents' appeals accepted by their 受理 deadline, of those filed (not held). */
  response: Share;
  /** Of the same, someone on site by the 到场 deadline (当日必达). */
  sameDay: Share;
  /** Of the same, resolved (办结). */
  resolution: Share;
  /** Of those resolved, resolved by their 办结 deadline. */
  onTime: Share;
  /** Of those filed, sent back at least once by an unsatisfied rating (重办). */
  redo: Share;
  /** 督办 cards on the month's appeals. */
  cards: { yellow: number; red: number };
  /** Ratings of the month's appeals: average (1–5, two decimals) and share of 4–5. */
  satisfaction: { rated: number; average: number | null; satisfied: Share };
};

/** A grid's stored assessment for a month. */
export type GridAssessment = {
  _id: string;
  gridId: string;
  gridCode: string;
  gridName: string;
  communityId: string;
  streetId: string;
  month: string;
  figures: GridFigures;
  /** 0–100, two decimals. */
  score: number;
  /** Rank among the street's grids that month (ties share a rank: 1, 2, 2, 4). */
  streetRank: number;
  /** The weights and targets the score was computed with. */
  policy: AssessmentPolicy;
};
