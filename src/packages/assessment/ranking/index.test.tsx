import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { chiefMe, meFixture } from '../../../../tests/jest/appealFixtures';
import { cloudCalls, ok, programCloud, type Handler } from '../../../../tests/jest/cloud';
import type { Me } from '../../../../types/appeal';
import { communityPlaces, streetPlaces } from '../../staff/staff.fixtures';
import { rankedFixture } from '../assessment.fixtures';
import AssessmentRankingPage from './index';

const mockSetOption = jest.fn();
const mockInit = jest.fn((_element: HTMLElement) => ({ setOption: mockSetOption, resize: jest.fn(), dispose: jest.fn() }));
jest.mock('../charts/echarts', () => ({ echarts: { init: (element: HTMLElement) => mockInit(element) } }));

const NOW = Date.parse('2026-11-29T12:00:00.000Z'); // 29 November in Zoucheng: last month is October
let now: jest.SpyInstance;
beforeEach(() => {
  now = jest.spyOn(Date, 'now').mockReturnValue(NOW);
  mockInit.mockClear();
  mockSetOption.mockClear();
});
afterEach(() => now.mockRestore());

const street = () => chiefMe({ role: 'street', name: '王芳', title: '街道干部', scope: '千泉街道', grids: [] });
const community = () => chiefMe({ role: 'community', name: '李明', title: '社区书记', scope: '平阳社区', grids: [] });
const ranking = (month: string, items = [rankedFixture(1, { month }), rankedFixture(2, { month })]) => ok({ month, items });

function cloudWith(me: Me, handlers: Record<string, Handler> = {}) {
  programCloud({
    'account.me': () => ok(me),
    'staff.places': () => ok(me.role === 'street' ? streetPlaces() : communityPlaces()),
    'assessment.ranking': (data) => ranking(String(data.month)),
    ...handlers,
  });
}

const calls = (action: string) => cloudCalls(`assessment.${action}`).map((c) => c.data);
const rows = () => Array.from(document.querySelectorAll('.assessment__row')).map((r) => Array.from(r.children).map((c) => c.textContent));
const chip = (label: string) => Array.from(screen.getByRole('radiogroup', { name: '月份' }).children).find((c) => c.textContent === label)!;
const lastOption = () => mockSetOption.mock.calls.at(-1)![0];

