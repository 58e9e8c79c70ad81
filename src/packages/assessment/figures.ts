import type { BehindFigure, RankedAssessment, Share } from '../../../types/assessment';
import { APPEAL_WORDS } from '../../../types/vocabulary';
import type { ChartOption } from './charts/echarts';

const W = APPEAL_WORDS;

/** How the assessment pages write a month's figures: rates in %, counts as numbers, "—" where nothing was counted. */

const NOTHING = '—';

/** A share as a percentage to one decimal (for charts: null draws a gap). */
export const percentOf = (share: Share): number | null => (share.rate === null ? null : Math.round(share.rate * 1000) / 10);

export const percentText = (share: Share): string => {
  const percent = percentOf(share);
  return percent === null ? NOTHING : `${percent}%`;
};

/** "2026-10" → "2026年10月". */
export const monthLabel = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

/** A figure as written; `behind`: the figure whose records (考核明细) its row opens, if it rests on records. */
type Figure = { label: string; value: (a: RankedAssessment) => string; behind?: BehindFigure };

/** Every figure of a month, in the order the grid page lists them. */
export const FIGURES: Figure[] = [
  { label: '综合得分', value: (a) => String(a.score) },
  { label: '在线天数', value: (a) => `${a.figures.online.count} / ${a.figures.online.of} 天`, behind: 'online' },
  { label: '在线率', value: (a) => percentText(a.figures.online), behind: 'online' },
  { label: '有效巡防 / 巡防次数', value: (a) => `${a.figures.patrols.count} / ${a.figures.patrols.of}`, behind: 'patrols' },
  { label: '走访次数', value: (a) => String(a.figures.visits), behind: 'visits' },
  { label: '六必访覆盖', value: (a) => (a.figures.coverage.of === 0 ? '未建六必访台账' : `${a.figures.coverage.count} / ${a.figures.coverage.of} 户（${percentText(a.figures.coverage)}）`) },
  { label: '事项上报量', value: (a) => `${a.figures.reports.total}（${W.source.staff} ${a.figures.reports.staff}，${W.source.resident} ${a.figures.reports.resident}）`, behind: 'reports' },
  { label: '按时受理率', value: (a) => percentText(a.figures.response), behind: 'response' },
  { label: '当日到场率（扫码）', value: (a) => percentText(a.figures.sameDay), behind: 'sameDay' },
  { label: `${W.event.resolved}率`, value: (a) => percentText(a.figures.resolution), behind: 'resolution' },
  { label: '按时办结率', value: (a) => percentText(a.figures.onTime), behind: 'onTime' },
  { label: '重办率', value: (a) => percentText(a.figures.redo), behind: 'redo' },
  { label: W.event.supervised, value: (a) => `黄牌 ${a.figures.cards.yellow}，红牌 ${a.figures.cards.red}`, behind: 'cards' },
  { label: '平均评分', value: (a) => (a.figures.satisfaction.average === null ? NOTHING : String(a.figures.satisfaction.average)), behind: 'satisfaction' },
  { label: '满意率', value: (a) => percentText(a.figures.satisfaction.satisfied), behind: 'satisfaction' },
];

/** The ranking table's columns after 排名 and 网格. */
export const RANKING_COLUMNS: Figure[] = [
  { label: '得分', value: (a) => String(a.score) },
  { label: '在线率', value: (a) => percentText(a.figures.online) },
  { label: '有效巡防', value: (a) => String(a.figures.patrols.count) },
  { label: '按时受理', value: (a) => percentText(a.figures.response) },
  { label: '当日到场', value: (a) => percentText(a.figures.sameDay) },
  { label: '满意率', value: (a) => percentText(a.figures.satisfaction.satisfied) },
];

const frame = { grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true }, tooltip: { trigger: 'axis', confine: true } };

/** The ranking as bars: each grid's score, best first. */
export function rankingChart(items: RankedAssessment[]): ChartOption {
  return {
    ...frame,
    xAxis: { type: 'category', data: items.map((a) => a.gridName), axisLabel: { interval: 0, rotate: 40, fontSize: 10 } },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [{ type: 'bar', name: '综合得分', data: items.map((a) => a.score) }],
  };
}

const LINES: Array<[string, (a: RankedAssessment) => number | null]> = [
  ['综合得分', (a) => a.score],
  ['在线率(%)', (a) => percentOf(a.figures.online)],
  ['按时受理率(%)', (a) => percentOf(a.figures.response)],
  ['当日到场率(%)', (a) => percentOf(a.figures.sameDay)],
  ['满意率(%)', (a) => percentOf(a.figures.satisfaction.satisfied)],
];

/** One grid month by month (oldest first): its score and main rates as lines, named in a legend above. */
export function monthsChart(months: RankedAssessment[]): ChartOption {
  return {
    ...frame,
    grid: { ...frame.grid, top: 56 },
    legend: { top: 0, itemWidth: 14, textStyle: { fontSize: 11 } },
    xAxis: { type: 'category', data: months.map((a) => monthLabel(a.month)) },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: LINES.map(([name, value]) => ({ type: 'line', name, data: months.map(value) })),
  };
}

/**
 * 考核明细: what the records behind a figure are called, and the words for one that counted and
 * one that did not (null where every record listed counts).
 */
export const BEHIND_WORDS: Record<BehindFigure, { title: string; counted: [string, string] | null }> = {
  online: { title: '在线天数', counted: null },
  patrols: { title: '巡防', counted: ['有效巡防', '未计入有效巡防'] },
  visits: { title: '走访', counted: null },
  reports: { title: '事项上报', counted: null },
  response: { title: '按时受理率', counted: ['按时受理', '未按时受理'] },
  sameDay: { title: '当日到场率', counted: ['当日到场', '未当日到场'] },
  resolution: { title: `${W.event.resolved}率`, counted: [`已${W.event.resolved}`, `未${W.event.resolved}`] },
  onTime: { title: '按时办结率', counted: ['按时办结', '未按时办结'] },
  redo: { title: '重办率', counted: [W.event.reopened, `未${W.event.reopened}`] },
  cards: { title: W.event.supervised, counted: null },
  satisfaction: { title: '满意率', counted: ['满意', '不满意'] },
};
