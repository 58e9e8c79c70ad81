import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __setRouterParams } from '../../../../tests/jest/taro';
import { cloudCalls, ok, programCloud } from '../../../../tests/jest/cloud';
import type { Households, HouseholdView } from '../../../../types/presence';
import HouseholdsPage from './index';

const household = (room: string, due: boolean, overrides: Partial<HouseholdView> = {}): HouseholdView => ({
  id: room,
  building: '1号楼',
  room,
  group: 'emptyNest',
  groupLabel: '空巢老人',
  intervalDays: 30,
  lastVisitAt: due ? null : '2026-11-20T02:00:00.000Z',
  dueAt: due ? '2026-11-24T02:00:00.000Z' : '2026-12-20T02:00:00.000Z',
  due,
  ...overrides,
});
const listed = (items: HouseholdView[]): Households => ({ gridCode: 'GS-0101', gridName: '府前社区第一网格', items, dueCount: items.filter((h) => h.due).length });

describe('六必访住户', () => {
  it('lists the households due first as 待走访, the rest with the date they fall due', async () => {
    programCloud({ 'presence.households': () => ok(listed([household('101', true), household('102', false)])) });
    __setRouterParams({ code: 'GS-0101' });
    render(<HouseholdsPage />);
    expect(await screen.findByText('府前社区第一网格 · 待走访 1 户')).toBeTruthy();
    expect(Array.from(document.querySelectorAll('.household .tag')).map((e) => e.textContent)).toEqual(['待走访', '2026-12-20 10:00 前走访']);
    expect(screen.getByText('空巢老人 · 每 30 天 · 尚未走访')).toBeTruthy();
    expect(screen.getByText('空巢老人 · 每 30 天 · 上次走访 2026-11-20 10:00')).toBeTruthy();
  });

  it('saves a household with its group and interval, then lists again', async () => {
    let items = [household('101', true)];
    programCloud({
      'presence.households': () => ok(listed(items)),
      'presence.saveHousehold': (data) => {
        items = [...items, household(String(data.room), true, { group: 'hardship', groupLabel: '困难人群', intervalDays: Number(data.intervalDays) })];
        return ok(items.at(-1));
      },
    });
    __setRouterParams({ code: 'GS-0101' });
    const { container } = render(<HouseholdsPage />);
    await screen.findByText('府前社区第一网格 · 待走访 1 户');
    fireEvent.click(screen.getByText('保存住户', { selector: 'button' }));
    expect(Taro.showToast).toHaveBeenLastCalledWith({ title: '请填写楼栋', icon: 'none' });

    const [building, room, interval] = Array.from(container.querySelectorAll('input'));
    fireEvent.click(screen.getByText('困难人群'));
    fireEvent.input(building, { target: { value: '2号楼' } });
    fireEvent.input(room, { target: { value: '301' } });
    fireEvent.input(interval, { target: { value: '14' } });
    fireEvent.click(screen.getByText('保存住户', { selector: 'button' }));
    expect(await screen.findByText('府前社区第一网格 · 待走访 2 户')).toBeTruthy();
    expect(cloudCalls('presence.saveHousehold').map((c) => c.data)).toEqual([{ action: 'saveHousehold', gridCode: 'GS-0101', building: '2号楼', room: '301', group: 'hardship', intervalDays: 14 }]);
    await waitFor(() => expect(screen.getByText('困难人群 · 每 14 天 · 尚未走访')).toBeTruthy());
  });

  it('someone who does not keep the grid’s households reads why', async () => {
    programCloud({ 'presence.households': () => ({ ok: false, code: 'FORBIDDEN', message: '只有本网格的网格长和网格员可以管理六必访住户' }) });
    __setRouterParams({ code: 'GS-0101' });
    render(<HouseholdsPage />);
    expect(await screen.findByText('只有本网格的网格长和网格员可以管理六必访住户')).toBeTruthy();
  });
});
