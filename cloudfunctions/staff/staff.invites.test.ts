/**
 * Staff invites (DESIGN §1.4): community and street staff invite a grid's chief or worker with a
 * one-time code; the invitee binds by redeeming it — against a local cloud.
 */
import type { DB } from 'wx-server-sdk/index';
import type { GridPage } from '../../types/grid';
import { PAGES } from '../../types/routes';
import type { Invite, InvitePreview, StaffBinding } from '../../types/staff';
import { appeal, chiefOf, communityOf, devOutbox, expectRefusal, fileAppeal, gridOf, me, newResident, okData, readAllPages, streetOf, workerOf, type Body } from '../../tests/support/appealKit';
import { count, readAll, readDoc } from '../../tests/support/cloudDb';
import { LocalCloud, openLocalCloud } from '../../tests/support/localCloud';
import { readQrAt } from '../../tests/support/qr';

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => ({ cloud, db } = await openLocalCloud()));
afterAll(() => cloud.stop());

const staff = async <T = any>(openid: string | undefined, action: string, params: object = {}): Promise<Body<T>> =>
  (await cloud.call<Body<T>>('staff', { action, ...params }, openid)).body;
const person = (name = '李新来') => ({ name, title: '网格员', phone: '13900001111' });
const inviteAs = async (openid: string, params: object) => okData(await staff<Invite>(openid, 'invite', params));
const gridPage = async (code: string) => okData((await cloud.call<Body<GridPage>>('grid', { action: 'resolve', code })).body);

describe('inviting and binding', () => {
  it('community staff invite a worker; the invitee redeems and serves that grid', async () => {
    const G = 'GS-0102';
    const { code, expiresAt } = await inviteAs(communityOf(G), { role: 'worker', gridCode: G, ...person('王小雨') });
    expect(code).toMatch(/^[A-HJ-KM-NP-Z2-9]{8}$/);
    expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(71 * 3600_000);
    expect(await readDoc(db, 'invites', code)).toMatchObject({ role: 'worker', gridId: gridOf(G)._id, usedBy: null, usedAt: null, issuedBy: expect.any(String) });

    const invitee = newResident('invitee');
    expect((await me(cloud, invitee)).role).toBe('resident');
    const bound = okData(await staff<StaffBinding>(invitee, 'redeem', { code: code.toLowerCase() }));
    expect(bound).toMatchObject({ role: 'worker', scope: gridOf(G).name });
    expect(await me(cloud, invitee)).toMatchObject({ role: 'worker', name: '王小雨', title: '网格员', scope: gridOf(G).name });
    expect((await gridPage(G)).workers.map((w) => w.id)).toContain(bound.staffId);
    expect((await gridPage(G)).workers.map((w) => w.name)).toContain('王小雨');
    expect(await readDoc(db, 'invites', code)).toMatchObject({ usedBy: invitee });
  });

  it('the invite carries its seat and a mini-program code, made once, that opens the join page with the code', async () => {
    const G = 'GS-0104';
    const invite = await inviteAs(communityOf(G), { role: 'chief', gridCode: G, ...person('李娜'), title: '网格长' });
    expect(invite.seat).toEqual({ role: 'chief', scope: gridOf(G).name, name: '李娜', title: '网格长' });
    expect(invite.qr).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(await readQrAt(invite.qr!)).toBe(`scene=${encodeURIComponent(`i=${invite.code}`)}&page=${PAGES.staffJoin}`);

    const made = (await devOutbox(cloud)).filter((e) => e.api === 'wxacode.getUnlimited' && e.params.scene === `i=${invite.code}`);
    expect(made).toHaveLength(1);
    expect(made[0].params.page).toBe(PAGES.staffJoin);
    expect(await count(db, 'miniCodes', { scene: `i=${invite.code}`, page: PAGES.staffJoin })).toBe(1);
  });

  it('the invitee sees the seat and who invited them before binding, never the phone; seeing binds nothing', async () => {
    const G = 'GS-0104';
    const { code, expiresAt } = await inviteAs(communityOf(G), { role: 'worker', gridCode: G, ...person('周预览') });
    const invitee = newResident('preview');
    const seen = okData(await staff<InvitePreview>(invitee, 'preview', { code: code.toLowerCase() }));
    expect(seen).toEqual({ role: 'worker', scope: gridOf(G).name, name: '周预览', title: '网格员', issuedBy: '黄丽娟', expiresAt });
    expect(JSON.stringify(seen)).not.toContain('13900001111');
    expect(await readDoc(db, 'invites', code)).toMatchObject({ usedBy: null });
    expect((await me(cloud, invitee)).role).toBe('resident');
    expectRefusal(await staff(undefined, 'preview', { code }), 'UNAUTHENTICATED');
  });

  it('a chief invite replaces the chief, who loses the grid’s inbox', async () => {
    const G = 'FS-0201';
    const oldChief = chiefOf(G);
    const filed = await fileAppeal(cloud, newResident('filer'), { gridCode: G });
    const inboxHas = async (openid: string) => (await readAllPages(cloud, openid, 'inbox')).items.some((a) => a.id === filed.id);
    expect(await inboxHas(oldChief)).toBe(true);

    const { code } = await inviteAs(streetOf(G), { role: 'chief', gridCode: G, ...person('赵新长'), title: '网格长' });
    const invitee = newResident('chief');
    const bound = okData(await staff<StaffBinding>(invitee, 'redeem', { code }));
    const page = await gridPage(G);
    expect(page.chief).toMatchObject({ id: bound.staffId, name: '赵新长' });
    expect((await me(cloud, invitee)).role).toBe('chief');

    const after = await appeal(cloud, oldChief, 'inbox');
    if (after.ok) expect(after.data.items).toEqual([]);
    else expectRefusal(after, 'FORBIDDEN');
    expect((await me(cloud, oldChief)).role).toBe('resident');
    expect(await inboxHas(invitee)).toBe(true);
  });

  it('street staff invite community staff; an existing staff member gains the role', async () => {
    const { code } = await inviteAs(streetOf('QQ-0101'), { role: 'community', communityId: 'QQ02', ...person('钱社区') });
    const worker = workerOf('QQ-0101');
    const before = await count(db, 'staff');
    okData(await staff(worker, 'redeem', { code }));
    expect(await count(db, 'staff')).toBe(before);
    expect((await me(cloud, worker)).role).toBe('community');
  });
});

