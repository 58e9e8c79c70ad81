import * as z from 'zod/mini';
import { LedgerMonth } from './appeal';
import { GridCode } from './grid';
import type { CheckInFlag, CheckInKind, Household } from './presence';
import type { AppealStatus } from './appeal';
import type { AppealSource } from './vocabulary';

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
  /** 六必访: households the grid keeps, of them those a verified visit covered at the month's end (the last visit within the household's interval). */
  coverage: Share;
  reports: { staff: number; resident: number; total: number };
  /** Residents' appeals accepted by their 受理 deadline, of those filed (not held). */
  response: Share;
  /** Of the same, someone on site by the 到场 deadline (当日必达), proven by a 到场 scan (a reply's claim does not count). */
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

/** What `assessment.ranking` and `assessment.grid` show of a stored assessment, with its city rank. */
export type RankedAssessment = Omit<GridAssessment, 'policy'> & {
  /** Rank among every grid of the city assessed that month (ties share a rank). */
  cityRank: number;
};

const Id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '编号格式不正确' }));

/** `assessment.compute` and `assessment.export`: a street's month. */
export const StreetMonthInput = z.object({ month: LedgerMonth, streetId: Id });
export type StreetMonthInput = z.input<typeof StreetMonthInput>;

/** `assessment.ranking`: a street's or a community's grids for a month. */
export const RankingInput = z.union([z.object({ month: LedgerMonth, streetId: Id }), z.object({ month: LedgerMonth, communityId: Id })]);
export type RankingInput = z.input<typeof RankingInput>;

/** Months one `assessment.grid` call reads at most (a year). */
export const MONTHS_AT_MOST = 12;

/** `assessment.grid`: one grid's months (default: the last `MONTHS_AT_MOST` before this one). */
export const GridMonthsInput = z.object({
  gridCode: GridCode,
  months: z.optional(z.array(LedgerMonth).check(z.minLength(1), z.maxLength(MONTHS_AT_MOST, { error: `一次最多查看 ${MONTHS_AT_MOST} 个月` }))),
});
export type GridMonthsInput = z.input<typeof GridMonthsInput>;

/** What `assessment.compute` did: the month, the street, how many grids it assessed. */
export type ComputeResult = { month: string; streetId: string; grids: number };

/** `assessment.ranking`: the grids best first. */
export type Ranking = { month: string; items: RankedAssessment[] };

/** `assessment.grid`: the grid and its months, oldest first (a month not computed is absent). */
export type GridRecordOfMonths = { grid: { code: string; name: string }; months: RankedAssessment[] };

/** The figures of a month that rest on records, which `assessment.behind` lists (every key of `GridFigures` the records give). */
export const BEHIND_FIGURES = ['online', 'patrols', 'visits', 'coverage', 'reports', 'response', 'sameDay', 'resolution', 'onTime', 'redo', 'cards', 'satisfaction'] as const;
export type BehindFigure = (typeof BEHIND_FIGURES)[number];

/** Records `assessment.behind` lists at most, newest first (it says how many there are in all). */
export const BEHIND_AT_MOST = 200;

/** `assessment.behind`: the records behind one figure of one grid's month. */
export const BehindInput = z.object({
  gridCode: GridCode,
  month: LedgerMonth,
  figure: z.enum(BEHIND_FIGURES, { error: '没有这项考核指标' }),
});
export type BehindInput = z.input<typeof BehindInput>;

/**
 * A check-in behind a figure. `counted`: whether it counted for the figure (巡防: verified), null
 * where each one listed counts. `distanceM`: metres from the grid (0 inside), null without a
 * position; `photos`: those not hidden by WeChat's check.
 */
export type CheckInBehind = {
  id: string;
  kind: CheckInKind;
  at: string;
  staff: { name: string; title: string } | null;
  verified: boolean;
  flag: CheckInFlag | null;
  distanceM: number | null;
  household: Household | null;
  note: string;
  photos: string[];
  appealId: string | null;
  counted: boolean | null;
};

/** An appeal behind a figure: `counted` whether this one counted for it (按时受理: yes or no), null where each one listed counts. */
export type AppealBehind = {
  id: string;
  number: string;
  category: string;
  status: AppealStatus;
  source: AppealSource;
  createdAt: string;
  counted: boolean | null;
  cards: { yellow: number; red: number };
  rating: number | null;
};

/**
 * A 六必访 household behind the coverage figure: `coveredUntil` until when the verified visits made
 * by the figure's moment cover it (ISO; null when none does then), `counted` whether it is covered.
 */
export type HouseholdBehind = Household & { id: string; intervalDays: number; coveredUntil: string | null; counted: boolean };

/**
 * `assessment.behind`: the figure's records of that month, newest first (households: those not
 * covered first), at most `BEHIND_AT_MOST`;
 * `total` how many there are, `counted` how many of them counted (the figure's count of `total`).
 */
export type FigureRecords = {
  grid: { code: string; name: string };
  month: string;
  figure: BehindFigure;
  total: number;
  counted: number;
} & ({ records: 'checkIns'; items: CheckInBehind[] } | { records: 'appeals'; items: AppealBehind[] } | { records: 'households'; items: HouseholdBehind[] });
