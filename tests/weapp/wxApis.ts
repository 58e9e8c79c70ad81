/**
 * The wx APIs GridLink's WeChat build calls, and nothing else: the pages' Taro.* calls, the
 * `wx.*` reads of Taro's runtime (`env`) and the cloud. The harness's `wx` holds exactly these;
 * every other WeChat API name is a tripwire that fails the page (see harness.ts), so a page that
 * starts calling a new API fails here until the API is added to this list, with its answer.
 *
 * An answer is what the API's `success` receives (or a sync API returns); an answer that throws
 * is a `fail` with that message. Tests override answers per page (`openPage(…, { wx })`).
 */

/** Answers `fail` the way WeChat does when the user dismisses a dialog or picker. */
export function cancelled(api: string): never {
  throw new Error(`${api}:fail cancel`);
}

const ok = (api: string) => () => ({ errMsg: `${api}:ok` });

/** APIs that take `{ success, fail, complete }` (Taro promisifies them). */
export const asyncApis = {
  navigateTo: ok('navigateTo'),
  redirectTo: ok('redirectTo'),
  navigateBack: ok('navigateBack'),
  showToast: ok('showToast'),
  showModal: () => ({ errMsg: 'showModal:ok', confirm: true, cancel: false }),
  setClipboardData: ok('setClipboardData'),
  makePhoneCall: ok('makePhoneCall'),
  requestSubscribeMessage: () => ({ errMsg: 'requestSubscribeMessage:ok' }),
  // The privacy consent the location flow asks first (src/services/position.ts): given.
  requirePrivacyAuthorize: ok('requirePrivacyAuthorize'),
  getLocation: () => ({ errMsg: 'getLocation:ok', latitude: 35.4053, longitude: 116.9659, accuracy: 30 }),
  chooseMedia: () => cancelled('chooseMedia'),
  chooseMessageFile: () => cancelled('chooseMessageFile'),
  chooseLocation: () => cancelled('chooseLocation'),
  scanCode: () => cancelled('scanCode'),
  compressImage: (options: { src: string }) => ({ errMsg: 'compressImage:ok', tempFilePath: options.src }),
  previewImage: ok('previewImage'),
  openDocument: ok('openDocument'),
  openLocation: ok('openLocation'),
  showShareMenu: ok('showShareMenu'),
  getGroupEnterInfo: () => {
    throw new Error('getGroupEnterInfo:fail not entered from a group');
  },
} satisfies Record<string, (options: any) => unknown>;

/** Synchronous APIs, called with their arguments; storage ones are handled by the harness. */
export const syncApis = {
  getEnterOptionsSync: () => ({ path: '', query: {}, scene: 1001, referrerInfo: {} }),
  getWindowInfo: () => ({ pixelRatio: 2, screenWidth: 375, screenHeight: 667, windowWidth: 375, windowHeight: 667, statusBarHeight: 20 }),
  // No native canvas in the simulator: a selector query finds no node (charts stay undrawn).
  createSelectorQuery: () => {
    const query = {
      select: () => query,
      fields: () => query,
      exec: (callback?: (found: unknown[]) => void) => setTimeout(() => callback?.([null])),
    };
    return query;
  },
} satisfies Record<string, (...args: any[]) => unknown>;

export const storageApis = ['getStorageSync', 'setStorageSync', 'removeStorageSync'] as const;

/** The cloud APIs (`wx.cloud.*`) GridLink calls; the harness answers them from stubs. */
export const cloudApis = ['init', 'callFunction', 'uploadFile', 'downloadFile', 'CloudID'] as const;

export type AsyncApi = keyof typeof asyncApis;
export type SyncApi = keyof typeof syncApis;
export type WxApi = AsyncApi | SyncApi | (typeof storageApis)[number];
