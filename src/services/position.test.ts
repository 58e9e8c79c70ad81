import Taro from '@tarojs/taro';
import { wgs84ToGcj02 } from './datum';
import { myPosition, pickPlace } from './position';

const getLocation = Taro.getLocation as unknown as jest.Mock;
const chooseLocation = Taro.chooseLocation as unknown as jest.Mock;
const requirePrivacyAuthorize = (Taro as unknown as { requirePrivacyAuthorize: jest.Mock }).requirePrivacyAuthorize;
const env = process.env.TARO_ENV;
afterEach(() => {
  process.env.TARO_ENV = env;
});

/**
 * Known WGS-84 → GCJ-02 pairs, from published references, never from the code under test:
 * gcoord's own test (test/unit/crs/WGS84.spec.ts: [123, 45] → [123.00607541, 45.00197815]) and
 * the Tiananmen pair of coordtransform's README ([116.404, 39.915] → [116.41024449916938, 39.91640428150164]).
 */
const KNOWN_PAIRS: Array<[string, { latitude: number; longitude: number }, { latitude: number; longitude: number }]> = [
  ['gcoord’s test point (123°E, 45°N)', { latitude: 45, longitude: 123 }, { latitude: 45.00197815, longitude: 123.00607541 }],
  ['Tiananmen', { latitude: 39.915, longitude: 116.404 }, { latitude: 39.91640428, longitude: 116.4102445 }],
];

const expectNear = (actual: { latitude: number; longitude: number }, expected: { latitude: number; longitude: number }) => {
  expect(actual.latitude).toBeCloseTo(expected.latitude, 6);
  expect(actual.longitude).toBeCloseTo(expected.longitude, 6);
};

describe('wgs84ToGcj02: the one datum conversion', () => {
  it.each(KNOWN_PAIRS)('shifts %s as Chinese maps draw it', (_, wgs84, gcj02) => {
    expectNear(wgs84ToGcj02(wgs84), gcj02);
  });

  it('leaves a position outside China as it is', () => {
    expect(wgs84ToGcj02({ latitude: 51.5, longitude: -0.12 })).toEqual({ latitude: 51.5, longitude: -0.12 });
  });
});

describe('myPosition (the search page’s 用我的位置查找)', () => {
  it.each(KNOWN_PAIRS)('in the browser asks for WGS-84 (all H5 offers) and answers GCJ-02: %s', async (_, wgs84, gcj02) => {
    process.env.TARO_ENV = 'h5';
    getLocation.mockResolvedValue({ ...wgs84, errMsg: 'getLocation:ok' });
    const r = await myPosition();
    expect(getLocation).toHaveBeenCalledWith({ type: 'wgs84' });
    if (!r.ok) throw new Error('expected a position');
    expectNear(r.position, gcj02);
  });

  it('in WeChat asks for GCJ-02 and passes it on unchanged', async () => {
    process.env.TARO_ENV = 'weapp';
    getLocation.mockResolvedValue({ latitude: 35.404, longitude: 116.9675, errMsg: 'getLocation:ok' });
    expect(await myPosition()).toEqual({ ok: true, position: { latitude: 35.404, longitude: 116.9675 } });
    expect(getLocation).toHaveBeenCalledWith({ type: 'gcj02' });
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

describe('pickPlace (the appeal form’s 添加位置)', () => {
  it.each(KNOWN_PAIRS)('in the browser stores the position in GCJ-02, as the search page does: %s', async (_, wgs84, gcj02) => {
    process.env.TARO_ENV = 'h5';
    getLocation.mockResolvedValue({ ...wgs84, errMsg: 'getLocation:ok' });
    const place = await pickPlace();
    expect(getLocation).toHaveBeenCalledWith({ type: 'wgs84' });
    expect(place).toMatchObject({ name: '当前位置' });
    expectNear(place!, gcj02);
  });

  it('in the browser answers null when the position is refused', async () => {
    process.env.TARO_ENV = 'h5';
    getLocation.mockRejectedValue({ code: 1, message: 'User denied Geolocation' });
    expect(await pickPlace()).toBeNull();
  });

  it('in WeChat takes the place chosen on WeChat’s map (already GCJ-02) with its name and address', async () => {
    process.env.TARO_ENV = 'weapp';
    chooseLocation.mockResolvedValue({ latitude: 35.404, longitude: 116.9675, name: '平阳社区服务中心', address: '邹城市钢山街道' });
    expect(await pickPlace()).toEqual({ latitude: 35.404, longitude: 116.9675, name: '平阳社区服务中心', address: '邹城市钢山街道' });
  });

  it('in WeChat does not open the map when the privacy consent is refused', async () => {
    process.env.TARO_ENV = 'weapp';
    requirePrivacyAuthorize.mockImplementation((o: { fail: () => void }) => o.fail());
    expect(await pickPlace()).toBeNull();
    expect(chooseLocation).not.toHaveBeenCalled();
  });
});