describe('网格考核 ranking', () => {
  it('ranks the street’s grids for last month in a table and a bar chart of their scores', async () => {
    cloudWith(street());
    render(<AssessmentRankingPage />);
    await screen.findByText('平阳社区第1网格');
    expect(calls('ranking')).toEqual([{ action: 'ranking', month: '2026-10', streetId: 'GS' }]);
    expect(rows()).toEqual([
      ['排名', '网格', '得分', '在线率', '有效巡防', '按时受理', '当日到场', '满意率'],
      ['1', '平阳社区第1网格', '85', '96.8%', '9', '80%', '60%', '75%'],
      ['2', '平阳社区第2网格', '80', '93.5%', '8', '80%', '60%', '75%'],
    ]);
    expect(mockInit).toHaveBeenCalledWith(document.getElementById('assessment-ranking-chart'));
    expect(lastOption().xAxis.data).toEqual(['平阳社区第1网格', '平阳社区第2网格']);
    expect(lastOption().series).toEqual([expect.objectContaining({ type: 'bar', name: '综合得分', data: [85, 80] })]);
    expect(chip('2026年10月').getAttribute('aria-checked')).toBe('true');
  });

  it('asks for the month chosen and redraws the chart with its grids', async () => {
    cloudWith(street(), { 'assessment.ranking': (data) => ranking(String(data.month), data.month === '2026-09' ? [rankedFixture(3, { month: '2026-09', streetRank: 1 })] : undefined) });
    render(<AssessmentRankingPage />);
    await screen.findByText('平阳社区第1网格');
    fireEvent.click(chip('2026年9月'));
    await screen.findByText('平阳社区第3网格');
    expect(calls('ranking').at(-1)).toEqual({ action: 'ranking', month: '2026-09', streetId: 'GS' });
    expect(rows().slice(1)).toEqual([['1', '平阳社区第3网格', '75', '90.3%', '7', '80%', '60%', '75%']]);
    expect(lastOption().series[0].data).toEqual([75]);
  });

  it('opens a grid’s months from its row', async () => {
    cloudWith(street());
    render(<AssessmentRankingPage />);
    fireEvent.click(await screen.findByText('平阳社区第2网格'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/assessment/grid/index?code=GS-0102' });
  });

  it('street staff compute a month not yet assessed, then see its ranking', async () => {
    let computed = false;
    cloudWith(street(), {
      'assessment.ranking': (data) => (computed ? ranking(String(data.month)) : ok({ month: data.month, items: [] })),
      'assessment.compute': (data) => {
        computed = true;
        return ok({ month: data.month, streetId: data.streetId, grids: 2 });
      },
    });
    render(<AssessmentRankingPage />);
    expect(await screen.findByText('2026年10月的网格考核尚未计算')).toBeTruthy();
    expect(mockInit).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('计算考核'));
    expect(await screen.findByText('已计算 2 个网格')).toBeTruthy();
    await screen.findByText('平阳社区第1网格');
    expect(calls('compute')).toEqual([{ action: 'compute', month: '2026-10', streetId: 'GS' }]);
    expect(calls('ranking')).toHaveLength(2);
    expect(lastOption().series[0].data).toEqual([85, 80]);
  });

  it('street staff export the month and open the .xlsx in WeChat', async () => {
    const fileID = 'cloud://env/assessments/GS/2026-10.xlsx';
    cloudWith(street(), { 'assessment.export': () => ok({ fileID }) });
    render(<AssessmentRankingPage />);
    await screen.findByText('平阳社区第1网格');
    fireEvent.click(screen.getByText('导出表格'));
    await waitFor(() => expect(Taro.openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/2026-10.xlsx', fileType: 'xlsx', showMenu: true }));
    expect(calls('export')).toEqual([{ action: 'export', month: '2026-10', streetId: 'GS' }]);
    expect(Taro.cloud.downloadFile).toHaveBeenCalledWith({ fileID });
  });

  it('says why an export was refused, and opens nothing', async () => {
    cloudWith(street(), { 'assessment.export': () => ({ ok: false, code: 'NOT_FOUND', message: '2026-10 的网格考核尚未计算' }) });
    render(<AssessmentRankingPage />);
    await screen.findByText('平阳社区第1网格');
    fireEvent.click(screen.getByText('导出表格'));
    expect(await screen.findByText('2026-10 的网格考核尚未计算')).toBeTruthy();
    expect(Taro.cloud.downloadFile).not.toHaveBeenCalled();
    expect(Taro.openDocument).not.toHaveBeenCalled();
  });

  it('community staff see their community’s grids, and neither compute nor export', async () => {
    cloudWith(community());
    render(<AssessmentRankingPage />);
    await screen.findByText('平阳社区第1网格');
    expect(calls('ranking')).toEqual([{ action: 'ranking', month: '2026-10', communityId: 'GS01' }]);
    expect(screen.queryByText('计算考核')).toBeNull();
    expect(screen.queryByText('导出表格')).toBeNull();
  });

  it('community staff of two communities choose one, and the ranking follows the choice', async () => {
    const twoCommunities = { ...streetPlaces(), served: [{ level: 'community' as const, id: 'GS01', name: '平阳社区' }, { level: 'community' as const, id: 'GS02', name: '护驾山社区' }] };
    cloudWith(community(), {
      'staff.places': () => ok(twoCommunities),
      'assessment.ranking': (data) => ranking(String(data.month), data.communityId === 'GS02' ? [rankedFixture(4, { gridName: '护驾山社区第一网格', communityId: 'GS02' })] : undefined),
    });
    render(<AssessmentRankingPage />);
    await screen.findByText('平阳社区第1网格');
    const places = screen.getByRole('radiogroup', { name: '辖区' });
    const place = (name: string) => Array.from(places.children).find((c) => c.textContent === name)!;
    expect(Array.from(places.children).map((c) => [c.textContent, c.getAttribute('aria-checked')])).toEqual([['平阳社区', 'true'], ['护驾山社区', 'false']]);
    expect(calls('ranking')).toEqual([{ action: 'ranking', month: '2026-10', communityId: 'GS01' }]);

    fireEvent.click(place('护驾山社区'));
    await screen.findByText('护驾山社区第一网格');
    expect(calls('ranking').at(-1)).toEqual({ action: 'ranking', month: '2026-10', communityId: 'GS02' });
    expect(rows().slice(1).map((r) => r[1])).toEqual(['护驾山社区第一网格']);
    expect(place('护驾山社区').getAttribute('aria-checked')).toBe('true');
    expect(screen.queryByText('平阳社区第1网格')).toBeNull();
    expect(screen.queryByText('计算考核')).toBeNull();
  });

  it('staff of a street and a community elsewhere compute only while their street is chosen', async () => {
    cloudWith(street(), { 'staff.places': () => ok({ ...streetPlaces(), served: [{ level: 'street', id: 'GS', name: '钢山街道' }, { level: 'community', id: 'QQ02', name: '千泉社区' }] }) });
    render(<AssessmentRankingPage />);
    await screen.findByText('平阳社区第1网格');
    expect(screen.getByText('计算考核')).toBeTruthy();
    fireEvent.click(screen.getByText('千泉社区'));
    await waitFor(() => expect(calls('ranking').at(-1)).toEqual({ action: 'ranking', month: '2026-10', communityId: 'QQ02' }));
    expect(screen.queryByText('计算考核')).toBeNull();
    fireEvent.click(screen.getByText('钢山街道'));
    await waitFor(() => expect(calls('ranking').at(-1)).toEqual({ action: 'ranking', month: '2026-10', streetId: 'GS' }));
    expect(screen.getByText('计算考核')).toBeTruthy();
  });

  it('names the one street or community served, without a chooser', async () => {
    cloudWith(community());
    render(<AssessmentRankingPage />);
    await screen.findByText('平阳社区第1网格');
    expect(screen.getByText('平阳社区')).toBeTruthy();
    expect(screen.queryByRole('radiogroup', { name: '辖区' })).toBeNull();
  });

  it.each([
    ['a resident', meFixture()],
    ['a chief', chiefMe()],
  ])('tells %s it is for community and street staff, and asks nothing', async (_, me) => {
    cloudWith(me);
    render(<AssessmentRankingPage />);
    expect(await screen.findByText('网格考核仅供社区、街道工作人员查看')).toBeTruthy();
    expect(cloudCalls('assessment')).toEqual([]);
    expect(cloudCalls('staff.places')).toEqual([]);
  });

  it('says what the cloud refused', async () => {
    cloudWith(community(), { 'assessment.ranking': () => ({ ok: false, code: 'FORBIDDEN', message: '只有本社区及所属街道的工作人员可以查看考核排名' }) });
    render(<AssessmentRankingPage />);
    expect(await screen.findByText('只有本社区及所属街道的工作人员可以查看考核排名')).toBeTruthy();
  });
});
