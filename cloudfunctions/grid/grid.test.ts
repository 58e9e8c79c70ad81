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
  it('finds grids by part of their name, with community and street', async () => {
    const { body } = await cloud.call('grid', { action: 'search', keyword: '匡庄' });
    expect(body.ok).toBe(true);
    expect(body.data.map((h: { code: string }) => h.code)).toEqual(['FS-0301', 'FS-0302', 'FS-0303', 'FS-0304']);
    expect(body.data[0]).toMatchObject({ community: '匡庄村', street: '凫山街道' });
  });

  it('treats regex characters in the keyword as plain text', async () => {
    const { body } = await cloud.call('grid', { action: 'search', keyword: '.*' });
    expect(body).toEqual({ ok: true, data: [] });
  });

  it('refuses an empty keyword', async () => {
    const { body } = await cloud.call('grid', { action: 'search', keyword: '   ' });
    expect(body).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '请输入要查找的网格、社区或街道名称' });
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
