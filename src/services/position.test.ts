import Taro from '@tarojs/taro';
import { myPosition, wgs84ToGcj02 } from './position';

const getLocation = Taro.getLocation as unknown as jest.Mock;
const env = process.env.TARO_ENV;
afterEach(() => {
  process.env.TARO_ENV = env;
});

describe('myPosition', () => {
  it('in the browser asks for WGS-84 (all H5 offers) and answers GCJ-02', async () => {
    process.env.TARO_ENV = 'h5';
    getLocation.mockResolvedValue({ latitude: 39.915, longitude: 116.404, errMsg: 'getLocation:ok' });
    const r = await myPosition();
    expect(getLocation).toHaveBeenCalledWith({ type: 'wgs84' });
    expect(r).toEqual({ ok: true, position: wgs84ToGcj02({ latitude: 39.915, longitude: 116.404 }) });
  });

  it.each([
    ['WeChat’s refusal', { errMsg: 'getLocation:fail auth deny' }, 'denied'],
    ['the phone’s location permission', { errMsg: 'getLocation:fail system permission denied' }, 'denied'],
    ['the browser’s refusal', { code: 1, message: 'User denied Geolocation' }, 'denied'],
    ['no fix', { errMsg: 'getLocation:fail timeout' }, 'unavailable'],
  ])('tells %s apart', async (_, error, reason) => {
    getLocation.mockRejectedValue(error);
    expect(await myPosition()).toEqual({ ok: false, reason });
  });
});

describe('wgs84ToGcj02', () => {
  it('shifts a position in China the way Chinese maps draw it (Tiananmen, a published pair)', () => {
    const p = wgs84ToGcj02({ latitude: 39.915, longitude: 116.404 });
    expect(p.latitude).toBeCloseTo(39.91640428, 6);
    expect(p.longitude).toBeCloseTo(116.41024450, 6);
  });

  it('leaves a position outside China as it is', () => {
    expect(wgs84ToGcj02({ latitude: 51.5, longitude: -0.12 })).toEqual({ latitude: 51.5, longitude: -0.12 });
  });
});
