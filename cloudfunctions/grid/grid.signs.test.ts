/**
 * `grid.signs` against the local cloud: a street's printable signs ("一网一码") for its street
 * staff (community staff: their own community's), active grids only, in code order, naming the
 * bound chief or else the registry's, with the link or a mini-program code made once and kept.
 */
import type { DB } from 'wx-server-sdk/index';
import { gridLink } from '../../types/links';
import type { GridSign, StreetSigns } from '../../types/signs';
import { chiefOf, devOutbox, expectRefusal, okData, type Body } from '../../tests/support/appealKit';
import { demo, LocalCloud, openLocalCloud } from '../../tests/support/localCloud';
import { readQr } from '../../tests/support/qr';

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => ({ cloud, db } = await openLocalCloud()));
afterAll(() => cloud.stop());

const signs = (params: object, openid?: string) => cloud.call<Body<StreetSigns>>('grid', { action: 'signs', ...params }, openid);
const codesOf = (sheet: StreetSigns) => sheet.signs.map((s) => s.code);
const demoCodes = (where: (g: (typeof demo.grids)[number]) => boolean) => demo.grids.filter(where).map((g) => g.code).sort();
const setGrid = (code: string, data: object) => db.collection('grids').where({ code }).update({ data });
const getUnlimitedCalls = async () => (await devOutbox(cloud)).filter((e) => e.api === 'wxacode.getUnlimited');

describe('who may print a street’s signs', () => {
  it('street staff get every active grid of their street in code order, as its sign prints it', async () => {
    const { body, roundTrips } = await signs({ streetId: 'QQ' }, 'demo-street-QQ');
    const sheet = okData(body);
    const street = demo.streets.find((s) => s._id === 'QQ')!;
    expect(sheet.street).toEqual({ id: 'QQ', name: street.name, brand: street.brand });
    expect(codesOf(sheet)).toEqual(demoCodes((g) => g.streetId === 'QQ'));
    for (const sign of sheet.signs) {
      const grid = demo.grids.find((g) => g.code === sign.code)!;
      const chief = demo.staff.find((s) => s._id === grid.chiefId)!;
      expect(sign).toEqual<GridSign>({
        code: grid.code,
        name: grid.name,
        community: demo.communities.find((c) => c._id === grid.communityId)!.name,
        chief: { name: chief.name, phone: chief.phone },
        station: grid.station,
        qr: { kind: 'link', link: gridLink(grid.code) },
      });
    }
    expect(roundTrips).toBe(2);
  });

  it('community staff get their own community’s grids only', async () => {
    const community = demo.communities.find((c) => c.streetId === 'QQ')!;
    const { body, roundTrips } = await signs({ streetId: 'QQ' }, `demo-community-${community._id}`);
    expect(codesOf(okData(body))).toEqual(demoCodes((g) => g.communityId === community._id));
    expect(roundTrips).toBe(2);
  });

  it.each([
    ['another street’s staff', 'demo-street-GS'],
    ['another street’s community staff', `demo-community-${demo.communities.find((c) => c.streetId === 'GS')!._id}`],
    ['a grid chief of the street', chiefOf('QQ-0101')],
    ['a resident', 'demo-resident-1'],
  ])('%s may not', async (_, openid) => {
    expectRefusal((await signs({ streetId: 'QQ' }, openid)).body, 'FORBIDDEN');
  });

  it('nobody signed in is UNAUTHENTICATED', async () => {
    expectRefusal((await signs({ streetId: 'QQ' })).body, 'UNAUTHENTICATED');
  });

  it('an unknown street is NOT_FOUND, whoever asks', async () => {
    const { body } = await signs({ streetId: 'ZZ' }, 'demo-street-ZZ');
    expect(body).toEqual({ ok: false, code: 'NOT_FOUND', message: '没有找到街道 ZZ' });
  });

  it('a street without active grids has nothing to print, and says so to its staff only', async () => {
    await db.collection('streets').add({ data: { _id: 'XS', name: '新设街道', brand: '新气象', categories: [] } });
    await db.collection('staff').add({
      data: { _id: 'street-XS', openid: 'demo-street-XS', name: '新主任', title: '主任', phone: '13800000000', avatar: null, roles: [{ role: 'street', streetId: 'XS' }] },
    });
    expect((await signs({ streetId: 'XS' }, 'demo-street-XS')).body).toEqual({ ok: false, code: 'NOT_FOUND', message: '新设街道没有在用的网格，没有码牌可打印' });
    expectRefusal((await signs({ streetId: 'XS' }, 'demo-street-QQ')).body, 'FORBIDDEN');
  });

  it.each([
    ['a malformed street id', { streetId: 'Q Q' }],
    ['an unknown kind of code', { streetId: 'QQ', qr: 'barcode' }],
  ])('%s is INVALID_INPUT', async (_, params) => {
    expectRefusal((await signs(params, 'demo-street-QQ')).body, 'INVALID_INPUT');
  });
});