describe('seats that change under an invite', () => {
  it('a worker invited to be the chief of their own grid holds the chief seat only, with the chief’s title', async () => {
    const G = 'GS-0202';
    const worker = workerOf(G);
    const { code } = await inviteAs(communityOf(G), { role: 'chief', gridCode: G, ...person('向保国'), title: '网格长' });
    const bound = okData(await staff<StaffBinding>(worker, 'redeem', { code }));
    const page = await gridPage(G);
    expect(page.chief).toMatchObject({ id: bound.staffId, title: '网格长' });
    expect(page.workers.map((w) => w.id)).not.toContain(bound.staffId);
    const team = okData(await staff(communityOf(G), 'team', { kind: 'grid', gridCode: G }));
    expect(team.members.filter((m: { staffId: string }) => m.staffId === bound.staffId).map((m: { role: string }) => m.role)).toEqual(['chief']);
    expect(await readDoc(db, 'staff', bound.staffId)).toMatchObject({ roles: [{ role: 'chief', gridId: gridOf(G)._id }], title: '网格长' });
  });

  it('the chief invited as a worker of the same grid leaves the chief seat empty', async () => {
    const G = 'GS-0203';
    const chief = chiefOf(G);
    const { code } = await inviteAs(communityOf(G), { role: 'worker', gridCode: G, ...person('原网格长'), title: '网格员' });
    const bound = okData(await staff<StaffBinding>(chief, 'redeem', { code }));
    const page = await gridPage(G);
    expect(page.chief?.id).not.toBe(bound.staffId);
    expect(page.workers.map((w) => w.id)).toContain(bound.staffId);
    expect((await readDoc(db, 'grids', gridOf(G)._id))!.chiefId).toBeNull();
  });

  it('an invite issued before its grid was retired binds no one, naming the grid it was merged into', async () => {
    const { code } = await inviteAs(communityOf('GS-0303'), { role: 'worker', gridCode: 'GS-0303', ...person('周迟到') });
    okData((await cloud.call<Body>('grid', { action: 'retire', code: 'GS-0303', mergedInto: 'GS-0301' }, streetOf('GS-0303'))).body);
    const invitee = newResident('late');
    const refusal = `网格 GS-0303 已并入 GS-0301（${gridOf('GS-0301').name}）`;
    expect(await staff(invitee, 'preview', { code })).toEqual({ ok: false, code: 'NOT_FOUND', message: refusal });
    expect(await staff(invitee, 'redeem', { code })).toEqual({ ok: false, code: 'NOT_FOUND', message: refusal });
    expect(await readDoc(db, 'invites', code)).toMatchObject({ usedBy: null });
    expect((await me(cloud, invitee)).role).toBe('resident');
  });
});

