/**
 * A stand-in for `@tarojs/taro` in jsdom component tests (mapped in jest.config.js, project "app").
 * Just the APIs the app uses: router params you set, storage over a Map, jest.fn()s for
 * navigation, toasts, phone calls and the cloud. Helpers for tests start with `__`.
 */
type Params = Record<string, string | undefined>;
type CallFunctionOptions = { name: string; data: Record<string, unknown> };

let params: Params = {};
const storage = new Map<string, unknown>();

export function __setRouterParams(next: Params): void {
  params = { ...next };
}

const ok = (api: string) => async () => ({ errMsg: `${api}:ok` });

export const navigateTo = jest.fn(ok('navigateTo'));
export const redirectTo = jest.fn(ok('redirectTo'));
export const navigateBack = jest.fn(ok('navigateBack'));
export const showToast = jest.fn(ok('showToast'));
export const showModal = jest.fn(async () => ({ confirm: true, cancel: false, errMsg: 'showModal:ok' }));
export const makePhoneCall = jest.fn(ok('makePhoneCall'));
export const setNavigationBarTitle = jest.fn(ok('setNavigationBarTitle'));

export const cloud = {
  init: jest.fn(),
  /** Tests program it: `cloud.callFunction.mockImplementation(async ({name, data}) => ({result: …}))`. */
  callFunction: jest.fn(async (_opts: CallFunctionOptions): Promise<{ result: unknown; errMsg: string }> => {
    throw new Error('Taro.cloud.callFunction was not programmed by this test');
  }),
};

export function getStorageSync(key: string): unknown {
  return storage.has(key) ? structuredCloneish(storage.get(key)) : ''; // WeChat answers '' for a missing key
}
export function setStorageSync(key: string, value: unknown): void {
  storage.set(key, structuredCloneish(value));
}
export function removeStorageSync(key: string): void {
  storage.delete(key);
}
function structuredCloneish<T>(v: T): T {
  return v === undefined ? v : JSON.parse(JSON.stringify(v));
}

export function getCurrentInstance() {
  return { router: { params, path: '/pages/current/index' }, page: null, app: null };
}
export function useRouter() {
  return getCurrentInstance().router;
}
export const useLaunch = (_fn: () => void) => undefined;
export const useLoad = (_fn: () => void) => undefined;
export const useDidShow = (_fn: () => void) => undefined;
export const useDidHide = (_fn: () => void) => undefined;
export const usePullDownRefresh = (_fn: () => void) => undefined;
export const useReachBottom = (_fn: () => void) => undefined;
export const getEnv = () => 'WEB';
export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB' };

export function __resetTaro(): void {
  params = {};
  storage.clear();
  for (const fn of [navigateTo, redirectTo, navigateBack, showToast, showModal, makePhoneCall, setNavigationBarTitle, cloud.init]) {
    fn.mockClear();
  }
  cloud.callFunction.mockReset();
  cloud.callFunction.mockImplementation(async () => {
    throw new Error('Taro.cloud.callFunction was not programmed by this test');
  });
}

const Taro = {
  navigateTo, redirectTo, navigateBack, showToast, showModal, makePhoneCall, setNavigationBarTitle, cloud,
  getStorageSync, setStorageSync, removeStorageSync, getCurrentInstance, useRouter, useLaunch, useLoad,
  useDidShow, useDidHide, usePullDownRefresh, useReachBottom, getEnv, ENV_TYPE,
};
export default Taro;
