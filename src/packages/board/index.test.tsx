import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { chiefMe, meFixture, summaryFixture } from '../../../tests/jest/appealFixtures';
import { cloudCalls, ok, programCloud } from '../../../tests/jest/cloud';
import type { AppealSummary } from '../../../types/appeal';
import BoardPage from './index';

const community = () => chiefMe({ role: 'community', name: '李明', title: '社区书记', scope: '平阳社区' });
const texts = (selector: string) => Array.from(document.querySelectorAll(selector)).map((e) => e.textContent);
const at = (n: number, grid: string, overrides: Partial<AppealSummary> = {}) =>
  summaryFixture(n, { gridCode: grid, gridName: `平阳社区${grid.slice(-1)}号网格`, ...overrides });

describe('督办看板', () => {
  it('groups the appeals by grid in the order the most urgent came, with each grid’s overdue count', async () => {
    programCloud({
      'account.me': () => ok(community()),
      'appeal.board': () =>
        ok({
          items: [
            at(1, 'GS-0102', { overdue: true, card: 'red' }),
            at(2, 'GS-0101', { overdue: true }),
            at(3, 'GS-0102', { extensionPending: true }),
            at(4, 'GS-0101'),
          ],
          cursor: null,
        }),
    });
    render(<BoardPage />);
    await screen.findByText('第 1 条：楼道里堆满了杂物');
    expect(texts('.grid-group__name')).toEqual(['平阳社区2号网格（GS-0102）', '平阳社区1号网格（GS-0101）']);
    expect(texts('.grid-group__count')).toEqual(['2 条，已超时 1 条', '2 条，已超时 1 条']);
    const groups = Array.from(document.querySelectorAll('.grid-group')).map((g) => Array.from(g.querySelectorAll('.appeal-item__excerpt')).map((e) => e.textContent));
    expect(groups).toEqual([
      ['第 1 条：楼道里堆满了杂物', '第 3 条：楼道里堆满了杂物'],
      ['第 2 条：楼道里堆满了杂物', '第 4 条：楼道里堆满了杂物'],
    ]);
    expect(texts('.tag--card-red')).toEqual(['红牌督办']);
    expect(texts('.tag--extension-pending')).toEqual(['延期待审批']);
    expect(screen.getByText('平阳社区')).toBeTruthy();
    expect(screen.getByText('已超时和 2 小时内到期的诉求，最紧急的在前')).toBeTruthy();
  });

  it('loads the next page from the cursor and adds it under the grids', async () => {
    programCloud({
      'account.me': () => ok(community()),
      'appeal.board': (d) => ok(d.cursor ? { items: [at(21, 'GS-0101')], cursor: null } : { items: [at(1, 'GS-0101', { overdue: true })], cursor: 'k20' }),
    });
    render(<BoardPage />);
    fireEvent.click(await screen.findByText('加载更多'));
    await screen.findByText('第 21 条：楼道里堆满了杂物');
    expect(cloudCalls('appeal.board').map((c) => c.data)).toEqual([{ action: 'board' }, { action: 'board', cursor: 'k20' }]);
    expect(texts('.grid-group__count')).toEqual(['2 条，已超时 1 条']);
  });

  it('says so when nothing is late or nearly so', async () => {
    programCloud({ 'account.me': () => ok(chiefMe({ role: 'street' })), 'appeal.board': () => ok({ items: [], cursor: null }) });
    render(<BoardPage />);
    expect(await screen.findByText('暂时没有超时或即将到期的诉求')).toBeTruthy();
  });

  it.each([
    ['a chief', chiefMe()],
    ['a resident', meFixture()],
  ])('tells %s it is for community and street staff and never asks for the board', async (_, me) => {
    programCloud({ 'account.me': () => ok(me) });
    render(<BoardPage />);
    expect(await screen.findByText('督办看板仅供社区和街道工作人员使用')).toBeTruthy();
    await waitFor(() => expect(cloudCalls('appeal')).toEqual([]));
  });
});
