import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __setRouterParams, useShareAppMessage } from '../../../../tests/jest/taro';
import { meFixture } from '../../../../tests/jest/appealFixtures';
import { cloudCalls, ok, programCloud, type Handler } from '../../../../tests/jest/cloud';
import { noticeFixture } from '../../../../tests/jest/noticeFixtures';
import type { NoticeDetail } from '../../../../types/notice';
import { RECENT_GRIDS_KEY } from '../../../services/recentGrids';
import NoticeDetailPage from './index';

const env = process.env.TARO_ENV;
afterEach(() => {
  process.env.TARO_ENV = env;
});

function open(notice: NoticeDetail | null, more: Record<string, Handler> = {}) {
  programCloud({
    'notice.detail': () => (notice ? ok(notice) : { ok: false, code: 'NOT_FOUND', message: '这条通知不存在或已撤回' }),
    'account.me': () => ok(meFixture()),
    ...more,
  });
  __setRouterParams({ id: notice?.id ?? 'gone' });
  return render(<NoticeDetailPage />);
}

describe('通知详情', () => {
  it('shows title, Shanghai date, author, scope, body, images and the read count', async () => {
    open(noticeFixture());
    expect(await screen.findByText('平阳社区周末义诊通知')).toBeTruthy();
    expect(screen.getByText('2026-11-22 09:00')).toBeTruthy();
    expect(screen.getByText('平阳社区党委书记 黄丽娟')).toBeTruthy();
    expect(screen.getByText('发送范围：平阳社区全体网格')).toBeTruthy();
    expect(screen.getByText(/请携带医保卡/)).toBeTruthy();
    expect(screen.getByText('阅读 12')).toBeTruthy();
    expect(screen.getByText('置顶')).toBeTruthy();
    expect(cloudCalls('notice')).toEqual([{ name: 'notice', data: { action: 'detail', id: 'notice-GS01-1' } }]);

    fireEvent.click(document.querySelector('.photo-picker__tile')!);
    const url = 'cloud://test-env.7465-test-env-1300000000/notices/202611/a.jpg';
    expect(Taro.previewImage).toHaveBeenCalledWith({ current: url, urls: [url] });
    expect(screen.queryByText('撤回通知')).toBeNull();
  });

  it('shares as a mini-program card that opens this notice, with the share ticket in WeChat', async () => {
    process.env.TARO_ENV = 'weapp';
    open(noticeFixture());
    await screen.findByText('平阳社区周末义诊通知');
    const share = useShareAppMessage.mock.calls[useShareAppMessage.mock.calls.length - 1][0];
    expect(share()).toEqual({ title: '平阳社区周末义诊通知', path: '/packages/notice/detail/index?id=notice-GS01-1' });
    expect(Taro.showShareMenu).toHaveBeenCalledWith({ withShareTicket: true });
  });

  it('names a grid on the card, so opening it inside a group can offer that group to the grid', async () => {
    process.env.TARO_ENV = 'weapp';
    Taro.setStorageSync(RECENT_GRIDS_KEY, [{ code: 'GS-0102', name: '平阳社区第二网格' }]);
    open(noticeFixture());
    await screen.findByText('平阳社区周末义诊通知');
    const lastGrid = useShareAppMessage.mock.calls[useShareAppMessage.mock.calls.length - 1][0];
    expect(lastGrid().path).toBe('/packages/notice/detail/index?id=notice-GS01-1&code=GS-0102');

    __setRouterParams({ id: 'notice-GS01-1', code: 'GS-0101' }); // opened from a card that named its grid
    render(<NoticeDetailPage />);
    const cardGrid = useShareAppMessage.mock.calls[useShareAppMessage.mock.calls.length - 1][0];
    expect(cardGrid().path).toBe('/packages/notice/detail/index?id=notice-GS01-1&code=GS-0101');
  });

  it('says so when the notice was taken down', async () => {
    open(null);
    expect(await screen.findByText('这条通知不存在或已撤回')).toBeTruthy();
    expect(screen.queryByText('重试')).toBeNull();
  });

  it('lets the author take it down after confirming', async () => {
    open(noticeFixture({ can: ['unpublish'] }), { 'notice.unpublish': () => ok({ id: 'notice-GS01-1', unpublished: true }) });
    fireEvent.click(await screen.findByText('撤回通知'));
    await act(async () => undefined);
    expect(Taro.showModal).toHaveBeenCalled();
    expect(cloudCalls('notice.unpublish')).toEqual([{ name: 'notice', data: { action: 'unpublish', id: 'notice-GS01-1' } }]);
    expect(Taro.navigateBack).toHaveBeenCalled();
  });
});
