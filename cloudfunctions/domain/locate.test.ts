import { locate, type GeoPolygon, type LngLat, type PlacedGrid } from './locate';

/** A closed rectangle from its west, south, east and north edges. */
const box = (w: number, s: number, e: number, n: number): GeoPolygon => ({
  type: 'Polygon',
  coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]],
});

const grid = (code: string, centre: LngLat | null, boundary: GeoPolygon | null = null, status: PlacedGrid['status'] = 'active'): PlacedGrid => ({
  code,
  status,
  centre,
  boundary,
});

// Two blocks side by side sharing the edge lng 116.970; a third grid east of them without a boundary.
const WEST = grid('A-01', { lng: 116.968, lat: 35.402 }, box(116.966, 35.4, 116.97, 35.404));
const EAST = grid('A-02', { lng: 116.9715, lat: 35.402 }, box(116.97, 35.4, 116.974, 35.404));
const LOOSE = grid('B-01', { lng: 116.98, lat: 35.402 });
const FAR = grid('C-01', { lng: 117.3, lat: 35.5 }); // ~30 km away
const city = [WEST, EAST, LOOSE, FAR];

const codes = (r: ReturnType<typeof locate>) => ({ inside: r.inside?.code ?? null, nearby: r.nearby.map((n) => n.grid.code) });

describe('locate', () => {
  it.each([
    ['a point well inside the west block', { lng: 116.967, lat: 35.401 }, 'A-01'],
    ['a point well inside the east block', { lng: 116.973, lat: 35.403 }, 'A-02'],
    ['a point on the west block’s outer edge (edges count as inside)', { lng: 116.966, lat: 35.402 }, 'A-01'],
    // On the shared edge both polygons contain the point: the grid whose centre is nearer wins.
    ['the shared edge, nearer the east centre', { lng: 116.97, lat: 35.402 }, 'A-02'],
    ['a shared corner', { lng: 116.97, lat: 35.404 }, 'A-02'],
    ['outside every boundary', { lng: 116.977, lat: 35.402 }, null],
  ])('%s', (_, at, inside) => {
    expect(locate(city, at).inside?.code ?? null).toBe(inside);
  });

  it('breaks an exact tie on a shared edge by the lower code', () => {
    const west = grid('T-02', { lng: 116.968, lat: 35.402 }, box(116.966, 35.4, 116.97, 35.404));
    const east = grid('T-01', { lng: 116.972, lat: 35.402 }, box(116.97, 35.4, 116.974, 35.404));
    expect(locate([west, east], { lng: 116.97, lat: 35.402 }).inside?.code).toBe('T-01');
    expect(locate([east, west], { lng: 116.97, lat: 35.402 }).inside?.code).toBe('T-01');
  });

  it('lists the other grids nearest first when the point is inside one', () => {
    expect(codes(locate(city, { lng: 116.967, lat: 35.401 }))).toEqual({ inside: 'A-01', nearby: ['A-02', 'B-01'] });
  });

  it('outside all boundaries, answers the nearest centres in order with their distances in metres', () => {
    const r = locate(city, { lng: 116.977, lat: 35.402 });
    expect(codes(r)).toEqual({ inside: null, nearby: ['B-01', 'A-02', 'A-01'] });
    const metres = r.nearby.map((n) => n.distanceM);
    expect(metres.every(Number.isInteger)).toBe(true);
    expect(metres[0]).toBeGreaterThan(260); // 0.003° of longitude at 35.4° N ≈ 272 m
    expect(metres[0]).toBeLessThan(285);
    expect([...metres].sort((a, b) => a - b)).toEqual(metres);
  });

  it('with no boundaries at all, answers the nearest centres', () => {
    const bare = city.map((g) => ({ ...g, boundary: null }));
    expect(codes(locate(bare, { lng: 116.9716, lat: 35.402 }))).toEqual({ inside: null, nearby: ['A-02', 'A-01', 'B-01'] });
  });

  it('lists at most three, none farther than 10 km', () => {
    const r = locate(city, { lng: 117.29, lat: 35.5 });
    expect(codes(r)).toEqual({ inside: null, nearby: ['C-01'] });
    const many = Array.from({ length: 6 }, (_, i) => grid(`M-0${i}`, { lng: 116.97 + i * 0.001, lat: 35.4 }));
    expect(locate(many, { lng: 116.97, lat: 35.4 }).nearby.map((n) => n.grid.code)).toEqual(['M-00', 'M-01', 'M-02']);
  });

  it('never returns a retired grid, even one whose boundary holds the point or whose centre is nearest', () => {
    const retired = grid('R-01', { lng: 116.967, lat: 35.401 }, box(116.966, 35.4, 116.97, 35.404), 'retired');
    const r = locate([retired, EAST, LOOSE], { lng: 116.967, lat: 35.401 });
    expect(codes(r)).toEqual({ inside: null, nearby: ['A-02', 'B-01'] });
  });

  it('finds a grid without a centre by its boundary, and skips it when listing by distance', () => {
    const noCentre = grid('N-01', null, box(116.966, 35.4, 116.97, 35.404));
    expect(codes(locate([noCentre, LOOSE], { lng: 116.967, lat: 35.401 }))).toEqual({ inside: 'N-01', nearby: ['B-01'] });
    expect(codes(locate([noCentre, LOOSE], { lng: 116.99, lat: 35.401 }))).toEqual({ inside: null, nearby: ['B-01'] });
  });

  it('ignores a malformed boundary (an open ring) instead of failing', () => {
    const open: GeoPolygon = { type: 'Polygon', coordinates: [[[116.966, 35.4], [116.97, 35.4], [116.97, 35.404], [116.966, 35.404]]] };
    const r = locate([grid('O-01', { lng: 116.968, lat: 35.402 }, open)], { lng: 116.967, lat: 35.401 });
    expect(codes(r)).toEqual({ inside: null, nearby: ['O-01'] });
  });
});
