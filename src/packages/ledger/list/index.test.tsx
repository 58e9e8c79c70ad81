import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __setRouterParams } from '../../../../tests/jest/taro';
import { gridPageFixture } from '../../../../tests/jest/fixtures';
import { chiefMe, meFixture, summaryFixture } from '../../../../tests/jest/appealFixtures';
import { cloudCalls, ok, programCloud, type Handler } from '../../../../tests/jest/cloud';
import { communityPlaces } from '../../staff/staff.fixtures';
import type { LedgerPage as Ledger, Me } from '../../../../types/appeal';
import LedgerPage from './index';

const NOW = Date.parse('2026-11-29T12:00:00.000Z'); // 20:00 on 29 November in Zoucheng
let now: jest.SpyInstance;
beforeEach(() => {
  now = jest.spyOn(Date, 'now').mockReturnValue(NOW);
});
afterEach(() => now.mockRestore());

const page = (items: Ledger['items'], cursor: string | null = null): Ledger => ({ grid: { code: 'GS-0101', name: '府前社区第一网格' }, items, cursor });

function cloudWith(me: Me, ledger: Handler = () => ok(page([]))) {
  programCloud({
    'account.me': () => ok(me),
    'grid.resolve': () => ok(gridPageFixture()),
    'staff.places': () => ok(communityPlaces()),
    'appeal.ledger': ledger,
  });
}

const ledgerCalls = () => cloudCalls('appeal.ledger').map((c) => c.data);
const lastLedgerCall = () => ledgerCalls().at(-1);
const chip = (group: string, label: string) => Array.from(screen.getByRole('radiogroup', { name: group }).children).find((c) => c.textContent === label)!;
const rowOf = (excerpt: string) => screen.getByText(excerpt).closest('.appeal-item')!;

