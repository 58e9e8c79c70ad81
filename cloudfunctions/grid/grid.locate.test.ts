import { demo, LocalCloud } from '../../tests/support/localCloud';

// 平阳社区 (GS01) has drawn its grids' boundaries in the demo; the other communities have not.
const bounded = demo.grids.find((g) => g.code === 'GS-0102')!;
const [[west, south], , [east, north]] = bounded.boundary!.coordinates[0];
const unbounded = demo.grids.find((g) => g.code === 'QQ-0202')!;

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await LocalCloud.start();
});
afterAll(() => cloud.stop());

describe('grid.locate', () => {
  it('answers the grid whose boundary holds the point, with the grids around it', async () => {
    const at = { latitude: (south + north) / 2, longitude: (west + east) / 2 };
    const { body } = await cloud.call('grid', { action: 'locate', ...at });
    expect(body.ok).toBe(true);
    expect(body.data.inside).toEqual({ code: 'GS-0102', name: bounded.name, community: '平阳社区', street: '钢山街道' });
    expect(body.data.nearby.map((n: { code: string }) => n.code)).not.toContain('GS-0102');
    expect(body.data.nearby).toHaveLength(3);
  });

  it('outside every boundary, answers the nearest grids by centre, distances increasing', async () => {
    const at = { latitude: unbounded.centre!.lat + 0.0002, longitude: unbounded.centre!.lng };
    const { body } = await cloud.call('grid', { action: 'locate', ...at });
    expect(body.data.inside).toBeNull();
    const nearby: Array<{ code: string; distanceM: number; community: string; street: string }> = body.data.nearby;
    expect(nearby).toHaveLength(3);
    expect(nearby[0]).toMatchObject({ code: 'QQ-0202', community: '千泉社区', street: '千泉街道' });
    expect(nearby[0].distanceM).toBeGreaterThanOrEqual(21); // 0.0002° of latitude ≈ 22 m
    expect(nearby[0].distanceM).toBeLessThanOrEqual(23);
    for (let i = 1; i < nearby.length; i++) expect(nearby[i].distanceM).toBeGreaterThan(nearby[i - 1].distanceM);
  });

  it('finds nothing near a point in another city', async () => {
    const { body } = await cloud.call('grid', { action: 'locate', latitude: 39.9087, longitude: 116.3975 });
    expect(body).toEqual({ ok: true, data: { inside: null, nearby: [] } });
  });

  it.each([
    ['a latitude beyond 90', { latitude: 200, longitude: 116.97 }],
    ['a longitude beyond 180', { latitude: 35.4, longitude: -181 }],
    ['an operator object where a number belongs', { latitude: { $gt: 0 }, longitude: 116.97 }],
    ['a number sent as text', { latitude: '35.4', longitude: 116.97 }],
    ['no longitude', { latitude: 35.4 }],
  ])('refuses %s as INVALID_INPUT with a Chinese message', async (_, input) => {
    const { body } = await cloud.call('grid', { action: 'locate', ...input });
    expect(body.ok).toBe(false);
    expect(body.code).toBe('INVALID_INPUT');
    expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('reads every active grid’s place in one database round trip', async () => {
    const { roundTrips } = await cloud.call('grid', { action: 'locate', latitude: 35.402, longitude: 116.9685 });
    expect(roundTrips).toBe(1);
  });
});
