import gcoord from 'gcoord';
import type { Position } from './position';

/**
 * A GPS position (WGS-84: what a browser's geolocation knows) as Chinese maps, WeChat and the
 * grids' centres and boundaries have it (GCJ-02): the one conversion in GridLink, by `gcoord`.
 * Outside China GCJ-02 does not apply and the position comes back unchanged. Near Zoucheng the
 * shift is about 500 m, enough to put a resident outside their own grid.
 */
export function wgs84ToGcj02(p: Position): Position {
  const [longitude, latitude] = gcoord.transform([p.longitude, p.latitude], gcoord.WGS84, gcoord.GCJ02);
  return { latitude, longitude };
}
