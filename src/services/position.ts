import Taro from '@tarojs/taro';

/** Where the person is, in GCJ-02 (the datum of WeChat's maps and of the grids' centres). */
export type Position = { latitude: number; longitude: number };

export type PositionResult =
  | { ok: true; position: Position }
  /** The person (or the system) refused: the privacy consent, the location permission or the browser's prompt. */
  | { ok: false; reason: 'denied' }
  /** No fix: GPS off, timeout, no browser support. */
  | { ok: false; reason: 'unavailable' };

const DENIED = /deny|denied|permission|auth|privacy|拒绝/i;

/**
 * The person's position, asked only when they tap (never on page load). weapp: the platform's
 * privacy consent first (requirePrivacyAuthorize, where the base library has it), then
 * getLocation in GCJ-02 ('getLocation' is declared in app.config's requiredPrivateInfos).
 * H5: Taro's getLocation is the browser's geolocation, which knows only WGS-84, so the position
 * is shifted to GCJ-02 here. Never throws.
 */
export async function myPosition(): Promise<PositionResult> {
  try {
    if (process.env.TARO_ENV === 'h5') {
      const r = await Taro.getLocation({ type: 'wgs84' });
      return { ok: true, position: wgs84ToGcj02({ latitude: r.latitude, longitude: r.longitude }) };
    }
    const authorize = (Taro as unknown as { requirePrivacyAuthorize?: (o: { success: () => void; fail: () => void }) => unknown })
      .requirePrivacyAuthorize;
    if (typeof authorize === 'function') {
      const agreed = await new Promise<boolean>((resolve) => {
        authorize({ success: () => resolve(true), fail: () => resolve(false) });
      });
      if (!agreed) return { ok: false, reason: 'denied' };
    }
    const r = await Taro.getLocation({ type: 'gcj02' });
    return { ok: true, position: { latitude: r.latitude, longitude: r.longitude } };
  } catch (error) {
    const message = String((error as { errMsg?: unknown; message?: unknown } | null)?.errMsg ?? (error as { message?: unknown } | null)?.message ?? '');
    // The browser's refusal is a GeolocationPositionError with code 1 (PERMISSION_DENIED).
    const denied = DENIED.test(message) || (error as { code?: unknown } | null)?.code === 1;
    return { ok: false, reason: denied ? 'denied' : 'unavailable' };
  }
}

// WGS-84 → GCJ-02, the published approximation (Krasovsky ellipsoid); metres off at most.
const A = 6378245.0;
const EE = 0.00669342162296594323;

const outOfChina = ({ latitude, longitude }: Position) => longitude < 72.004 || longitude > 137.8347 || latitude < 0.8293 || latitude > 55.8271;

function shiftLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function shiftLng(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}

/** A GPS (WGS-84) position as Chinese maps draw it (GCJ-02); unchanged outside China. */
export function wgs84ToGcj02(p: Position): Position {
  if (outOfChina(p)) return p;
  const radLat = (p.latitude / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (shiftLat(p.longitude - 105.0, p.latitude - 35.0) * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (shiftLng(p.longitude - 105.0, p.latitude - 35.0) * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { latitude: p.latitude + dLat, longitude: p.longitude + dLng };
}
