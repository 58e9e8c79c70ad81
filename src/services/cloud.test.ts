import Taro from '@tarojs/taro';
import { call } from './cloud';
import { DEV_OPENID_KEY } from './devIdentity';

const env = process.env.TARO_ENV;
afterEach(() => {
  process.env.TARO_ENV = env;
  localStorage.clear();
  delete (globalThis as { fetch?: unknown }).fetch;
});

function fakeFetch(reply: () => Promise<unknown>) {
  const fetch = jest.fn(async (_url: string, _init: RequestInit) => ({ json: reply }));
  (globalThis as { fetch?: unknown }).fetch = fetch;
  return fetch;
}

describe('the cloud client in H5', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'h5';
  });

  it('posts {action, ...input} to /api/fn/<name> as the chosen dev identity', async () => {
    localStorage.setItem(DEV_OPENID_KEY, 'demo-chief-GS-0101');
    const fetch = fakeFetch(async () => ({ ok: true, data: [] }));
    await expect(call('grid', 'search', { keyword: '府前' })).resolves.toEqual({ ok: true, data: [] });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/api/fn/grid');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'content-type': 'application/json', 'X-Dev-OpenId': 'demo-chief-GS-0101' });
    expect(JSON.parse(String(init.body))).toEqual({ action: 'search', keyword: '府前' });
    expect(Taro.cloud.callFunction).not.toHaveBeenCalled();
  });

  it('sends no identity header when nobody is chosen (未登录)', async () => {
    const fetch = fakeFetch(async () => ({ ok: false, code: 'NOT_FOUND', message: '没有找到相关内容' }));
    await expect(call('grid', 'resolve', { code: 'GS-9999' })).resolves.toEqual({
      ok: false, code: 'NOT_FOUND', message: '没有找到相关内容',
    });
    expect(fetch.mock.calls[0][1].headers).toEqual({ 'content-type': 'application/json' });
  });

  it.each([
    ['the network is down', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['the reply is not JSON', () => Promise.reject(new SyntaxError('Unexpected token <'))],
    ['the reply is not an envelope', () => Promise.resolve({ hello: 'world' })],
  ])('answers INTERNAL in Chinese when %s', async (_, reply) => {
    fakeFetch(reply);
    await expect(call('grid', 'resolve', { code: 'GS-0101' })).resolves.toEqual({
      ok: false, code: 'INTERNAL', message: '网络不通，请稍后重试',
    });
  });
});

describe('the cloud client in the mini-program', () => {
  it('calls the cloud function with {action, ...input} and returns its result', async () => {
    process.env.TARO_ENV = 'weapp';
    (Taro.cloud.callFunction as unknown as jest.Mock).mockResolvedValue({ result: { ok: true, data: [] }, errMsg: 'ok' });
    await expect(call('grid', 'search', { keyword: '泉' })).resolves.toEqual({ ok: true, data: [] });
    expect(Taro.cloud.callFunction).toHaveBeenCalledWith({ name: 'grid', data: { action: 'search', keyword: '泉' } });
    expect(Taro.cloud.init).toHaveBeenCalledTimes(1);
  });

  it('turns a failed call into INTERNAL', async () => {
    process.env.TARO_ENV = 'weapp';
    (Taro.cloud.callFunction as unknown as jest.Mock).mockRejectedValue(new Error('cloud.callFunction:fail'));
    await expect(call('grid', 'resolve', { code: 'GS-0101' })).resolves.toMatchObject({ ok: false, code: 'INTERNAL' });
  });
});
