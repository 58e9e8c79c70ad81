import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { GridLocation, GridSearchHit } from '../../../types/grid';
import { RECENT_GRIDS_KEY } from '../../services/recentGrids';
import { cloudCalls, ok, programCloud } from '../../../tests/jest/cloud';
import SearchPage from './index';

const callFunction = Taro.cloud.callFunction as unknown as jest.Mock;
const hit: GridSearchHit = { code: 'GS-0101', name: '府前社区第一网格', community: '府前社区', street: '钢山街道' };

function search(keyword: string) {
  fireEvent.change(screen.getByPlaceholderText('输入网格、社区或街道名称'), { target: { value: keyword } });
  fireEvent.click(screen.getByText('搜索'));
}

describe('the search page', () => {
  it('finds grids by name and opens the one tapped', async () => {
    callFunction.mockResolvedValue({ result: { ok: true, data: { items: [hit], cursor: null } }, errMsg: 'ok' });
    render(<SearchPage />);
    search(' 府前 ');
    fireEvent.click(await screen.findByText('府前社区第一网格'));
    expect(callFunction).toHaveBeenCalledWith({ name: 'grid', data: { action: 'search', keyword: '府前' } });
    expect(screen.getByText('钢山街道 · 府前社区')).toBeTruthy();
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/grid/index?code=GS-0101' });
  });

  it('says so when nothing matches', async () => {
    callFunction.mockResolvedValue({ result: { ok: true, data: { items: [], cursor: null } }, errMsg: 'ok' });
    render(<SearchPage />);
    search('火星');
    expect(await screen.findByText('没有找到与“火星”相关的网格')).toBeTruthy();
  });

  it('sends the keyword as typed, full-width and all, for the schema to clean', async () => {
    programCloud({ 'grid.search': () => ok({ items: [hit], cursor: null }) });
    render(<SearchPage />);
    search('　ＧＳ－０１０１　');
    expect(await screen.findByText('府前社区第一网格')).toBeTruthy();
    expect(cloudCalls('grid.search').map((c) => c.data)).toEqual([{ action: 'search', keyword: 'GS-0101' }]);
  });

  it('loads the next page from the cursor and keeps the first', async () => {
    const second: GridSearchHit = { code: 'GS-0102', name: '府前社区第二网格', community: '府前社区', street: '钢山街道' };
    programCloud({ 'grid.search': (data) => ok(data.cursor ? { items: [second], cursor: null } : { items: [hit], cursor: 'GS-0101' }) });
    render(<SearchPage />);
    search('钢山');
    fireEvent.click(await screen.findByText('加载更多'));
    expect(await screen.findByText('府前社区第二网格')).toBeTruthy();
    expect(screen.getByText('府前社区第一网格')).toBeTruthy();
    expect(screen.queryByText('加载更多')).toBeNull();
    expect(cloudCalls('grid.search').map((c) => c.data)).toEqual([
      { action: 'search', keyword: '钢山' },
      { action: 'search', keyword: '钢山', cursor: 'GS-0101' },
    ]);
  });

  it('a new search starts over rather than adding to the last one', async () => {
    const other: GridSearchHit = { code: 'QQ-0101', name: '岗山社区第一网格', community: '岗山社区', street: '千泉街道' };
    programCloud({ 'grid.search': (data) => ok({ items: data.keyword === '岗山' ? [other] : [hit], cursor: null }) });
    render(<SearchPage />);
    search('府前');
    expect(await screen.findByText('府前社区第一网格')).toBeTruthy();
    search('岗山');
    expect(await screen.findByText('岗山社区第一网格')).toBeTruthy();
    expect(screen.queryByText('府前社区第一网格')).toBeNull();
  });

  it('asks for a keyword instead of calling with an empty one', async () => {
    render(<SearchPage />);
    search('   ');
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith({ title: '请输入要查找的网格、社区或街道名称', icon: 'none' }),
    );
    expect(callFunction).not.toHaveBeenCalled();
  });
});

