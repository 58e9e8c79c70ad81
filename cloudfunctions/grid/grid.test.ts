import { SEARCH_PAGE_SIZE } from '../../types/grid';
import { demo, LocalCloud } from '../../tests/support/localCloud';

const grid = demo.grids.find((g) => g.code === 'GS-0101')!;
const chief = demo.staff.find((s) => s._id === grid.chiefId)!;
const worker = demo.staff.find((s) => s._id === grid.workerIds[0])!;
const otherGrid = demo.grids.find((g) => g.code === 'QQ-0101')!;
const resident = demo.demoResidents[0].openid;

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await LocalCloud.start();
});
afterAll(() => cloud.stop());

describe('grid.resolve', () => {
  it('shows the grid of a scanned code with its community, street, chief, workers, station and notices', async () => {
    const { body } = await cloud.call('grid', { action: 'resolve', code: grid.code });
    expect(body.ok).toBe(true);
    const page = body.data;
    expect(page.grid).toMatchObject({ code: 'GS-0101', name: grid.name, kind: 'urban', kindLabel: '城镇社区网格' });
    expect(page.community.name).toBe('平阳社区');
    expect(page.street).toMatchObject({ name: '钢山街道', brand: '管得宽' });
    expect(page.chief).toMatchObject({ id: chief._id, name: chief.name, title: '网格长' });
    expect(page.workers.map((w: { name: string }) => w.name)).toEqual([worker.name]);
    expect(page.station).toEqual(grid.station);
    // the grid's own, its community's and its street's notices; pinned first, then newest
    expect(page.notices.map((n: { id: string }) => n.id)).toEqual(['notice-GS-1', 'notice-GS-0101-1', 'notice-GS01-1']);
  });

  it('masks every phone number and never sends a full one', async () => {
    const { body } = await cloud.call('grid', { action: 'resolve', code: grid.code });
    expect(body.data.chief.phoneMasked).toBe(`${chief.phone.slice(0, 3)}****${chief.phone.slice(-4)}`);
    const text = JSON.stringify(body);
    for (const s of [chief, worker]) expect(text).not.toContain(s.phone);
  });

  it('does not show another grid’s or another street’s notices', async () => {
    const { body } = await cloud.call('grid', { action: 'resolve', code: otherGrid.code });
    expect(body.data.notices.map((n: { id: string }) => n.id)).toEqual(['notice-QQ-1']);
  });

  it('accepts a code typed in lower case with spaces', async () => {
    const { body } = await cloud.call('grid', { action: 'resolve', code: '  gs-0101 ' });
    expect(body.data.grid.code).toBe('GS-0101');
  });

  it('answers an unknown code with NOT_FOUND and a message naming the code', async () => {
    const { body } = await cloud.call('grid', { action: 'resolve', code: 'ZZ-9999' });
    expect(body).toEqual({ ok: false, code: 'NOT_FOUND', message: '没有找到网格码 ZZ-9999 对应的网格' });
  });

  it.each([
    ['an operator object where the code belongs', { $ne: null }],
    ['a regex operator', { $regex: '.*' }],
    ['characters a scene cannot carry', 'GS 01<script>'],
    ['a code longer than 20 characters', 'GS-0101-0101-0101-0101'],
    ['no code at all', undefined],
  ])('refuses %s as INVALID_INPUT with a Chinese message', async (_, code) => {
    const { body } = await cloud.call('grid', { action: 'resolve', code });
    expect(body.ok).toBe(false);
    expect(body.code).toBe('INVALID_INPUT');
    expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('reads the page in two database round trips', async () => {
    const { roundTrips } = await cloud.call('grid', { action: 'resolve', code: grid.code });
    expect(roundTrips).toBe(2);
  });
});

describe('grid.search', () => {
  const codes = (body: { data: { items: Array<{ code: string }> } }) => body.data.items.map((h) => h.code);
  const gridsOf = (filter: (g: (typeof demo.grids)[number]) => boolean) =>
    demo.grids.filter((g) => g.status === 'active' && filter(g)).map((g) => g.code).sort();
  const communityOf = (name: string) => demo.communities.find((c) => c.name === name)!;
  const streetOf = (name: string) => demo.streets.find((s) => s.name === name)!;

  it('finds grids by part of their name, with community and street', async () => {
    const { body } = await cloud.call('grid', { action: 'search', keyword: '匡庄' });
    expect(codes(body)).toEqual(['FS-0301', 'FS-0302', 'FS-0303', 'FS-0304']);
    expect(body.data.items[0]).toMatchObject({ community: '匡庄村', street: '凫山街道' });
    expect(body.data.cursor).toBeNull();
  });

  it.each([
    ['a community whose office-building grid is named for the building', '护驾山社区', 'GS-0204'],
    ['a community whose shopping-street grid is named for the street', '千泉社区', 'QQ-0204'],
    ['a community whose market grid is named for the market', '太平社区', 'QQ-0304'],
  ])('finds every grid of %s, of every kind', async (_, community, namedOtherwise) => {
    const { body } = await cloud.call('grid', { action: 'search', keyword: community });
    const expected = gridsOf((g) => g.communityId === communityOf(community)._id);
    expect(codes(body)).toEqual(expected);
    expect(expected).toContain(namedOtherwise);
  });

  it.each([
    ['its full name', '钢山街道'],
    ['its short name', '钢山'],
    ['its brand', '管得宽'],
  ])('finds a street’s grids by %s', async (_, keyword) => {
    const { body } = await cloud.call('grid', { action: 'search', keyword });
    expect(codes(body)).toEqual(gridsOf((g) => g.streetId === streetOf('钢山街道')._id));
    expect(body.data.items.every((h: { street: string }) => h.street === '钢山街道')).toBe(true);
  });

  it.each([
    ['as printed', 'GS-0204'],
    ['in lower case', 'gs-0204'],
    ['full-width', 'ＧＳ－０２０４'],
    ['with an em dash', 'GS—0204'],
  ])('finds a grid by its code typed %s', async (_, keyword) => {
    const { body } = await cloud.call('grid', { action: 'search', keyword });
    expect(codes(body)).toEqual(['GS-0204']);
  });

  it('needs every word of the keyword to match (a street and a community)', async () => {
    const { body } = await cloud.call('grid', { action: 'search', keyword: '钢山　平阳' });
    expect(codes(body)).toEqual(['GS-0101', 'GS-0102', 'GS-0103', 'GS-0104']);
  });

  it('pages through every grid by code, each once, in one round trip a page', async () => {
    const expected = gridsOf((g) => g.name.includes('网格'));
    expect(expected.length).toBeGreaterThan(SEARCH_PAGE_SIZE);
    const first = await cloud.call('grid', { action: 'search', keyword: '网格' });
    expect(codes(first.body)).toEqual(expected.slice(0, SEARCH_PAGE_SIZE));
    expect(first.body.data.cursor).toBe(expected[SEARCH_PAGE_SIZE - 1]);
    expect(first.roundTrips).toBe(1);
    const next = await cloud.call('grid', { action: 'search', keyword: '网格', cursor: first.body.data.cursor });
    expect(codes(next.body)).toEqual(expected.slice(SEARCH_PAGE_SIZE));
    expect(next.body.data.cursor).toBeNull();
    expect(next.roundTrips).toBe(1);
  });

  it('treats regex characters in the keyword as plain text', async () => {
    const { body } = await cloud.call('grid', { action: 'search', keyword: '.*' });
    expect(body).toEqual({ ok: true, data: { items: [], cursor: null } });
  });

  it('refuses an empty keyword', async () => {
    const { body } = await cloud.call('grid', { action: 'search', keyword: '   ' });
    expect(body).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '请输入要查找的网格、社区或街道名称' });
  });

  it('refuses a cursor that is not a grid code', async () => {
    const { body } = await cloud.call('grid', { action: 'search', keyword: '钢山', cursor: { $gt: '' } });
    expect(body).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});

describe('grid.callStaff', () => {
  it('gives a signed-in user the full number of the grid’s chief', async () => {
    const { body } = await cloud.call('grid', { action: 'callStaff', code: grid.code, staffId: chief._id }, resident);
    expect(body).toEqual({ ok: true, data: { name: chief.name, phone: chief.phone } });
  });

  it('needs an identity from the platform, whatever the event claims', async () => {
    const { body } = await cloud.call('grid', { action: 'callStaff', code: grid.code, staffId: chief._id, openid: resident, userInfo: { openId: resident } });
    expect(body.code).toBe('UNAUTHENTICATED');
  });

  it('does not reveal staff of another grid through this grid’s code', async () => {
    const { body } = await cloud.call('grid', { action: 'callStaff', code: grid.code, staffId: otherGrid.chiefId }, resident);
    expect(body.code).toBe('NOT_FOUND');
  });
});

describe('the grid function', () => {
  it('refuses an unknown action', async () => {
    const { body } = await cloud.call('grid', { action: 'dropAll' });
    expect(body).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});
