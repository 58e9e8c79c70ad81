import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __setRouterParams } from '../../../../tests/jest/taro';
import { cloudCalls, ok, programCloud } from '../../../../tests/jest/cloud';
import { rankedFixture } from '../assessment.fixtures';
import AssessmentGridPage from './index';

const mockSetOption = jest.fn();
const mockInit = jest.fn((_element: HTMLElement) => ({ setOption: mockSetOption, resize: jest.fn(), dispose: jest.fn() }));
jest.mock('../charts/echarts', () => ({ echarts: { init: (element: HTMLElement) => mockInit(element) } }));

beforeEach(() => {
  mockInit.mockClear();
  mockSetOption.mockClear();
});

const grid = { code: 'GS-0101', name: '平阳社区第1网格' };
const september = rankedFixture(1, { month: '2026-09', score: 70, streetRank: 3, cityRank: 40 });
const october = rankedFixture(1, {
  month: '2026-10',
  figures: { ...rankedFixture(1).figures, response: { count: 0, of: 0, rate: null }, satisfaction: { rated: 0, average: null, satisfied: { count: 0, of: 0, rate: null } } },
});
const texts = (selector: string) => Array.from(document.querySelectorAll(selector)).map((e) => e.textContent);

describe('网格考核 of one grid', () => {
  it('draws the grid’s score and rates month by month, oldest first', async () => {
    __setRouterParams({ code: 'GS-0101' });
    programCloud({ 'assessment.grid': () => ok({ grid, months: [september, october] }) });
    render(<AssessmentGridPage />);
    await screen.findByText('平阳社区第1网格');
    expect(cloudCalls('assessment.grid').map((c) => c.data)).toEqual([{ action: 'grid', gridCode: 'GS-0101' }]);
    expect(mockInit).toHaveBeenCalledWith(document.getElementById('assessment-grid-chart'));
    const option = mockSetOption.mock.calls.at(-1)![0];
    expect(option.xAxis.data).toEqual(['2026年9月', '2026年10月']);
    expect(option.series.map((s: { type: string; name: string; data: unknown[] }) => [s.type, s.name, s.data])).toEqual([
      ['line', '综合得分', [70, 85]],
      ['line', '在线率(%)', [96.8, 96.8]],
      ['line', '按时受理率(%)', [80, null]],
      ['line', '当日到场率(%)', [60, 60]],
      ['line', '满意率(%)', [75, null]],
    ]);
    expect(option.legend).toMatchObject({ top: 0 });
  });

  it('lists every figure of each month, newest first, with its ranks', async () => {
    __setRouterParams({ code: 'GS-0101' });
    programCloud({ 'assessment.grid': () => ok({ grid, months: [september, october] }) });
    render(<AssessmentGridPage />);
    await screen.findByText('平阳社区第1网格');
    expect(texts('.assessment__month > .assessment__title')).toEqual(['2026年10月 · 街道第 1 名 · 全市第 11 名', '2026年9月 · 街道第 3 名 · 全市第 40 名']);
    const figures = Array.from(document.querySelector('.assessment__month')!.querySelectorAll('.assessment__figure')).map((f) => Array.from(f.children).map((c) => c.textContent));
    expect(figures).toEqual([
      ['综合得分', '85'],
      ['在线天数', '30 / 31 天'],
      ['在线率', '96.8%'],
      ['有效巡防 / 巡防次数', '9 / 12'],
      ['走访次数', '6'],
      ['六必访覆盖', '8 / 10 户（80%）'],
      ['事项上报量', '7（工作人员上报 2，居民反映 5）'],
      ['按时受理率', '—'],
      ['当日到场率（扫码）', '60%'],
      ['办结率', '100%'],
      ['按时办结率', '80%'],
      ['重办率', '20%'],
      ['督办', '黄牌 1，红牌 0'],
      ['平均评分', '—'],
      ['满意率', '—'],
    ]);
  });

  it('opens the grid’s ledger behind the figures', async () => {
    __setRouterParams({ code: 'GS-0101' });
    programCloud({ 'assessment.grid': () => ok({ grid, months: [october] }) });
    render(<AssessmentGridPage />);
    fireEvent.click(await screen.findByText('问题台账'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/ledger/list/index?code=GS-0101' });
  });

  it('opens the records behind a figure of a month; the score rests on none and opens nothing', async () => {
    __setRouterParams({ code: 'GS-0101' });
    programCloud({ 'assessment.grid': () => ok({ grid, months: [september, october] }) });
    render(<AssessmentGridPage />);
    await screen.findByText('平阳社区第1网格');
    const [octoberCard, septemberCard] = Array.from(document.querySelectorAll('.assessment__month'));
    const row = (card: Element, label: string) => Array.from(card.querySelectorAll('.assessment__figure')).find((f) => f.firstElementChild!.textContent === label)!;
    fireEvent.click(row(septemberCard, '按时受理率'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/assessment/behind/index?code=GS-0101&month=2026-09&figure=response' });
    fireEvent.click(row(octoberCard, '有效巡防 / 巡防次数'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/assessment/behind/index?code=GS-0101&month=2026-10&figure=patrols' });
    fireEvent.click(row(octoberCard, '六必访覆盖'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/assessment/behind/index?code=GS-0101&month=2026-10&figure=coverage' });
    const opened = (Taro.navigateTo as jest.Mock).mock.calls.length;
    fireEvent.click(row(octoberCard, '综合得分'));
    expect(Taro.navigateTo).toHaveBeenCalledTimes(opened);
    expect(octoberCard.querySelectorAll('.assessment__figure--open')).toHaveLength(14);
  });

  it('says when the grid has no month assessed, and draws nothing', async () => {
    __setRouterParams({ code: 'GS-0101' });
    programCloud({ 'assessment.grid': () => ok({ grid, months: [] }) });
    render(<AssessmentGridPage />);
    expect(await screen.findByText('这个网格还没有考核记录')).toBeTruthy();
    expect(mockInit).not.toHaveBeenCalled();
  });

  it('says what the cloud refused', async () => {
    __setRouterParams({ code: 'GS-0201' });
    programCloud({ 'assessment.grid': () => ({ ok: false, code: 'FORBIDDEN', message: '只有本网格及所属社区、街道的工作人员可以查看网格考核' }) });
    render(<AssessmentGridPage />);
    expect(await screen.findByText('只有本网格及所属社区、街道的工作人员可以查看网格考核')).toBeTruthy();
  });
});
