/**
 * A grid's WeChat group (DESIGN §1.5) against the local cloud: the grid's own staff set a group
 * QR (with its 7-day expiry) or a WeCom link; residents never see an expired QR; the sweep
 * reminds the chief once, the day before the QR lapses.
 */
import type { DB } from 'wx-server-sdk/index';
import { inShanghai } from '../domain/time';
import {
  chiefOf,
  devOutbox,
  expectRefusal,
  fireTimer,
  grantConsents,
  gridOf,
  newResident,
  okData,
  subscribeSends,
  uploadPhoto,
  workerOf,
  type Body,
} from '../../tests/support/appealKit';
import { demo, LocalCloud, openLocalCloud } from '../../tests/support/localCloud';

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => ({ cloud, db } = await openLocalCloud()));
afterAll(() => cloud.stop());

const grid = async (action: string, params: object, openid?: string): Promise<Body> =>
  (await cloud.call<Body>('grid', { action, ...params }, openid)).body;
const page = async (code: string, openid?: string) => okData(await grid('resolve', { code }, openid));
const storedGroupChat = async (code: string) =>
  ((await db.collection('grids').where({ code }).limit(1).get()) as unknown as { data: Array<{ groupChat?: unknown }> }).data[0].groupChat ?? null;

/** 'YYYY-MM-DD' in Zoucheng, `days` from today. */
const day = (days: number) => inShanghai(new Date()).add(days, 'day').format('YYYY-MM-DD');

describe('setting the grid group', () => {
  it('a chief sets a QR generated today: resolve shows it with its expiry 7 days on', async () => {
    const fileID = await uploadPhoto(cloud, chiefOf('GS-0101'), 'groupQr', 'group.jpg');
    const set = okData(await grid('setGroupChat', { code: 'GS-0101', kind: 'qr', fileID, generatedOn: day(0) }, chiefOf('GS-0101')));
    const expected = { kind: 'qr', image: fileID, expiresAt: inShanghai(new Date()).startOf('day').add(7, 'day').toDate().toISOString() };
    expect(set).toEqual(expected);
    expect((await page('GS-0101', newResident())).groupChat).toEqual(expected);
  });

  it('only the grid’s own staff are told they may set it', async () => {
    expect((await page('GS-0101', chiefOf('GS-0101'))).canSetGroupChat).toBe(true);
    expect((await page('GS-0101', workerOf('GS-0101'))).canSetGroupChat).toBe(true);
    expect((await page('GS-0101', chiefOf('GS-0102'))).canSetGroupChat).toBe(false);
    expect((await page('GS-0101', newResident())).canSetGroupChat).toBe(false);
    expect((await page('GS-0101')).canSetGroupChat).toBe(false);
  });

  it('a QR generated 8 days ago is refused and never shows', async () => {
    const fileID = await uploadPhoto(cloud, chiefOf('GS-0102'), 'groupQr', 'old.jpg');
    expectRefusal(await grid('setGroupChat', { code: 'GS-0102', kind: 'qr', fileID, generatedOn: day(-8) }, chiefOf('GS-0102')), 'INVALID_INPUT');
    expect(await storedGroupChat('GS-0102')).toBeNull();
    expect((await page('GS-0102')).groupChat).toBeNull();
  });

  it('a QR that expires after it was set is no longer shown', async () => {
    const fileID = await uploadPhoto(cloud, workerOf('GS-0103'), 'groupQr', 'lapsing.jpg');
    okData(await grid('setGroupChat', { code: 'GS-0103', kind: 'qr', fileID }, workerOf('GS-0103')));
    expect((await page('GS-0103')).groupChat).toMatchObject({ kind: 'qr', image: fileID });
    // eight days pass
    await db.collection('grids').where({ code: 'GS-0103' }).update({ data: { 'groupChat.expiresAt': new Date(Date.now() - 86_400_000) } });
    expect((await page('GS-0103')).groupChat).toBeNull();
  });

  it('a WeCom link replaces a QR whole and shows as is; clearing removes it', async () => {
    const url = 'https://work.weixin.qq.com/gm/3f5c0a1b2c3d4e5f';
    okData(await grid('setGroupChat', { code: 'GS-0104', kind: 'qr', fileID: await uploadPhoto(cloud, chiefOf('GS-0104'), 'groupQr', 'before.jpg') }, chiefOf('GS-0104')));
    expect(okData(await grid('setGroupChat', { code: 'GS-0104', kind: 'wecom', url }, chiefOf('GS-0104')))).toEqual({ kind: 'wecom', url });
    expect((await page('GS-0104')).groupChat).toEqual({ kind: 'wecom', url });
    expect(await storedGroupChat('GS-0104')).not.toHaveProperty('fileID');
    expect(okData(await grid('clearGroupChat', { code: 'GS-0104' }, chiefOf('GS-0104')))).toBeNull();
    expect((await page('GS-0104')).groupChat).toBeNull();
  });

  it.each([
    ['another grid’s chief', chiefOf('QQ-0101'), 'FORBIDDEN'],
    ['a resident', 'demo-resident-1', 'FORBIDDEN'],
    ['community staff above the grid', `demo-community-${gridOf('GS-0201').communityId}`, 'FORBIDDEN'],
    ['nobody signed in', undefined, 'UNAUTHENTICATED'],
  ])('%s may not set or clear it (%s), and nothing is written', async (_, openid, code) => {
    const url = 'https://work.weixin.qq.com/gm/intruder';
    expectRefusal(await grid('setGroupChat', { code: 'GS-0201', kind: 'wecom', url }, openid), code);
    expectRefusal(await grid('clearGroupChat', { code: 'GS-0201' }, openid), code);
    expect(await storedGroupChat('GS-0201')).toBeNull();
  });

  it.each([
    ['an http link', { kind: 'wecom', url: 'http://work.weixin.qq.com/gm/abc' }],
    ['a link longer than 500 characters', { kind: 'wecom', url: `https://work.weixin.qq.com/${'a'.repeat(480)}` }],
    ['a javascript: link', { kind: 'wecom', url: 'javascript:alert(1)' }],
    ['an object where the fileID belongs', { kind: 'qr', fileID: { $ne: null } }],
    ['a fileID that was not uploaded', { kind: 'qr', fileID: 'https://evil.example.com/qr.jpg' }],
    ['a date that is not a date', { kind: 'qr', fileID: 'cloud://local-env.1/g.jpg', generatedOn: '2026/11/20' }],
    ['a generation date in the future', { kind: 'qr', fileID: 'cloud://local-env.1/g.jpg', generatedOn: day(2) }],
    ['an unknown kind', { kind: 'qq', url: 'https://qq.com' }],
  ])('refuses %s as INVALID_INPUT and writes nothing', async (_, params) => {
    expectRefusal(await grid('setGroupChat', { code: 'GS-0202', ...params }, chiefOf('GS-0202')), 'INVALID_INPUT');
    expect(await storedGroupChat('GS-0202')).toBeNull();
  });
});

