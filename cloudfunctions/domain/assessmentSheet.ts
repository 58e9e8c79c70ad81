import type { AssessmentPolicy, GridAssessment, ScorePart, Share } from '../../types/assessment';
import { APPEAL_WORDS } from '../../types/vocabulary';

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
  ['综合得分', (a) => a.score],
  ['在线天数', (a) => a.figures.online.count],
  ['在线率(%)', (a) => percent(a.figures.online)],
  ['巡防次数', (a) => a.figures.patrols.of],
  ['有效巡防', (a) => a.figures.patrols.count],
  ['走访次数', (a) => a.figures.visits],
  ['六必访户数', (a) => a.figures.coverage.of],
  ['六必访覆盖率(%)', (a) => percent(a.figures.coverage)],
  [W.source.staff, (a) => a.figures.reports.staff],
  [W.source.resident, (a) => a.figures.reports.resident],
  ['事项上报量', (a) => a.figures.reports.total],
  ['按时受理率(%)', (a) => percent(a.figures.response)],
  ['当日到场率(%)', (a) => percent(a.figures.sameDay)],
  [`${W.event.resolved}率(%)`, (a) => percent(a.figures.resolution)],
  ['按时办结率(%)', (a) => percent(a.figures.onTime)],
  ['重办率(%)', (a) => percent(a.figures.redo)],
  ['黄牌督办', (a) => a.figures.cards.yellow],
  ['红牌督办', (a) => a.figures.cards.red],
  ['评价数', (a) => a.figures.satisfaction.rated],
  ['平均评分', (a) => a.figures.satisfaction.average],
  ['满意率(%)', (a) => percent(a.figures.satisfaction.satisfied)],
];

/** One row per grid, in the order given (best first). */
export function gridTable(assessments: GridAssessment[]): SheetTable {
  return { headers: COLUMNS.map(([header]) => header), rows: assessments.map((a) => COLUMNS.map(([, cell]) => cell(a))) };
}

const PART_NAMES: Record<ScorePart, string> = {
  online: '在线率',
  patrols: '有效巡防',
  visits: '六必访覆盖（未建户时按走访次数）',
  reports: W.event.reported,
  response: '按时受理',
  sameDay: '当日到场',
  resolution: W.event.resolved,
  onTime: '按时办结',
  redo: '未重办',
  satisfaction: '满意率',
};

/** The weights (points) and the monthly counts that earn a part's full points. */
export function weightTable(policy: AssessmentPolicy): SheetTable {
  const target: Partial<Record<ScorePart, number>> = policy.targets;
  return {
    headers: ['考核项', '权重', '满分所需次数'],
    rows: (Object.keys(PART_NAMES) as ScorePart[]).map((part) => [PART_NAMES[part], policy.weights[part], target[part] ?? null]),
  };
}
