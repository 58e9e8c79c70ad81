import Taro from '@tarojs/taro';
import type { Location } from '../../types/appeal';

/** Where the person is, in GCJ-02 (the datum of WeChat's maps and of the grids' centres). */
export type Position = { latitude: number; longitude: number };

export type PositionResult =
  | { ok: true; position: Position }
  /** The person (or the system) refused: the privacy consent, the location permission or the browser's prompt. */
  | { ok: false; reason: 'denied' }
  /** No fix: GPS off, timeout, no browser support. */
  | { ok: false; reason: 'unavailable' };

/**
 * H5's datum conversion, null in the mini-program: WeChat's getLocation answers GCJ-02 itself, and
 * the build drops this require (a constant condition outside any async function, which Babel would
 * turn into a state machine webpack cannot prune), so the main package carries no gcoord.
 */
const h5Datum = (): typeof import('./datum') | null => (process.env.TARO_ENV === 'h5' ? require('./datum') : null);

const DENIED = /deny|denied|permission|auth|privacy|拒绝/i;

/** weapp: the platform's privacy consent (requirePrivacyAuthorize, where the base library has it); true when given or not asked. */
async function privacyAgreed(): Promise<boolean> {
  const authorize = (Taro as unknown as { requirePrivacyAuthorize?: (o: { success: () => void; fail: () => void }) => unknown }).requirePrivacyAuthorize;
  if (typeof authorize !== 'function') return true;
  return new Promise<boolean>((resolve) => {
    authorize({ success: () => resolve(true), fail: () => resolve(false) });
  });
}

/**
 * The person's position, asked only when they tap (never on page load). weapp: the platform's
 * privacy consent first (requirePrivacyAuthorize, where the base library has it), then
 * getLocation in GCJ-02 ('getLocation' is declared in app.config's requiredPrivateInfos).
 * H5: Taro's getLocation is the browser's geolocation, which knows only WGS-84, so the position
 * is shifted to GCJ-02 here. Never throws.
 */
export async function myPosition(): Promise<PositionResult> {
  try {
    const browser = h5Datum();
    if (browser) {
      const r = await Taro.getLocation({ type: 'wgs84' });
      return { ok: true, position: browser.wgs84ToGcj02({ latitude: r.latitude, longitude: r.longitude }) };
    }
    if (!(await privacyAgreed())) return { ok: false, reason: 'denied' };
    const r = await Taro.getLocation({ type: 'gcj02' });
    return { ok: true, position: { latitude: r.latitude, longitude: r.longitude } };
  } catch (error) {
    const message = String((error as { errMsg?: unknown; message?: unknown } | null)?.errMsg ?? (error as { message?: unknown } | null)?.message ?? '');
    // The browser's refusal is a GeolocationPositionError with code 1 (PERMISSION_DENIED).
    const denied = DENIED.test(message) || (error as { code?: unknown } | null)?.code === 1;
    return { ok: false, reason: denied ? 'denied' : 'unavailable' };
  }
}

/**
 * A place for an appeal, in GCJ-02, after the privacy consent; null when the person cancels or
 * refuses. weapp: chooseLocation on WeChat's map (GCJ-02, with the place's name and address). H5
 * has no map picker: the browser's position through `myPosition`, converted like the search
 * page's.
 */
export async function pickPlace(): Promise<Location | null> {
  if (process.env.TARO_ENV === 'h5') {
    const here = await myPosition();
    return here.ok ? { ...here.position, name: '当前位置' } : null;
  }
  try {
    if (!(await privacyAgreed())) return null;
    const r = await Taro.chooseLocation({});
    if (!r.latitude && !r.longitude) return null;
    return {
      latitude: r.latitude,
      longitude: r.longitude,
      name: r.name ? r.name.slice(0, 100) : undefined,
      address: r.address ? r.address.slice(0, 200) : undefined,
    };
  } catch {
    return null;
  }
}
