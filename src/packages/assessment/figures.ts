import type { BehindFigure, RankedAssessment, Share } from '../../../types/assessment';
import { APPEAL_WORDS, FIGURE_WORDS as F, rateWord } from '../../../types/vocabulary';
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
  { label: F.score, value: (a) => String(a.score) },
  { label: F.onlineDays, value: (a) => `${a.figures.online.count} / ${a.figures.online.of} 天`, behind: 'online' },
  { label: rateWord(F.online), value: (a) => percentText(a.figures.online), behind: 'online' },
  { label: `${F.verifiedPatrols} / ${F.patrols}`, value: (a) => `${a.figures.patrols.count} / ${a.figures.patrols.of}`, behind: 'patrols' },
  { label: F.visits, value: (a) => String(a.figures.visits), behind: 'visits' },
  {
    label: F.coverage,
    value: (a) => (a.figures.coverage.of === 0 ? '未建六必访台账' : `${a.figures.coverage.count} / ${a.figures.coverage.of} 户（${percentText(a.figures.coverage)}）`),
    behind: 'coverage',
  },
  { label: F.reports, value: (a) => `${a.figures.reports.total}（${W.source.staff} ${a.figures.reports.staff}，${W.source.resident} ${a.figures.reports.resident}）`, behind: 'reports' },
  { label: rateWord(F.response), value: (a) => percentText(a.figures.response), behind: 'response' },
  { label: `${rateWord(F.sameDay)}（扫码）`, value: (a) => percentText(a.figures.sameDay), behind: 'sameDay' },
  { label: rateWord(F.resolution), value: (a) => percentText(a.figures.resolution), behind: 'resolution' },
  { label: rateWord(F.onTime), value: (a) => percentText(a.figures.onTime), behind: 'onTime' },
  { label: rateWord(F.redo), value: (a) => percentText(a.figures.redo), behind: 'redo' },
  { label: W.event.supervised, value: (a) => `黄牌 ${a.figures.cards.yellow}，红牌 ${a.figures.cards.red}`, behind: 'cards' },
  { label: F.average, value: (a) => (a.figures.satisfaction.average === null ? NOTHING : String(a.figures.satisfaction.average)), behind: 'satisfaction' },
  { label: rateWord(F.satisfied), value: (a) => percentText(a.figures.satisfaction.satisfied), behind: 'satisfaction' },
];

/** The ranking table's columns after 排名 and 网格. */
export const RANKING_COLUMNS: Figure[] = [
  { label: '得分', value: (a) => String(a.score) },
  { label: rateWord(F.online), value: (a) => percentText(a.figures.online) },
  { label: F.verifiedPatrols, value: (a) => String(a.figures.patrols.count) },
  { label: F.response, value: (a) => percentText(a.figures.response) },
  { label: F.sameDay, value: (a) => percentText(a.figures.sameDay) },
  { label: rateWord(F.satisfied), value: (a) => percentText(a.figures.satisfaction.satisfied) },
];

const frame = { grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true }, tooltip: { trigger: 'axis', confine: true } };

/** The ranking as bars: each grid's score, best first. */
export function rankingChart(items: RankedAssessment[]): ChartOption {
  return {
    ...frame,
    xAxis: { type: 'category', data: items.map((a) => a.gridName), axisLabel: { interval: 0, rotate: 40, fontSize: 10 } },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [{ type: 'bar', name: F.score, data: items.map((a) => a.score) }],
  };
}

const LINES: Array<[string, (a: RankedAssessment) => number | null]> = [
  [F.score, (a) => a.score],
  [`${rateWord(F.online)}(%)`, (a) => percentOf(a.figures.online)],
  [`${rateWord(F.response)}(%)`, (a) => percentOf(a.figures.response)],
  [`${rateWord(F.sameDay)}(%)`, (a) => percentOf(a.figures.sameDay)],
  [`${rateWord(F.satisfied)}(%)`, (a) => percentOf(a.figures.satisfaction.satisfied)],
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
  online: { title: F.onlineDays, counted: null },
  patrols: { title: '巡防', counted: [F.verifiedPatrols, `未计入${F.verifiedPatrols}`] },
  visits: { title: '走访', counted: null },
  coverage: { title: rateWord(F.coverage), counted: ['已覆盖', '未覆盖'] },
  reports: { title: W.event.reported, counted: null },
  response: { title: rateWord(F.response), counted: [F.response, `未${F.response}`] },
  sameDay: { title: rateWord(F.sameDay), counted: [F.sameDay, `未${F.sameDay}`] },
  resolution: { title: rateWord(F.resolution), counted: [`已${F.resolution}`, `未${F.resolution}`] },
  onTime: { title: rateWord(F.onTime), counted: [F.onTime, `未${F.onTime}`] },
  redo: { title: rateWord(F.redo), counted: [F.redo, `未${F.redo}`] },
  cards: { title: W.event.supervised, counted: null },
  satisfaction: { title: rateWord(F.satisfied), counted: [F.satisfied, `不${F.satisfied}`] },
};
