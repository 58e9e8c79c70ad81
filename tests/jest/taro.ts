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
export const previewImage = jest.fn(ok('previewImage'));
export const openLocation = jest.fn(ok('openLocation'));
export const openDocument = jest.fn(ok('openDocument'));
/** Tests program what the person picks: `chooseMedia.mockResolvedValueOnce({tempFiles: [...]})`. */
export const chooseMedia = jest.fn(async (_o: { count?: number }): Promise<{ tempFiles: Array<{ tempFilePath: string; size?: number }>; type?: string }> => {
  throw { errMsg: 'chooseMedia:fail cancel' };
});
export const compressImage = jest.fn(async (o: { src: string }) => ({ tempFilePath: o.src, errMsg: 'compressImage:ok' }));
export const chooseLocation = jest.fn(async (_o?: unknown): Promise<{ latitude: number; longitude: number; name: string; address: string }> => {
  throw { errMsg: 'chooseLocation:fail cancel' };
});
export const getLocation = jest.fn(async (_o?: unknown): Promise<{ latitude: number; longitude: number }> => {
  throw { errMsg: 'getLocation:fail auth deny' };
});
export const scanCode = jest.fn(async (_o?: unknown): Promise<{ result: string; path?: string }> => {
  throw { errMsg: 'scanCode:fail cancel' };
});
/** WeChat's privacy consent (weapp): by default the person has agreed. */
export const requirePrivacyAuthorize = jest.fn((o: { success?: () => void; fail?: () => void }) => {
  o.success?.();
});
/** Answers `{[tmplId]: 'accept' | 'reject', errMsg}`; by default the person refuses everything. */
export const requestSubscribeMessage = jest.fn(async (o: { tmplIds: string[] }): Promise<Record<string, string>> => {
  return Object.fromEntries([...o.tmplIds.map((id) => [id, 'reject']), ['errMsg', 'requestSubscribeMessage:ok']]);
});

/** A sheet picked from a chat; tests program what the person picks (or reject: cancelled). */
export const chooseMessageFile = jest.fn(async (_o: { count: number; type: string; extension?: string[] }): Promise<{ tempFiles: Array<{ path: string; name: string; size: number }> }> => {
  throw { errMsg: 'chooseMessageFile:fail cancel' };
});

export const cloud = {
  init: jest.fn(),
  /** Tests program it: `cloud.callFunction.mockImplementation(async ({name, data}) => ({result: …}))`. */
  callFunction: jest.fn(async (_opts: CallFunctionOptions): Promise<{ result: unknown; errMsg: string }> => {
    throw new Error('Taro.cloud.callFunction was not programmed by this test');
  }),
  /** Stores nothing; answers a fileID named after the cloudPath. */
  uploadFile: jest.fn(async (o: { cloudPath: string; filePath: string }) => ({
    fileID: `cloud://test-env.7465-test-env-1300000000/${o.cloudPath}`,
    statusCode: 200,
    errMsg: 'cloud.uploadFile:ok',
  })),
  /** Answers a temp path named after the fileID's last part. */
  downloadFile: jest.fn(async (o: { fileID: string }) => ({
    tempFilePath: `wxfile://tmp/${o.fileID.split('/').pop()}`,
    statusCode: 200,
    errMsg: 'cloud.downloadFile:ok',
  })),
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
/** The page's share callback: `useShareAppMessage.mock.calls.at(-1)[0]()` is the card WeChat would send. */
export const useShareAppMessage = jest.fn((_fn: () => { title?: string; path?: string }) => undefined);
export const showShareMenu = jest.fn(ok('showShareMenu'));
export const setClipboardData = jest.fn(ok('setClipboardData'));
export const getEnv = () => 'WEB';
export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB' };

export function __resetTaro(): void {
  params = {};
  storage.clear();
  for (const fn of [navigateTo, redirectTo, navigateBack, showToast, showModal, makePhoneCall, setNavigationBarTitle, cloud.init,
    previewImage, openLocation, openDocument, compressImage, cloud.uploadFile, cloud.downloadFile, useShareAppMessage, showShareMenu, setClipboardData]) {
    fn.mockClear();
  }
  for (const fn of [chooseMedia, chooseLocation, getLocation, scanCode, requestSubscribeMessage, chooseMessageFile]) {
    fn.mockClear();
    fn.mockReset();
  }
  chooseMessageFile.mockImplementation(async () => {
    throw { errMsg: 'chooseMessageFile:fail cancel' };
  });
  chooseMedia.mockImplementation(async () => {
    throw { errMsg: 'chooseMedia:fail cancel' };
  });
  chooseLocation.mockImplementation(async () => {
    throw { errMsg: 'chooseLocation:fail cancel' };
  });
  getLocation.mockImplementation(async () => {
    throw { errMsg: 'getLocation:fail auth deny' };
  });
  scanCode.mockImplementation(async () => {
    throw { errMsg: 'scanCode:fail cancel' };
  });
  requirePrivacyAuthorize.mockReset();
  requirePrivacyAuthorize.mockImplementation((o: { success?: () => void }) => {
    o.success?.();
  });
  requestSubscribeMessage.mockImplementation(async (o: { tmplIds: string[] }) =>
    Object.fromEntries([...o.tmplIds.map((id) => [id, 'reject']), ['errMsg', 'requestSubscribeMessage:ok']]),
  );
  cloud.callFunction.mockReset();
  cloud.callFunction.mockImplementation(async () => {
    throw new Error('Taro.cloud.callFunction was not programmed by this test');
  });
}

const Taro = {
  navigateTo, redirectTo, navigateBack, showToast, showModal, makePhoneCall, setNavigationBarTitle, cloud,
  previewImage, openLocation, openDocument, chooseMedia, chooseMessageFile, compressImage, chooseLocation, getLocation, scanCode, requestSubscribeMessage, requirePrivacyAuthorize,
  getStorageSync, setStorageSync, removeStorageSync, getCurrentInstance, useRouter, useLaunch, useLoad,
  useDidShow, useDidHide, usePullDownRefresh, useReachBottom, useShareAppMessage, showShareMenu, setClipboardData, getEnv, ENV_TYPE,
};
export default Taro;