describe('问题台账', () => {
  it('lists the grid’s appeals and reports, each with its source, status and whether it is late', async () => {
    __setRouterParams({ code: 'GS-0101' });
    cloudWith(chiefMe(), () =>
      ok(
        page([
          summaryFixture(1, { source: 'staff', status: 'accepted', statusLabel: '办理中', clock: null }),
          summaryFixture(2, { overdue: true }),
          summaryFixture(3, { status: 'closed', statusLabel: '已结案', clock: null, missed: ['resolveBy'] }),
          summaryFixture(4, { status: 'closed', statusLabel: '已结案', clock: null }),
        ]),
      ),
    );
    render(<LedgerPage />);
    await screen.findByText('第 1 条：楼道里堆满了杂物');
    expect(ledgerCalls()).toEqual([{ action: 'ledger', gridCode: 'GS-0101' }]);
    const tags = (n: number) => Array.from(rowOf(`第 ${n} 条：楼道里堆满了杂物`).querySelectorAll('.tag')).map((t) => t.textContent);
    expect(tags(1)).toEqual(['工作人员上报', '办理中']);
    expect(tags(2)).toEqual(['已超时', '居民反映', '待受理']);
    expect(tags(3)).toEqual(['已超时', '居民反映', '已结案']);
    expect(tags(4)).toEqual(['居民反映', '已结案']);
    expect(await screen.findByText('府前社区第一网格', { selector: '.ledger__name' })).toBeTruthy();
  });

  it('asks again with each chip: source, status, late or not, month in Zoucheng; 全部 lifts it', async () => {
    __setRouterParams({ code: 'GS-0101' });
    cloudWith(chiefMe());
    render(<LedgerPage />);
    await screen.findByText('没有符合条件的事项');

    fireEvent.click(chip('来源', '工作人员上报'));
    await waitFor(() => expect(lastLedgerCall()).toEqual({ action: 'ledger', gridCode: 'GS-0101', source: 'staff' }));
    fireEvent.click(screen.getByText('办理中', { selector: '.status-tabs__tab' }));
    await waitFor(() => expect(lastLedgerCall()).toEqual({ action: 'ledger', gridCode: 'GS-0101', source: 'staff', status: 'accepted' }));
    fireEvent.click(chip('时限', '已超时'));
    await waitFor(() => expect(lastLedgerCall()).toMatchObject({ overdue: true }));
    fireEvent.click(chip('时限', '未超时'));
    await waitFor(() => expect(lastLedgerCall()).toMatchObject({ overdue: false }));
    expect(Array.from(screen.getByRole('radiogroup', { name: '月份' }).children).map((c) => c.textContent)).toEqual([
      '全部',
      '2026年11月',
      '2026年10月',
      '2026年9月',
      '2026年8月',
      '2026年7月',
      '2026年6月',
    ]);
    fireEvent.click(chip('月份', '2026年10月'));
    await waitFor(() => expect(lastLedgerCall()).toEqual({ action: 'ledger', gridCode: 'GS-0101', source: 'staff', status: 'accepted', overdue: false, month: '2026-10' }));
    expect(chip('月份', '2026年10月').getAttribute('aria-checked')).toBe('true');

    fireEvent.click(chip('来源', '全部'));
    fireEvent.click(chip('时限', '全部'));
    fireEvent.click(screen.getByText('全部', { selector: '.status-tabs__tab' }));
    await waitFor(() => expect(lastLedgerCall()).toEqual({ action: 'ledger', gridCode: 'GS-0101', month: '2026-10' }));
  });

  it('reads on with the cursor and the same filters', async () => {
    __setRouterParams({ code: 'GS-0101' });
    cloudWith(chiefMe(), (data) => ok(data.cursor ? page([summaryFixture(21)]) : page([summaryFixture(1)], 'k20')));
    render(<LedgerPage />);
    await screen.findByText('第 1 条：楼道里堆满了杂物');
    fireEvent.click(chip('来源', '居民反映'));
    fireEvent.click(await screen.findByText('加载更多'));
    expect(await screen.findByText('第 21 条：楼道里堆满了杂物')).toBeTruthy();
    expect(lastLedgerCall()).toEqual({ action: 'ledger', gridCode: 'GS-0101', source: 'resident', cursor: 'k20' });
  });

  it('offers the grid’s own staff 上报问题, and no tab for appeals held for review, which they never see', async () => {
    __setRouterParams({ code: 'GS-0101' });
    cloudWith(chiefMe());
    render(<LedgerPage />);
    fireEvent.click(await screen.findByText('上报问题'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/ledger/report/index?code=GS-0101' });
    expect(screen.queryByText('审核中', { selector: '.status-tabs__tab' })).toBeNull();
  });

  it('opens a chief’s own grid when no grid is named', async () => {
    __setRouterParams({});
    cloudWith(chiefMe());
    render(<LedgerPage />);
    await waitFor(() => expect(ledgerCalls()).toEqual([{ action: 'ledger', gridCode: 'GS-0101' }]));
  });

  it('lets community staff choose one of their grids, then shows its ledger with the held tab', async () => {
    __setRouterParams({});
    cloudWith(chiefMe({ role: 'community', name: '赵强', title: '社区干部', grids: [] }));
    render(<LedgerPage />);
    fireEvent.click(await screen.findByText('第二网格'));
    await waitFor(() => expect(ledgerCalls()).toEqual([{ action: 'ledger', gridCode: 'GS-0102' }]));
    expect(screen.getByText('审核中', { selector: '.status-tabs__tab' })).toBeTruthy();
    expect(screen.queryByText('上报问题')).toBeNull();
  });

  it('tells a resident it is for staff, and asks nothing', async () => {
    __setRouterParams({ code: 'GS-0101' });
    cloudWith(meFixture());
    render(<LedgerPage />);
    expect(await screen.findByText('问题台账仅供网格长、网格员和社区、街道工作人员查看')).toBeTruthy();
    expect(ledgerCalls()).toEqual([]);
  });

  it('says what the cloud refused', async () => {
    __setRouterParams({ code: 'GS-0201' });
    cloudWith(chiefMe(), () => ({ ok: false, code: 'FORBIDDEN', message: '只有本网格及所属社区、街道的工作人员可以查看问题台账' }));
    render(<LedgerPage />);
    expect(await screen.findByText('只有本网格及所属社区、街道的工作人员可以查看问题台账')).toBeTruthy();
  });
});
