import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __setRouterParams } from '../../../../tests/jest/taro';
import { chiefMe } from '../../../../tests/jest/appealFixtures';
import { cloudCalls, ok, programCloud, type Handler } from '../../../../tests/jest/cloud';
import type { Me } from '../../../../types/appeal';
import type { CheckIn } from '../../../../types/presence';
import { DEV_SCAN_KEY } from '../../../services/scan';
import CheckInPage from './index';

const env = process.env.TARO_ENV;
afterEach(() => {
  process.env.TARO_ENV = env;
  Taro.removeStorageSync(DEV_SCAN_KEY);
});

const made = (overrides: Partial<CheckIn> = {}): CheckIn => ({
  id: 'c1',
  kind: 'patrol',
  gridCode: 'GS-0101',
  gridName: '府前社区第一网格',
  at: '2026-11-24T02:00:00.000Z',
  distanceM: 0,
  verified: true,
  flag: null,
  message: '巡防签到成功',
  appealId: null,
  household: null,
  ...overrides,
});

function cloudWith(checkIn: Handler, me: Me = chiefMe()) {
  programCloud({ 'account.me': () => ok(me), 'presence.checkIn': checkIn });
}

const scanButton = () => screen.getByText('扫码签到', { selector: 'button' });

describe('扫码签到', () => {
  it('weapp: a patrol scans the sign from the camera and sends what the scan returned; the function’s words are shown', async () => {
    process.env.TARO_ENV = 'weapp';
    (Taro.scanCode as unknown as jest.Mock).mockResolvedValueOnce({ result: '', path: 'pages/grid/index?scene=g%3DGS-0101' });
    cloudWith(() => ok(made()));
    __setRouterParams({ code: 'GS-0101' });
    render(<CheckInPage />);
    fireEvent.click(await screen.findByText('巡防'));
    fireEvent.click(scanButton());
    expect(await screen.findByText('巡防签到成功')).toBeTruthy();
    expect(screen.getByText('已核验')).toBeTruthy();
    expect(Taro.scanCode).toHaveBeenCalledWith({ onlyFromCamera: true });
    expect(cloudCalls('presence.checkIn')[0].data).toMatchObject({ kind: 'patrol', scanned: 'pages/grid/index?scene=g%3DGS-0101', location: null, photos: [] });
  });

  it('a visit asks for the household before the camera opens', async () => {
    process.env.TARO_ENV = 'weapp';
    cloudWith(() => ok(made({ kind: 'visit' })));
    __setRouterParams({ code: 'GS-0101' });
    render(<CheckInPage />);
    fireEvent.click(await screen.findByText('走访'));
    fireEvent.click(scanButton());
    expect(Taro.showToast).toHaveBeenLastCalledWith({ title: '请填写楼栋', icon: 'none' });
    expect(Taro.scanCode).not.toHaveBeenCalled();
    expect(cloudCalls('presence')).toEqual([]);
  });

  it('H5: the dev dock’s 模拟扫码 is the scan; a far check-in is shown flagged', async () => {
    process.env.TARO_ENV = 'h5';
    Taro.setStorageSync(DEV_SCAN_KEY, '/g/GS-0101');
    cloudWith(() => ok(made({ verified: false, flag: 'far', distanceM: 812, message: '巡防签到成功，但你距网格约 812 米，本次签到不计为已核验' })));
    __setRouterParams({ code: 'GS-0101' });
    render(<CheckInPage />);
    fireEvent.click(await screen.findByText('巡防'));
    fireEvent.click(scanButton());
    expect(await screen.findByText('巡防签到成功，但你距网格约 812 米，本次签到不计为已核验')).toBeTruthy();
    expect(screen.getByText('距网格较远')).toBeTruthy();
    expect(cloudCalls('presence.checkIn')[0].data).toMatchObject({ scanned: '/g/GS-0101' });
  });

  it('H5 without 模拟扫码: says how to simulate one and sends nothing', async () => {
    process.env.TARO_ENV = 'h5';
    cloudWith(() => ok(made()));
    __setRouterParams({ code: 'GS-0101' });
    render(<CheckInPage />);
    fireEvent.click(await screen.findByText('巡防'));
    fireEvent.click(scanButton());
    await waitFor(() => expect(Taro.showToast).toHaveBeenLastCalledWith({ title: '浏览器不能扫码：请先在开发工具中点“模拟扫码”，填写网格码', icon: 'none' }));
    expect(cloudCalls('presence')).toEqual([]);
  });

  it('for an appeal it is 到场 only, sent with the appeal; a refusal is shown', async () => {
    process.env.TARO_ENV = 'h5';
    Taro.setStorageSync(DEV_SCAN_KEY, '/g/GS-0102');
    cloudWith(() => ({ ok: false, code: 'CONFLICT', message: '该诉求属于网格 GS-0101，请到该网格扫描它的标牌' }));
    __setRouterParams({ appealId: 'a1' });
    render(<CheckInPage />);
    expect(await screen.findByText('到场')).toBeTruthy();
    expect(screen.queryByText('巡防')).toBeNull();
    fireEvent.click(scanButton());
    expect(await screen.findByText('该诉求属于网格 GS-0101，请到该网格扫描它的标牌')).toBeTruthy();
    expect(cloudCalls('presence.checkIn')[0].data).toMatchObject({ kind: 'arrival', appealId: 'a1', scanned: '/g/GS-0102' });
  });

  it('someone serving no grid is told only chiefs and workers check in', async () => {
    cloudWith(() => ok(made()), chiefMe({ role: 'community', grids: [] }));
    __setRouterParams({ code: 'GS-0101' });
    render(<CheckInPage />);
    expect(await screen.findByText('只有网格长和网格员可以扫码签到')).toBeTruthy();
  });

  it('in a grid it links to the grid’s 六必访 households; for an appeal it does not', async () => {
    cloudWith(() => ok(made()));
    __setRouterParams({ code: 'GS-0101' });
    const { unmount } = render(<CheckInPage />);
    fireEvent.click(await screen.findByText('六必访住户：待走访的住户 ›'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/presence/households/index?code=GS-0101' });
    unmount();
    __setRouterParams({ code: 'GS-0101', appealId: 'a1' });
    render(<CheckInPage />);
    await screen.findByText('到场');
    expect(screen.queryByText('六必访住户：待走访的住户 ›')).toBeNull();
  });
});
