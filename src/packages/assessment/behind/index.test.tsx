import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __setRouterParams } from '../../../../tests/jest/taro';
import { cloudCalls, ok, programCloud } from '../../../../tests/jest/cloud';
import type { AppealBehind, CheckInBehind, FigureRecords } from '../../../../types/assessment';
import AssessmentBehindPage from './index';

const grid = { code: 'GS-0101', name: '平阳社区第1网格' };

const appealItem = (id: string, overrides: Partial<AppealBehind> = {}): AppealBehind => ({
  id,
  number: `W2026${id}`,
  category: '环境卫生',
  status: 'closed',
  source: 'resident',
  createdAt: '2026-10-12T01:00:00.000Z',
  counted: true,
  cards: { yellow: 0, red: 0 },
  rating: null,
  ...overrides,
});

const checkInItem = (id: string, overrides: Partial<CheckInBehind> = {}): CheckInBehind => ({
  id,
  kind: 'patrol',
  at: '2026-10-05T01:00:00.000Z',
  staff: { name: '邓海燕', title: '网格长' },
  verified: true,
  flag: null,
  distanceM: 0,
  household: null,
  note: '',
  photos: [],
  appealId: null,
  counted: true,
  ...overrides,
});

const response = (): FigureRecords => ({
  grid,
  month: '2026-10',
  figure: 'response',
  total: 2,
  counted: 1,
  records: 'appeals',
  items: [appealItem('a2', { counted: false, status: 'accepted', createdAt: '2026-10-20T06:30:00.000Z' }), appealItem('a1', { rating: 5 })],
});

const items = () => Array.from(document.querySelectorAll('.assessment__record')).map((r) => Array.from(r.querySelectorAll('.list__name, .list__sub, .assessment__counted')).map((e) => e.textContent));

