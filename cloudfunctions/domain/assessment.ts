import dayjs from 'dayjs';
import * as z from 'zod/mini';
import {
  SCORE_PARTS,
  type AssessmentPolicy,
  type GridAssessment,
  type GridFigures,
  type ScorePart,
  type ScoreTargets,
  type ScoreWeights,
  type Share,
} from '../../types/assessment';
import { monthSpan } from './ledger';
// time.ts extends dayjs with the utc plugin that monthsBefore counts in.
import './time';

/**
 * The monthly grid assessment, pure: from counts the store has already tallied per grid (one
 * aggregate per source, whatever the number of grids), the figures, the weighted score and the
 * ranks. Which appeals count (all residents' appeals filed in the month, not held; staff reports
 * only as reports, since they are taken on and on site when filed) is the store's query; what the
 * counts mean is here. Weights and targets are data: the defaults below, the city's `settings`
 * document `assessment`, then the street's `assessment:<streetId>` over it.
 */

/** What one grid did in a month, counted from check-ins, appeal actions and notices. */
export type ActivityTally = {
  /** Distinct Asia/Shanghai days with any staff action at the grid. */
  onlineDays: number;
  patrols: number;
  verifiedPatrols: number;
  visits: number;
  /** 六必访 households the grid kept by the month's end, and of those, how many a verified visit still covered then (within its interval). */
  households: number;
  householdsCovered: number;
};

/** One grid's appeals filed in a month, counted. */
export type AppealTally = {
  staffReports: number;
  /** Residents' appeals filed in the month and not held (the clocks ran). */
  residentAppeals: number;
  /** Of those: accepted by `deadlines.acceptBy`, on site by `onSiteBy` as a scan proved it, resolved, resolved by `resolveBy`, reopened (重办). */
  acceptedInTime: number;
  onSiteInTime: number;
  resolved: number;
  resolvedOnTime: number;
  redone: number;
  yellowCards: number;
  redCards: number;
  /** Rated ones, the sum of their scores (1–5) and how many scored 4 or 5. */
  rated: number;
  ratingSum: number;
  satisfied: number;
};

/** The grid as the assessment names it. */
export type AssessedGrid = { _id: string; code: string; name: string; communityId: string; streetId: string };

export const NO_ACTIVITY: ActivityTally = { onlineDays: 0, patrols: 0, verifiedPatrols: 0, visits: 0, households: 0, householdsCovered: 0 };
export const NO_APPEALS: AppealTally = {
  staffReports: 0,
  residentAppeals: 0,
  acceptedInTime: 0,
  onSiteInTime: 0,
  resolved: 0,
  resolvedOnTime: 0,
  redone: 0,
  yellowCards: 0,
  redCards: 0,
  rated: 0,
  ratingSum: 0,
  satisfied: 0,
};

/**
 * The defaults (points out of 100): presence 40 (online 15, verified patrols 15, visits or 六必访 coverage 10), the
 * grid's eyes 10 (reports), the promise 40 (response, same day, resolution, on time: 10 each)
 * and the residents' word 10 (no 重办 5, satisfaction 5). Full marks for counts: 20 verified
 * patrols, 10 visits and 5 reports a month.
 */
export const DEFAULT_ASSESSMENT_POLICY: AssessmentPolicy = {
  weights: { online: 15, patrols: 15, visits: 10, reports: 10, response: 10, sameDay: 10, resolution: 10, onTime: 10, redo: 5, satisfaction: 5 },
  targets: { patrols: 20, visits: 10, reports: 5 },
};

const Weight = z.number().check(z.gte(0), z.lte(1000));
const WeightsSetting = z
  .object(Object.fromEntries(SCORE_PARTS.map((part) => [part, Weight])) as Record<ScorePart, typeof Weight>)
  .check(z.refine((weights) => Object.values(weights).some((w) => w > 0), '至少一项权重大于 0'));
const Target = z.int().check(z.gte(1), z.lte(10_000));
const TargetsSetting = z.object({ patrols: Target, visits: Target, reports: Target });

/** The `settings` documents a street's assessment follows, nearest last. */
export const assessmentSettingIds = (streetId: string) => ['assessment', `assessment:${streetId}`];

/**
 * `stored` (the city's document, then the street's, each as read or null) laid over the
 * defaults. `weights` (every part, 0–1000, not all 0) and `targets` (whole, 1–10,000) each stand
 * or fall whole; one that does not fit is left out and named in `problems`
 * (`assessment:GS weights: …`), keeping what lies beneath it.
 */
