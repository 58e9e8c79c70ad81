import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { distance } from '@turf/distance';
import { point, polygon } from '@turf/helpers';

/** A point as the grids store it: GCJ-02 longitude and latitude (the datum of WeChat's maps). */
export type LngLat = { lng: number; lat: number };

/** A grid's area: a GeoJSON Polygon, rings of [lng, lat] positions, each ring closed. */
export type GeoPolygon = { type: 'Polygon'; coordinates: number[][][] };

/** What locating needs of a grid; the caller's own fields (name, community…) ride along. */
export type PlacedGrid = {
  code: string;
  status: 'active' | 'retired';
  centre: LngLat | null;
  boundary?: GeoPolygon | null;
};

export type LocatePolicy = {
  /** How many grids to list as nearby. */
  nearby: number;
  /** Grids whose centre is farther than this are not "nearby" (a resident in another city sees none). */
  withinM: number;
};

/** Three grids, within 10 km: Zoucheng's grids are a few hundred metres across. */
export const LOCATE_POLICY: LocatePolicy = { nearby: 3, withinM: 10_000 };

export type Located<G> = { inside: G | null; nearby: Array<{ grid: G; distanceM: number }> };

/** Metres between two GCJ-02 points (great-circle). */
export const metres = (a: LngLat, b: LngLat) => distance(point([a.lng, a.lat]), point([b.lng, b.lat]), { units: 'meters' });

/** A boundary turf can test: a Polygon whose rings are closed and have at least four positions. */
export function usableBoundary(boundary: GeoPolygon | null | undefined): boundary is GeoPolygon {
  if (!boundary || boundary.type !== 'Polygon' || !Array.isArray(boundary.coordinates) || boundary.coordinates.length === 0) return false;
  return boundary.coordinates.every((ring) => {
    if (!Array.isArray(ring) || ring.length < 4) return false;
    const [first, last] = [ring[0], ring[ring.length - 1]];
    return first[0] === last[0] && first[1] === last[1];
  });
}

/**
 * The grid a point is in, and the grids nearest to it. Pure: no I/O.
 *
 * - `inside`: the active grid whose boundary contains the point. A point on a boundary counts as
 *   inside, so on the edge two grids share, both contain it: the one whose centre is nearer wins,
 *   and on a tie the lower code (a stable answer, never a coin toss). Overlapping polygons (bad
 *   data) resolve the same way.
 * - `nearby`: the other active grids with a centre, nearest centre first (ties by code), at most
 *   `policy.nearby` of them and none farther than `policy.withinM`. Grids without a boundary are
 *   found only this way; so are all grids when none has a boundary.
 * - Retired grids are never returned.
 */
export function locate<G extends PlacedGrid>(grids: readonly G[], at: LngLat, policy: LocatePolicy = LOCATE_POLICY): Located<G> {
  const here = point([at.lng, at.lat]);
  const measured = grids
    .filter((g) => g.status === 'active')
    .map((grid) => ({ grid, distanceM: grid.centre ? metres(at, grid.centre) : Infinity }))
    .sort((a, b) => a.distanceM - b.distanceM || (a.grid.code < b.grid.code ? -1 : a.grid.code > b.grid.code ? 1 : 0));

  const inside = measured.find(({ grid }) => usableBoundary(grid.boundary) && booleanPointInPolygon(here, polygon(grid.boundary.coordinates)))?.grid ?? null;

  const nearby = measured
    .filter(({ grid, distanceM }) => grid !== inside && distanceM <= policy.withinM)
    .slice(0, policy.nearby)
    .map(({ grid, distanceM }) => ({ grid, distanceM: Math.round(distanceM) }));

  return { inside, nearby };
}
