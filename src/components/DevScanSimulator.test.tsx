import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { DEV_SCAN_KEY, scanSign } from '../services/scan';
import { DevScanSimulator } from './DevScanSimulator';

const env = process.env.TARO_ENV;
beforeEach(() => {
  process.env.TARO_ENV = 'h5';
});
afterEach(() => {
  process.env.TARO_ENV = env;
  jest.restoreAllMocks();
});

describe('模拟扫码 (H5 dev dock)', () => {
  it('a code typed becomes the next scan of that grid’s sign; blank stops simulating', async () => {
    const prompt = jest.spyOn(window, 'prompt').mockReturnValueOnce(' GS-0102 ').mockReturnValueOnce('');
    render(<DevScanSimulator />);
    fireEvent.click(screen.getByText('模拟扫码'));
    expect(screen.getByText('模拟扫码：GS-0102')).toBeTruthy();
    expect(await scanSign()).toEqual({ ok: true, scanned: '/g/GS-0102' });

    fireEvent.click(screen.getByText('模拟扫码：GS-0102'));
    expect(prompt).toHaveBeenLastCalledWith(expect.any(String), 'GS-0102');
    expect(screen.getByText('模拟扫码')).toBeTruthy();
    expect(Taro.getStorageSync(DEV_SCAN_KEY)).toBeFalsy();
    expect((await scanSign()).ok).toBe(false);
  });

  it('cancelling the prompt changes nothing', () => {
    Taro.setStorageSync(DEV_SCAN_KEY, '/g/GS-0101');
    jest.spyOn(window, 'prompt').mockReturnValueOnce(null);
    render(<DevScanSimulator />);
    fireEvent.click(screen.getByText('模拟扫码：GS-0101'));
    expect(Taro.getStorageSync(DEV_SCAN_KEY)).toBe('/g/GS-0101');
  });
});
