/**
 * Retired and merged grids (DESIGN §1.1): street staff over a grid retire it or merge it into
 * another; its sign then answers with a refusal naming where to go, `grid.successor` gives the
 * page its "前往", and its appeals stay where they were.
 */
import { appeal, expectRefusal, fileAppeal, gridOf, newResident, okData, streetOf, type Body } from '../../tests/support/appealKit';
import { LocalCloud } from '../../tests/support/localCloud';

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await LocalCloud.start();
});
afterAll(() => cloud.stop());

const grid = async (action: string, params: object, openid?: string): Promise<Body> =>
  (await cloud.call<Body>('grid', { action, ...params }, openid)).body;

describe('retiring a grid', () => {
  it('street staff merge a grid: resolve refuses naming the successor, successor points there, its appeals stay', async () => {
    const resident = newResident();
    const filed = await fileAppeal(cloud, resident, { gridCode: 'GS-0202' });
    const into = gridOf('GS-0201');

    expect(okData(await grid('retire', { code: 'GS-0202', mergedInto: 'gs-0201' }, streetOf('GS-0202')))).toEqual({
      code: 'GS-0202',
      status: 'retired',
      mergedInto: 'GS-0201',
    });
    expect(await grid('resolve', { code: 'GS-0202' })).toEqual({ ok: false, code: 'NOT_FOUND', message: `网格 GS-0202 已并入 GS-0201（${into.name}）` });
    expect(okData(await grid('successor', { code: 'GS-0202' }))).toEqual({ code: 'GS-0201', name: into.name });

    const still = okData(await appeal(cloud, resident, 'detail', { id: filed.id }));
    expect(still).toMatchObject({ gridCode: 'GS-0202', content: filed.content });
  });

  it('a simply retired grid is named as retired and has no successor', async () => {
    okData(await grid('retire', { code: 'GS-0203' }, streetOf('GS-0203')));
    expect(await grid('resolve', { code: 'GS-0203' })).toEqual({ ok: false, code: 'NOT_FOUND', message: '网格 GS-0203 已撤销' });
    expect(okData(await grid('successor', { code: 'GS-0203' }))).toBeNull();
  });

  it('an active or unknown grid has no successor', async () => {
    expect(okData(await grid('successor', { code: 'GS-0101' }))).toBeNull();
    expect(okData(await grid('successor', { code: 'ZZ-9999' }))).toBeNull();
  });

  it('merges chain: a grid merged into one later merged on leads to the active one', async () => {
    okData(await grid('retire', { code: 'GS-0302', mergedInto: 'GS-0303' }, streetOf('GS-0302')));
    okData(await grid('retire', { code: 'GS-0303', mergedInto: 'GS-0304' }, streetOf('GS-0303')));
    expect(okData(await grid('successor', { code: 'GS-0302' }))).toEqual({ code: 'GS-0304', name: gridOf('GS-0304').name });
    // search shows only the active one, by code and by name alike
    const found = async (keyword: string) => okData(await grid('search', { keyword })).items.map((g: { code: string }) => g.code);
    expect(await found('GS-030')).toEqual(expect.arrayContaining(['GS-0304']));
    expect(await found('GS-030')).not.toContain('GS-0302');
    expect(await found('GS-030')).not.toContain('GS-0303');
    expect(await found(gridOf('GS-0302').name)).not.toContain('GS-0302');
    // merging another grid into one merged away names where that one went
    expect(await grid('retire', { code: 'GS-0301', mergedInto: 'GS-0302' }, streetOf('GS-0301'))).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: `网格 GS-0302 已撤销，不能并入，它已并入 GS-0304（${gridOf('GS-0304').name}），请并入该网格`,
    });
    expect(okData(await grid('resolve', { code: 'GS-0301' })).grid.code).toBe('GS-0301');
  });

  it.each([
    ['the grid’s chief', `demo-chief-QQ-0301`],
    ['its community staff', `demo-community-${gridOf('QQ-0301').communityId}`],
    ['another street’s staff', streetOf('GS-0101')],
    ['a resident', 'demo-resident-1'],
  ])('%s may not retire it', async (_, openid) => {
    expectRefusal(await grid('retire', { code: 'QQ-0301' }, openid), 'FORBIDDEN');
    expect(okData(await grid('resolve', { code: 'QQ-0301' })).grid.code).toBe('QQ-0301');
  });

  it.each([
    ['an unknown grid', 'ZZ-9999', 'NOT_FOUND'],
    ['a retired grid', 'GS-0203', 'CONFLICT'],
    ['itself', 'QQ-0302', 'INVALID_INPUT'],
  ])('merging into %s is refused and the grid stays active', async (_, mergedInto, code) => {
    await grid('retire', { code: 'GS-0203' }, streetOf('GS-0203')); // retired (again: refused if the earlier test ran)
    expectRefusal(await grid('retire', { code: 'QQ-0302', mergedInto }, streetOf('QQ-0302')), code);
    expect(okData(await grid('resolve', { code: 'QQ-0302' })).grid.code).toBe('QQ-0302');
  });

  it('a grid retired once cannot be retired again', async () => {
    okData(await grid('retire', { code: 'QQ-0303' }, streetOf('QQ-0303')));
    expectRefusal(await grid('retire', { code: 'QQ-0303' }, streetOf('QQ-0303')), 'CONFLICT');
  });

  it('nobody signed in is UNAUTHENTICATED', async () => {
    expectRefusal(await grid('retire', { code: 'QQ-0304' }), 'UNAUTHENTICATED');
  });
});
