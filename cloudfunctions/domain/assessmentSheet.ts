import type { AssessmentPolicy, GridAssessment, ScorePart, Share } from '../../types/assessment';
import { APPEAL_WORDS, FIGURE_WORDS as F, rateWord } from '../../types/vocabulary';

const W = APPEAL_WORDS;

/**
 * The month's export as tables (`assessment.export`): one row per grid under Chinese headers,
 * and the weights and targets the scores were computed with. Rates as percentages to one decimal
 * (`75.0`), empty where nothing was there to count; counts as numbers.
 */

export type SheetTable = { headers: string[]; rows: Array<Array<string | number | null>> };

const percent = (share: Share) => (share.rate === null ? null : Math.round(share.rate * 1000) / 10);

const COLUMNS: Array<[string, (a: GridAssessment) => string | number | null]> = [
  ['街道排名', (a) => a.streetRank],
  ['网格码', (a) => a.gridCode],
  ['网格名称', (a) => a.gridName],
  [F.score, (a) => a.score],
  [F.onlineDays, (a) => a.figures.online.count],
  [`${rateWord(F.online)}(%)`, (a) => percent(a.figures.online)],
  [F.patrols, (a) => a.figures.patrols.of],
  [F.verifiedPatrols, (a) => a.figures.patrols.count],
  [F.visits, (a) => a.figures.visits],
  [F.households, (a) => a.figures.coverage.of],
  [`${rateWord(F.coverage)}(%)`, (a) => percent(a.figures.coverage)],
  [W.source.staff, (a) => a.figures.reports.staff],
  [W.source.resident, (a) => a.figures.reports.resident],
  [F.reports, (a) => a.figures.reports.total],
  [`${rateWord(F.response)}(%)`, (a) => percent(a.figures.response)],
  [`${rateWord(F.sameDay)}(%)`, (a) => percent(a.figures.sameDay)],
  [`${rateWord(F.resolution)}(%)`, (a) => percent(a.figures.resolution)],
  [`${rateWord(F.onTime)}(%)`, (a) => percent(a.figures.onTime)],
  [`${rateWord(F.redo)}(%)`, (a) => percent(a.figures.redo)],
  [F.yellowCards, (a) => a.figures.cards.yellow],
  [F.redCards, (a) => a.figures.cards.red],
  [F.rated, (a) => a.figures.satisfaction.rated],
  [F.average, (a) => a.figures.satisfaction.average],
  [`${rateWord(F.satisfied)}(%)`, (a) => percent(a.figures.satisfaction.satisfied)],
];

/** One row per grid, in the order given (best first). */
export function gridTable(assessments: GridAssessment[]): SheetTable {
  return { headers: COLUMNS.map(([header]) => header), rows: assessments.map((a) => COLUMNS.map(([, cell]) => cell(a))) };
}

const PART_NAMES: Record<ScorePart, string> = {
  online: rateWord(F.online),
  patrols: F.verifiedPatrols,
  visits: `${F.coverage}（未建户时按${F.visits}）`,
  reports: W.event.reported,
  response: F.response,
  sameDay: F.sameDay,
  resolution: F.resolution,
  onTime: F.onTime,
  redo: `未${F.redo}`,
  satisfaction: rateWord(F.satisfied),
};

/** The weights (points) and the monthly counts that earn a part's full points. */
export function weightTable(policy: AssessmentPolicy): SheetTable {
  const target: Partial<Record<ScorePart, number>> = policy.targets;
  return {
    headers: ['考核项', '权重', '满分所需次数'],
    rows: (Object.keys(PART_NAMES) as ScorePart[]).map((part) => [PART_NAMES[part], policy.weights[part], target[part] ?? null]),
  };
}