describe('the search page without a sign', () => {
  const getLocation = Taro.getLocation as unknown as jest.Mock;
  const requirePrivacyAuthorize = (Taro as unknown as { requirePrivacyAuthorize: jest.Mock }).requirePrivacyAuthorize;
  const here = { latitude: 35.402, longitude: 116.9685 };
  const inside: GridLocation = {
    inside: { code: 'GS-0102', name: '平阳社区第二网格', community: '平阳社区', street: '钢山街道' },
    nearby: [
      { code: 'GS-0101', name: '平阳社区第一网格', community: '平阳社区', street: '钢山街道', distanceM: 323 },
      { code: 'GS-0103', name: '平阳社区第三网格', community: '平阳社区', street: '钢山街道', distanceM: 1234 },
    ],
  };

  it('asks for the position only on a tap, after the privacy consent, then shows the grid the person is in', async () => {
    getLocation.mockResolvedValue({ ...here, errMsg: 'getLocation:ok' });
    programCloud({ 'grid.locate': () => ok(inside) });
    render(<SearchPage />);
    expect(getLocation).not.toHaveBeenCalled();

    fireEvent.click(screen.getByText('用我的位置查找'));
    expect(await screen.findByText('您在')).toBeTruthy();
    expect(requirePrivacyAuthorize).toHaveBeenCalledTimes(1);
    expect(requirePrivacyAuthorize.mock.invocationCallOrder[0]).toBeLessThan(getLocation.mock.invocationCallOrder[0]);
    expect(getLocation).toHaveBeenCalledWith({ type: 'gcj02' });
    expect(cloudCalls('grid.locate').map((c) => c.data)).toEqual([{ action: 'locate', ...here }]);

    expect(screen.getByText('平阳社区第二网格')).toBeTruthy();
    expect(screen.queryByText('离您最近的网格')).toBeNull();
    expect(screen.getByText('附近的其他网格')).toBeTruthy();
    expect(screen.getByText('约 320 米')).toBeTruthy();
    expect(screen.getByText('约 1.2 公里')).toBeTruthy();
    fireEvent.click(screen.getByText('进入网格'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/grid/index?code=GS-0102' });
  });

  it('lists the nearest grids with distances when the person is in no grid’s boundary', async () => {
    getLocation.mockResolvedValue({ ...here, errMsg: 'getLocation:ok' });
    programCloud({ 'grid.locate': () => ok({ inside: null, nearby: inside.nearby }) });
    render(<SearchPage />);
    fireEvent.click(screen.getByText('用我的位置查找'));
    expect(await screen.findByText('离您最近的网格')).toBeTruthy();
    expect(screen.queryByText('您在')).toBeNull();
    fireEvent.click(screen.getByText('平阳社区第三网格'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/grid/index?code=GS-0103' });
  });

  it('says clearly when location is refused, and the name search still works', async () => {
    // the stub's getLocation answers "getLocation:fail auth deny" unless a test programs it
    programCloud({ 'grid.search': () => ok({ items: [hit], cursor: null }) });
    render(<SearchPage />);
    fireEvent.click(screen.getByText('用我的位置查找'));
    expect((await screen.findByRole('alert')).textContent).toContain('没有获得位置授权');
    expect(cloudCalls('grid.locate')).toEqual([]);

    search('府前');
    expect(await screen.findByText('府前社区第一网格')).toBeTruthy();
  });

  it('does not ask for the position when the privacy consent is refused', async () => {
    requirePrivacyAuthorize.mockImplementation((o: { fail: () => void }) => o.fail());
    render(<SearchPage />);
    fireEvent.click(screen.getByText('用我的位置查找'));
    expect((await screen.findByRole('alert')).textContent).toContain('没有获得位置授权');
    expect(getLocation).not.toHaveBeenCalled();
  });

  it('puts remembered grids above the results and marks a result the person has opened before', async () => {
    Taro.setStorageSync(RECENT_GRIDS_KEY, [{ code: 'GS-0101', name: '府前社区第一网格' }]);
    const other: GridSearchHit = { code: 'GS-0102', name: '府前社区第二网格', community: '府前社区', street: '钢山街道' };
    programCloud({ 'grid.search': () => ok({ items: [hit, other], cursor: null }) });
    render(<SearchPage />);
    search('府前');
    const results = (await screen.findByText('搜索结果')).parentElement!;
    const recent = screen.getByText('最近查看的网格');
    expect(recent.compareDocumentPosition(results) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(results).getByText('府前社区第一网格').textContent).toContain('最近查看');
    expect(within(results).getByText('府前社区第二网格').textContent).not.toContain('最近查看');
  });
});