describe('the QR expiry reminder', () => {
  it('the sweep sends the chief exactly one reminder the day before the QR lapses', async () => {
    const code = 'GS-0301';
    const chief = chiefOf(code);
    const fileID = await uploadPhoto(cloud, chief, 'groupQr', 'soon.jpg');
    // tomorrow noon in Zoucheng: tomorrow is its last day, so today is the day before
    const expiresAt = inShanghai(new Date()).add(1, 'day').hour(12).minute(0).second(0).millisecond(0).toDate().toISOString();
    okData(await grid('setGroupChat', { code, kind: 'qr', fileID, expiresAt }, chief));
    await grantConsents(cloud, chief, ['groupQrExpiry', 'groupQrExpiry']);

    expect(okData(await fireTimer(cloud, 'timers'))).toMatchObject({ reminded: 1 });
    expect(okData(await fireTimer(cloud, 'timers'))).toMatchObject({ reminded: 0 });

    const templateId = demo.settings.find((s) => s._id === 'templates')!.groupQrExpiry;
    const sends = subscribeSends(await devOutbox(cloud), chief).filter((s) => s.params.template_id === templateId);
    expect(sends).toHaveLength(1);
    expect(sends[0].params.page).toBe(`pages/grid/index?code=${code}`);
    expect(JSON.stringify(sends[0].params.data)).toContain(gridOf(code).name.slice(0, 10));
  });

  it('a QR with days left is not reminded of yet', async () => {
    const code = 'GS-0302';
    const fileID = await uploadPhoto(cloud, chiefOf(code), 'groupQr', 'fresh.jpg');
    okData(await grid('setGroupChat', { code, kind: 'qr', fileID, generatedOn: day(0) }, chiefOf(code)));
    await grantConsents(cloud, chiefOf(code), ['groupQrExpiry']);
    await fireTimer(cloud, 'timers');
    expect(subscribeSends(await devOutbox(cloud), chiefOf(code))).toEqual([]);
  });
});
