import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { summaryFixture } from '../../../../tests/jest/appealFixtures';
import { cloudCalls, ok, programCloud } from '../../../../tests/jest/cloud';
import MyAppealsPage from './index';

describe('我的诉求', () => {
  it('pages through appeal.mine by the returned cursor until it is null', async () => {
    const pages: Record<string, { items: ReturnType<typeof summaryFixture>[]; cursor: string | null }> = {
      first: { items: [summaryFixture(3), summaryFixture(2)], cursor: 'c2' },
      c2: { items: [summaryFixture(1)], cursor: null },
    };
    programCloud({ 'appeal.mine': (d) => ok(pages[(d.cursor as string | undefined) ?? 'first']) });
    render(<MyAppealsPage />);

    expect(await screen.findByText('第 3 条：楼道里堆满了杂物')).toBeTruthy();
    expect(screen.getByText('第 2 条：楼道里堆满了杂物')).toBeTruthy();
    fireEvent.click(screen.getByText('加载更多'));
    expect(await screen.findByText('第 1 条：楼道里堆满了杂物')).toBeTruthy();
    expect(screen.getByText('没有更多了')).toBeTruthy();
    expect(screen.queryByText('加载更多')).toBeNull();
    expect(cloudCalls('appeal').map((c) => c.data)).toEqual([{ action: 'mine' }, { action: 'mine', cursor: 'c2' }]);
    // newest first, as the cloud answered
    const shown = Array.from(document.querySelectorAll('.appeal-item__excerpt')).map((e) => e.textContent);
    expect(shown).toEqual(['第 3 条：楼道里堆满了杂物', '第 2 条：楼道里堆满了杂物', '第 1 条：楼道里堆满了杂物']);
  });

  it('asks again by status when a tab is chosen, and opens an appeal on tap', async () => {
    programCloud({
      'appeal.mine': (d) =>
        ok(d.status === 'closed'
          ? { items: [summaryFixture(7, { status: 'closed', statusLabel: '已结案' })], cursor: null }
          : { items: [summaryFixture(8)], cursor: null }),
    });
    render(<MyAppealsPage />);
    await screen.findByText('第 8 条：楼道里堆满了杂物');
    fireEvent.click(screen.getAllByText('已结案')[0]);
    expect(await screen.findByText('第 7 条：楼道里堆满了杂物')).toBeTruthy();
    expect(screen.queryByText('第 8 条：楼道里堆满了杂物')).toBeNull();
    expect(cloudCalls('appeal')[1].data).toEqual({ action: 'mine', status: 'closed' });
    fireEvent.click(screen.getByText('第 7 条：楼道里堆满了杂物'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/appeal/detail/index?id=ap-7' });
  });

  it('says so when there are none, and shows the error with a retry', async () => {
    let fail = true;
    programCloud({
      'appeal.mine': () => (fail ? { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' } : ok({ items: [], cursor: null })),
    });
    render(<MyAppealsPage />);
    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重试'));
    await waitFor(() => expect(screen.getByText('您还没有反映过问题')).toBeTruthy());
  });

  it('shows each appeal’s promise line as the cloud worded it', async () => {
    programCloud({
      'appeal.mine': () =>
        ok({ items: [summaryFixture(1, { promise: '明天 12:00 前受理' }), summaryFixture(2, { overdue: true, promise: '已超时 2 小时，已升级至社区' }), summaryFixture(3, { status: 'closed', statusLabel: '已结案', clock: null, promise: null })], cursor: null }),
    });
    render(<MyAppealsPage />);
    await screen.findByText('第 1 条：楼道里堆满了杂物');
    const lines = Array.from(document.querySelectorAll('.appeal-item')).map((item) => item.querySelector('.appeal-promise')?.textContent ?? null);
    expect(lines).toEqual(['明天 12:00 前受理', '已超时 2 小时，已升级至社区', null]);
    expect(document.querySelectorAll('.appeal-promise--late')).toHaveLength(1);
  });
});