export function assessmentPolicyOf(stored: Array<Record<string, unknown> | null>): { policy: AssessmentPolicy; problems: string[] } {
  const problems: string[] = [];
  let { weights, targets } = DEFAULT_ASSESSMENT_POLICY;
  const part = <T>(schema: z.ZodMiniType<T>, value: unknown, where: string): T | undefined => {
    if (value === undefined) return undefined;
    const parsed = z.safeParse(schema, value);
    if (parsed.success) return parsed.data;
    problems.push(`${where}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '-'} ${i.message}`).join('; ')}`);
    return undefined;
  };
  for (const doc of stored) {
    if (!doc) continue;
    weights = part<ScoreWeights>(WeightsSetting, doc.weights, `${String(doc._id)} weights`) ?? weights;
    targets = part<ScoreTargets>(TargetsSetting, doc.targets, `${String(doc._id)} targets`) ?? targets;
  }
  return { policy: { weights, targets }, problems };
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/** `count` of `of`, its rate to four decimals (null when `of` is 0). */
export const shareOf = (count: number, of: number): Share => ({ count, of, rate: of === 0 ? null : round(count / of, 4) });

/** The moment 六必访 coverage is taken for a month: its end, or `now` while it runs. */
export const coverageMoment = (span: { to: Date }, now: Date): Date => new Date(Math.min(span.to.getTime(), now.getTime()));

/** The days of `month` (`YYYY-MM`): 28 to 31. */
export function daysInMonth(month: string): number {
  const { from, to } = monthSpan(month);
  return Math.round((to.getTime() - from.getTime()) / 86_400_000);
}

/** One grid's figures for `month` from its tallies. */
export function figuresOf(month: string, activity: ActivityTally, appeals: AppealTally): GridFigures {
  const filed = appeals.residentAppeals;
  return {
    online: shareOf(activity.onlineDays, daysInMonth(month)),
    patrols: shareOf(activity.verifiedPatrols, activity.patrols),
    visits: activity.visits,
    coverage: shareOf(activity.householdsCovered, activity.households),
    reports: { staff: appeals.staffReports, resident: filed, total: appeals.staffReports + filed },
    response: shareOf(appeals.acceptedInTime, filed),
    sameDay: shareOf(appeals.onSiteInTime, filed),
    resolution: shareOf(appeals.resolved, filed),
    onTime: shareOf(appeals.resolvedOnTime, appeals.resolved),
    redo: shareOf(appeals.redone, filed),
    cards: { yellow: appeals.yellowCards, red: appeals.redCards },
    satisfaction: {
      rated: appeals.rated,
      average: appeals.rated === 0 ? null : round(appeals.ratingSum / appeals.rated, 2),
      satisfied: shareOf(appeals.satisfied, appeals.rated),
    },
  };
}

/**
 * Each part as a share of full marks, or null when the month gave nothing to judge it by (no
 * appeals, none resolved, none rated): counts against their targets (capped at 1), verified
 * patrols (not all), 重办 as its complement. Visits are judged by 六必访 coverage where the grid
 * keeps households (ten visits to one door do not cover the others), by their count otherwise.
 */
function partsOf(figures: GridFigures, targets: ScoreTargets): Record<ScorePart, number | null> {
  const upTo = (count: number, target: number) => Math.min(1, count / target);
  return {
    online: figures.online.rate,
    patrols: upTo(figures.patrols.count, targets.patrols),
    visits: figures.coverage.rate ?? upTo(figures.visits, targets.visits),
    reports: upTo(figures.reports.total, targets.reports),
    response: figures.response.rate,
    sameDay: figures.sameDay.rate,
    resolution: figures.resolution.rate,
    onTime: figures.onTime.rate,
    redo: figures.redo.rate === null ? null : 1 - figures.redo.rate,
    satisfaction: figures.satisfaction.satisfied.rate,
  };
}

/**
 * The weighted score, 0–100 to two decimals: Σ weight × part / Σ weight over the parts the month
 * could judge (a grid with no appeals is scored on presence and reports alone, neither rewarded
 * nor punished for the rest); 0 when no weighted part could be judged.
 */
export function scoreOf(figures: GridFigures, policy: AssessmentPolicy): number {
  const parts = partsOf(figures, policy.targets);
  let points = 0;
  let weight = 0;
  for (const part of SCORE_PARTS) {
    const value = parts[part];
    if (value === null) continue;
    points += policy.weights[part] * value;
    weight += policy.weights[part];
  }
  return weight === 0 ? 0 : round((100 * points) / weight, 2);
}

/**
 * Ranks by score, highest first, ties sharing a rank and the next rank skipping as many
 * (standard competition ranking: 90, 80, 80, 70 rank 1, 2, 2, 4). Scores are already rounded to
 * two decimals, so equal-looking scores are equal. `id` → rank.
 */
export function ranksOf(scores: Array<{ id: string; score: number }>): Map<string, number> {
  const ordered = [...scores].sort((a, b) => b.score - a.score);
  const ranks = new Map<string, number>();
  ordered.forEach((entry, index) => {
    const previous = ordered[index - 1];
    ranks.set(entry.id, previous && previous.score === entry.score ? ranks.get(previous.id)! : index + 1);
  });
  return ranks;
}

/** The stored id of a grid's assessment for a month. */
export const assessmentId = (gridId: string, month: string) => `${gridId}:${month}`;

/**
 * A street's grids assessed for `month`: one document per grid (a grid missing from a tally
 * counts as zero there), ranked within the street, ordered by rank then grid code. The same
 * inputs give the same documents.
 */
export function assessStreet(
  month: string,
  grids: AssessedGrid[],
  activity: Map<string, ActivityTally>,
  appeals: Map<string, AppealTally>,
  policy: AssessmentPolicy,
): GridAssessment[] {
  const scored = grids.map((grid) => {
    const figures = figuresOf(month, activity.get(grid._id) ?? NO_ACTIVITY, appeals.get(grid._id) ?? NO_APPEALS);
    return { grid, figures, score: scoreOf(figures, policy) };
  });
  const ranks = ranksOf(scored.map(({ grid, score }) => ({ id: grid._id, score })));
  return scored
    .map(({ grid, figures, score }) => ({
      _id: assessmentId(grid._id, month),
      gridId: grid._id,
      gridCode: grid.code,
      gridName: grid.name,
      communityId: grid.communityId,
      streetId: grid.streetId,
      month,
      figures,
      score,
      streetRank: ranks.get(grid._id)!,
      policy,
    }))
    .sort((a, b) => a.streetRank - b.streetRank || a.gridCode.localeCompare(b.gridCode));
}

/** The `count` months before `month` (`YYYY-MM`), oldest first: `('2026-03', 2)` → `['2026-01', '2026-02']`. */
export function monthsBefore(month: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => dayjs.utc(`${month}-01`).subtract(count - i, 'month').format('YYYY-MM'));
}