describe('what the signs show', () => {
  it('retired grids get no sign', async () => {
    okData((await cloud.call<Body>('grid', { action: 'retire', code: 'GS-0204' }, 'demo-street-GS')).body);
    const sheet = okData((await signs({ streetId: 'GS' }, 'demo-street-GS')).body);
    expect(codesOf(sheet)).toEqual(demoCodes((g) => g.streetId === 'GS' && g.code !== 'GS-0204'));
  });

  it('the bound chief first, else the chief the registry names, else none yet', async () => {
    const bound = demo.staff.find((s) => s._id === demo.grids.find((g) => g.code === 'GS-0102')!.chiefId)!;
    const registered = { name: '孔繁登', phone: '13905370001' };
    await setGrid('GS-0101', { chiefId: null, roster: { chief: registered, workers: [] } });
    await setGrid('GS-0102', { roster: { chief: { name: '另一人', phone: '13905370002' }, workers: [] } });
    await setGrid('GS-0103', { chiefId: null });
    await setGrid('GS-0104', { chiefId: null, roster: { chief: null, workers: [{ name: '网格员甲', phone: '13905370003' }] } });

    const { body, roundTrips } = await signs({ streetId: 'GS' }, 'demo-street-GS');
    const chiefs = Object.fromEntries(okData(body).signs.map((s) => [s.code, s.chief]));
    expect(chiefs['GS-0101']).toEqual(registered);
    expect(chiefs['GS-0102']).toEqual({ name: bound.name, phone: bound.phone });
    expect(chiefs['GS-0103']).toBeNull();
    expect(chiefs['GS-0104']).toBeNull();
    expect(roundTrips).toBe(2);
  });
});

describe('mini-program codes', () => {
  it('are made once per grid, kept in storage and scan to the grid page with scene g=<code>', async () => {
    const before = (await getUnlimitedCalls()).length;
    const first = okData((await signs({ streetId: 'FS', qr: 'miniProgram' }, 'demo-street-FS')).body);
    const codes = demoCodes((g) => g.streetId === 'FS');
    expect(codesOf(first)).toEqual(codes);

    const made = (await getUnlimitedCalls()).slice(before);
    expect(made.map((e) => e.params.scene).sort()).toEqual(codes.map((c) => `g=${c}`));
    expect(new Set(made.map((e) => e.params.page))).toEqual(new Set(['pages/grid/index']));

    const scanned = await Promise.all(
      first.signs.map(async (sign) => {
        if (sign.qr.kind !== 'miniProgram') throw new Error(`${sign.code}: expected a mini-program code, got ${sign.qr.kind}`);
        const res = await fetch(sign.qr.url);
        expect(res.headers.get('content-type')).toMatch(/^image\/png/);
        return readQr(Buffer.from(await res.arrayBuffer()));
      }),
    );
    expect(scanned).toEqual(codes.map((c) => `scene=g%3D${c}&page=pages/grid/index`));

    const { body, roundTrips } = await signs({ streetId: 'FS', qr: 'miniProgram' }, 'demo-street-FS');
    const again = okData(body);
    expect((await getUnlimitedCalls()).length).toBe(before + codes.length);
    expect(again.signs.map((s) => s.qr.kind === 'miniProgram' && s.qr.fileID)).toEqual(first.signs.map((s) => s.qr.kind === 'miniProgram' && s.qr.fileID));
    // The two side by side, and one more for the stored codes.
    expect(roundTrips).toBe(3);
  });

  it('community staff reuse the codes their street already made', async () => {
    const community = demo.communities.find((c) => c.streetId === 'FS')!;
    okData((await signs({ streetId: 'FS', qr: 'miniProgram' }, 'demo-street-FS')).body);
    const before = (await getUnlimitedCalls()).length;
    const sheet = okData((await signs({ streetId: 'FS', qr: 'miniProgram' }, `demo-community-${community._id}`)).body);
    expect(codesOf(sheet)).toEqual(demoCodes((g) => g.communityId === community._id));
    expect((await getUnlimitedCalls()).length).toBe(before);
  });
});
