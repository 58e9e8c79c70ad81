import Taro from '@tarojs/taro';
import { PRESENCE_WORDS } from '../../types/presenceWords';

/** Where the H5 dev dock's "模拟扫码" keeps the text a scan of a sign would return. */
export const DEV_SCAN_KEY = 'gridlink.devScan';

export type ScanResult = { ok: true; scanned: string } | { ok: false; message: string };

/**
 * Scans a grid's sign and answers the text the scan returned, for `presence.checkIn` to parse.
 * weapp: `wx.scanCode` from the camera only (a picture from the album proves nothing); a
 * mini-program code answers its `path` (with the scene `g=<code>`), an ordinary QR its link.
 * H5 (browsers and tests): the dev dock's "模拟扫码" text, or why there is none. Never throws.
 */
export async function scanSign(): Promise<ScanResult> {
  if (process.env.TARO_ENV === 'h5') {
    const scanned: unknown = Taro.getStorageSync(DEV_SCAN_KEY);
    return typeof scanned === 'string' && scanned ? { ok: true, scanned } : { ok: false, message: '浏览器不能扫码：请先在开发工具中点“模拟扫码”，填写网格码' };
  }
  try {
    const r = await Taro.scanCode({ onlyFromCamera: true });
    return { ok: true, scanned: r.path || r.result };
  } catch {
    return { ok: false, message: `已取消${PRESENCE_WORDS.checkIn}` };
  }
}