describe('考核明细 behind a figure', () => {
  it('lists the appeals behind 按时受理率, each marked as counted or not, and opens one', async () => {
    __setRouterParams({ code: 'GS-0101', month: '2026-10', figure: 'response' });
    programCloud({ 'assessment.behind': () => ok(response()) });
    render(<AssessmentBehindPage />);
    await screen.findByText('平阳社区第1网格');
    expect(cloudCalls('assessment.behind').map((c) => c.data)).toEqual([{ action: 'behind', gridCode: 'GS-0101', month: '2026-10', figure: 'response' }]);
    expect(screen.getByText('2026年10月 · 按时受理率')).toBeTruthy();
    expect(screen.getByText('共 2 条，按时受理 1 条')).toBeTruthy();
    expect(items()).toEqual([
      ['W2026a2 · 环境卫生', '办理中 · 居民反映 · 2026-10-20 14:30', '未按时受理'],
      ['W2026a1 · 环境卫生', '已结案 · 居民反映 · 2026-10-12 09:00', '评分 5', '按时受理'],
    ]);
    fireEvent.click(screen.getByText('W2026a1 · 环境卫生'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/appeal/detail/index?id=a1' });
  });

  it('lists the patrols behind 巡防 with who, how far, the household, the note and the photos; an arrival opens its appeal', async () => {
    __setRouterParams({ code: 'GS-0101', month: '2026-10', figure: 'patrols' });
    programCloud({
      'assessment.behind': () =>
        ok({
          grid,
          month: '2026-10',
          figure: 'patrols',
          total: 2,
          counted: 1,
          records: 'checkIns',
          items: [
            checkInItem('k2', { verified: false, flag: 'far', distanceM: 820, counted: false, staff: null, note: '楼道堆物', appealId: 'a9' }),
            checkInItem('k1', { photos: ['cloud://env/work/k1.jpg'], household: { building: '3号楼', room: '201', group: 'emptyNest' } }),
          ],
        } satisfies FigureRecords),
    });
    render(<AssessmentBehindPage />);
    await screen.findByText('共 2 条，有效巡防 1 条');
    expect(items()).toEqual([
      ['巡防 · 2026-10-05 09:00', '人员已不在册', '距网格较远 · 距网格 820 米', '楼道堆物', '未计入有效巡防'],
      ['巡防 · 2026-10-05 09:00', '邓海燕（网格长）', '已核验 · 在网格内', '3号楼 201 · 空巢老人', '有效巡防'],
    ]);
    expect(Array.from(document.querySelectorAll('.photo-picker__img')).map((i) => i.getAttribute('src'))).toEqual(['cloud://env/work/k1.jpg']);
    fireEvent.click(screen.getByText('查看到场的诉求'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/appeal/detail/index?id=a9' });
  });

  it('says how many there are when it shows only the newest, and what else puts a grid online', async () => {
    __setRouterParams({ code: 'GS-0101', month: '2026-10', figure: 'online' });
    programCloud({ 'assessment.behind': () => ok({ grid, month: '2026-10', figure: 'online', total: 230, counted: 230, records: 'checkIns', items: [checkInItem('k1', { counted: null })] } satisfies FigureRecords) });
    render(<AssessmentBehindPage />);
    expect(await screen.findByText('共 230 条，显示最新 1 条')).toBeTruthy();
    expect(screen.getByText('在线天数还计入办理诉求和发布通知的日子，这里列出扫码签到')).toBeTruthy();
    expect(document.querySelector('.assessment__counted')).toBeNull();
  });

  it('shows each appeal’s cards behind 督办, and says when the month has none', async () => {
    __setRouterParams({ code: 'GS-0101', month: '2026-10', figure: 'cards' });
    programCloud({ 'assessment.behind': () => ok({ ...response(), figure: 'cards', total: 1, counted: 1, items: [appealItem('a3', { counted: null, cards: { yellow: 1, red: 2 } })] }) });
    render(<AssessmentBehindPage />);
    expect(await screen.findByText('黄牌 1，红牌 2')).toBeTruthy();

    __setRouterParams({ code: 'GS-0101', month: '2026-09', figure: 'visits' });
    programCloud({ 'assessment.behind': () => ok({ grid, month: '2026-09', figure: 'visits', total: 0, counted: 0, records: 'checkIns', items: [] } satisfies FigureRecords) });
    render(<AssessmentBehindPage />);
    expect(await screen.findByText('这个月没有相关记录')).toBeTruthy();
  });

  it('asks nothing without a known figure, and says what the cloud refused', async () => {
    __setRouterParams({ code: 'GS-0101', month: '2026-10', figure: 'score' });
    programCloud({});
    render(<AssessmentBehindPage />);
    expect(screen.getByText('没有指定网格、月份和考核指标')).toBeTruthy();
    expect(cloudCalls('assessment')).toEqual([]);

    __setRouterParams({ code: 'GS-0201', month: '2026-10', figure: 'response' });
    programCloud({ 'assessment.behind': () => ({ ok: false, code: 'FORBIDDEN', message: '只有本网格及所属社区、街道的工作人员可以查看网格考核' }) });
    render(<AssessmentBehindPage />);
    expect(await screen.findByText('只有本网格及所属社区、街道的工作人员可以查看网格考核')).toBeTruthy();
  });

  it('lists the 六必访 households behind the coverage figure, those not covered first', async () => {
    __setRouterParams({ code: 'GS-0101', month: '2026-10', figure: 'coverage' });
    const coverage: FigureRecords = {
      grid,
      month: '2026-10',
      figure: 'coverage',
      total: 2,
      counted: 1,
      records: 'households',
      items: [
        { id: 'h2', building: '3号楼', room: '102', group: 'emptyNest', intervalDays: 7, coveredUntil: null, counted: false },
        { id: 'h1', building: '3号楼', room: '101', group: 'hardship', intervalDays: 30, coveredUntil: '2026-11-20T02:00:00.000Z', counted: true },
      ],
    };
    programCloud({ 'assessment.behind': () => ok(coverage) });
    render(<AssessmentBehindPage />);
    await screen.findByText('2026年10月 · 六必访覆盖率');
    expect(screen.getByText('共 2 条，已覆盖 1 条')).toBeTruthy();
    expect(items()).toEqual([
      ['3号楼 102 · 空巢老人', '每 7 天走访一次，已到期', '未覆盖'],
      ['3号楼 101 · 困难人群', '走访有效至 2026-11-20 10:00', '已覆盖'],
    ]);
  });
});