describe('misuse', () => {
  it.each([
    ['name', { name: '赌博王' }],
    ['title', { title: '枪支网格员' }],
  ])('an invite whose %s WeChat calls risky is CONTENT_RISKY and nothing is stored (it would show on the grid page)', async (_, words) => {
    const before = await count(db, 'invites');
    const body = await staff(communityOf('GS-0104'), 'invite', { role: 'worker', gridCode: 'GS-0104', ...person(), ...words });
    expectRefusal(body, 'CONTENT_RISKY');
    expect(await count(db, 'invites')).toBe(before);
  });

  const G = 'GS-0201';
  const invite = () => inviteAs(communityOf(G), { role: 'worker', gridCode: G, ...person() });

  it.each(['redeem', 'preview'])('a used code is CONFLICT (%s)', async (action) => {
    const { code } = await invite();
    okData(await staff(newResident(), 'redeem', { code }));
    const again = await staff(newResident(), action, { code });
    expectRefusal(again, 'CONFLICT');
    expect((again as { message: string }).message).toBe('邀请码已被使用');
  });

  it.each(['redeem', 'preview'])('an expired code is CONFLICT and binds no one (%s)', async (action) => {
    const { code } = await invite();
    await db.collection('invites').doc(code).update({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const who = newResident();
    const body = await staff(who, action, { code });
    expectRefusal(body, 'CONFLICT');
    expect((body as { message: string }).message).toBe('邀请码已过期');
    expect(await count(db, 'staff', { openid: who })).toBe(0);
  });

  it.each(['redeem', 'preview'])('an unknown code is NOT_FOUND (%s)', async (action) => {
    const body = await staff(newResident(), action, { code: 'ABCDEFGH' });
    expectRefusal(body, 'NOT_FOUND');
    expect((body as { message: string }).message).toBe('邀请码不存在');
  });

  it.each<[string, string | undefined, object, string]>([
    ['community staff → another community’s grid', communityOf(G), { role: 'worker', gridCode: 'GS-0101' }, 'FORBIDDEN'],
    ['community staff → community staff', communityOf(G), { role: 'community', communityId: 'GS02' }, 'FORBIDDEN'],
    ['street staff → another street’s grid', streetOf(G), { role: 'chief', gridCode: 'QQ-0101' }, 'FORBIDDEN'],
    ['a chief → own grid', chiefOf(G), { role: 'worker', gridCode: G }, 'FORBIDDEN'],
    ['a resident', newResident(), { role: 'worker', gridCode: G }, 'FORBIDDEN'],
    ['no identity', undefined, { role: 'worker', gridCode: G }, 'UNAUTHENTICATED'],
  ])('%s: %s', async (_, openid, params, expected) => {
    const before = await count(db, 'invites');
    expectRefusal(await staff(openid, 'invite', { ...params, ...person() }), expected);
    expect(await count(db, 'invites')).toBe(before);
  });

  it('two people redeeming one code at once: one binds, the other gets CONFLICT', async () => {
    const { code } = await invite();
    const [a, b] = [newResident('race'), newResident('race')];
    const bodies = await Promise.all([staff(a, 'redeem', { code }), staff(b, 'redeem', { code })]);
    expect(bodies.filter((x) => x.ok)).toHaveLength(1);
    expectRefusal(bodies.find((x) => !x.ok)!, 'CONFLICT');
    expect((await count(db, 'staff', { openid: a })) + (await count(db, 'staff', { openid: b }))).toBe(1);
  });

  it('one person redeeming two codes at once keeps both seats', async () => {
    const person2 = newResident('two-seats');
    const workerAt = async (gridCode: string) => (await inviteAs(communityOf(gridCode), { role: 'worker', gridCode, ...person() })).code;
    okData(await staff(person2, 'redeem', { code: await workerAt('GS-0202') }));
    const codes = await Promise.all(['GS-0203', 'GS-0204'].map(workerAt));
    const bodies = await Promise.all(codes.map((code) => staff(person2, 'redeem', { code })));
    expect(bodies.every((b) => b.ok)).toBe(true);
    const [record] = await readAll(db, 'staff', { openid: person2 });
    const gridIds = record.roles.map((r: { gridId: string }) => r.gridId).sort();
    expect(gridIds).toEqual(['grid-GS-0202', 'grid-GS-0203', 'grid-GS-0204']);
  });

  it.each<[string, string, object]>([
    ['an operator object as the code', 'redeem', { code: { $ne: null } }],
    ['a code of the wrong shape', 'redeem', { code: 'ABC0O1IL' }],
    ['a missing name', 'invite', { role: 'worker', gridCode: G, title: '网格员', phone: '13900001111' }],
    ['an unknown role', 'invite', { role: 'street', gridCode: G, ...person() }],
    ['an operator object as the grid', 'invite', { role: 'worker', gridCode: { $regex: '.*' }, ...person() }],
  ])('%s: INVALID_INPUT, nothing written', async (_, action, params) => {
    const [invites, people] = [await count(db, 'invites'), await count(db, 'staff')];
    expectRefusal(await staff(communityOf(G), action, params), 'INVALID_INPUT');
    expect(await count(db, 'invites')).toBe(invites);
    expect(await count(db, 'staff')).toBe(people);
  });
});

describe('unbinding', () => {
  it('community staff remove a worker from their grid; out of scope is FORBIDDEN', async () => {
    const G = 'GS-0103';
    const workerId = gridOf(G).workerIds[0];
    expectRefusal(await staff(communityOf('GS-0201'), 'unbind', { staffId: workerId, role: 'worker', gridCode: G }), 'FORBIDDEN');
    expectRefusal(await staff(chiefOf(G), 'unbind', { staffId: workerId, role: 'worker', gridCode: G }), 'FORBIDDEN');
    expect((await gridPage(G)).workers.map((w) => w.id)).toContain(workerId);

    expect(okData(await staff(communityOf(G), 'unbind', { staffId: workerId, role: 'worker', gridCode: G }))).toEqual({ staffId: workerId, role: 'worker', unbound: true });
    expect((await gridPage(G)).workers.map((w) => w.id)).not.toContain(workerId);
    expect((await me(cloud, workerOf(G))).role).toBe('resident');
    expectRefusal(await staff(communityOf(G), 'unbind', { staffId: workerId, role: 'worker', gridCode: G }), 'NOT_FOUND');
  });

  it('street staff remove a chief: the grid has none', async () => {
    const G = 'QQ-0302';
    const chiefId = gridOf(G).chiefId!;
    okData(await staff(streetOf(G), 'unbind', { staffId: chiefId, role: 'chief', gridCode: G }));
    expect((await gridPage(G)).chief).toBeNull();
  });
});
