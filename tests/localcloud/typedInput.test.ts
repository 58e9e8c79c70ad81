/**
 * Codes and phones as people type them (a Chinese input method in full-width mode, a dash of any
 * kind, lower case, pasted with invisible characters) reach the functions and mean what they
 * would mean typed in ASCII: at every boundary, checked by what is stored and shown.
 */
import { appeal, appealInput, chiefOf, communityOf, fileAppeal, newResident, okData, type Body } from '../support/appealKit';
import { LocalCloud } from '../support/localCloud';

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await LocalCloud.start();
});
afterAll(() => cloud.stop());

const call = async (fn: string, action: string, params: object, openid?: string) => (await cloud.call<Body>(fn, { action, ...params }, openid)).body;

/** `GS-0101` as it arrives typed: the kinds of typing, each a row. */
const GS_0101_TYPED: Array<[string, string]> = [
  ['full-width (Chinese input method)', 'ＧＳ－０１０１'],
  ['full-width lower case', 'ｇｓ－０１０１'],
  ['an em dash', 'GS—0101'],
  ['two em dashes (shift+minus in a Chinese input method)', 'GS——0101'],
  ['a minus sign', 'GS−0101'],
  ['ideographic spaces around', '\u3000GS-0101\u3000'],
  ['a zero-width space pasted from a web page', 'GS-0101\u200B'],
  ['no dash', 'GS0101'],
  ['no dash, lower case', 'gs0101'],
  ['a space for the dash', 'GS 0101'],
];

/** `13900000001` as it arrives typed. */
const MOBILE_TYPED: Array<[string, string]> = [
  ['full-width digits', '１３９０００００００１'],
  ['full-width +86 with spaces', '＋８６ １３９ ００００ ０００１'],
  ['grouped with full-width dashes', '１３９－００００－０００１'],
  ['a zero-width space inside', '139\u200B0000\u200B0001'],
];

describe('grid.resolve', () => {
  it.each(GS_0101_TYPED)('finds GS-0101 typed with %s', async (_, code) => {
    expect(okData(await call('grid', 'resolve', { code })).grid.code).toBe('GS-0101');
  });
});

describe('grid.search', () => {
  it.each(GS_0101_TYPED)('finds GS-0101 by its code typed with %s', async (_, keyword) => {
    expect(okData(await call('grid', 'search', { keyword })).items.map((h: { code: string }) => h.code)).toEqual(['GS-0101']);
  });

  it('finds a community by its name typed with a zero-width space and full-width spaces', async () => {
    const items = okData(await call('grid', 'search', { keyword: '\u3000平阳\u200B社区\u3000' })).items;
    expect(items.map((h: { code: string }) => h.code)).toEqual(['GS-0101', 'GS-0102', 'GS-0103', 'GS-0104']);
  });
});

describe('grid.callStaff', () => {
  it('gives the number behind a grid code typed full-width', async () => {
    const page = okData(await call('grid', 'resolve', { code: 'GS-0101' }));
    expect(okData(await call('grid', 'callStaff', { code: 'ＧＳ－０１０１', staffId: page.chief.id }, newResident())).name).toBe(page.chief.name);
  });
});

describe('appeal.submit', () => {
  it.each(GS_0101_TYPED)('files to GS-0101 typed with %s', async (_, gridCode) => {
    const filed = await fileAppeal(cloud, newResident(), { gridCode });
    expect(filed.gridCode).toBe('GS-0101');
  });

  it.each(MOBILE_TYPED)('stores a contact phone typed with %s as its 11 digits, as the chief sees it', async (_, contactPhone) => {
    const filed = await fileAppeal(cloud, newResident(), { gridCode: 'ＧＳ－０１０１', contactPhone });
    expect(okData(await appeal(cloud, chiefOf('GS-0101'), 'detail', { id: filed.id })).contactPhone).toBe('13900000001');
  });

  it('stores a landline typed with full-width brackets and dash as 0537-1234567', async () => {
    const filed = await fileAppeal(cloud, newResident(), { contactPhone: '（０５３７）１２３４５６７' });
    expect(okData(await appeal(cloud, chiefOf('GS-0101'), 'detail', { id: filed.id })).contactPhone).toBe('0537-1234567');
  });

  it('still refuses a phone that is not one, with its message', async () => {
    expect(await appeal(cloud, newResident(), 'submit', appealInput({ contactPhone: '１３９００' }))).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '联系电话格式不正确',
    });
  });
});

describe('appeal.transfer', () => {
  it('moves the appeal to a grid code typed full-width in lower case', async () => {
    const resident = newResident();
    const filed = await fileAppeal(cloud, resident, { gridCode: 'GS-0101' });
    const moved = okData(await appeal(cloud, chiefOf('GS-0101'), 'transfer', { id: filed.id, toGridCode: 'ｇｓ－０１０２', reason: '属于第二网格' }));
    expect(moved.gridCode).toBe('GS-0102');
    expect(okData(await appeal(cloud, resident, 'detail', { id: filed.id })).gridCode).toBe('GS-0102');
  });
});

describe('staff.invite, preview and redeem', () => {
  it('invites to a grid code and a phone typed full-width; the invitee types the code full-width in lower case', async () => {
    const inviter = communityOf('GS-0103');
    const invite = okData(
      await call('staff', 'invite', { role: 'worker', gridCode: 'ＧＳ－０１０３', name: '周新', title: '专职网格员', phone: '＋８６ １３９ ００００ ０００２' }, inviter),
    );
    expect(invite.seat).toMatchObject({ role: 'worker', scope: '平阳社区第三网格' });

    const invitee = newResident();
    const typed = invite.code.toLowerCase().replace(/[a-z0-9]/g, (c: string) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(okData(await call('staff', 'preview', { code: typed }, invitee))).toMatchObject({ role: 'worker', name: '周新' });
    expect(okData(await call('staff', 'redeem', { code: ` ${typed}\u200B` }, invitee))).toMatchObject({ role: 'worker' });

    const team = okData(await call('staff', 'team', { kind: 'grid', gridCode: 'ｇｓ－０１０３' }, inviter));
    expect(team.members).toContainEqual(expect.objectContaining({ name: '周新', phone: '13900000002' }));
  });

  it('reads an invite code written in two groups with a dash, and a name typed with a space between its characters', async () => {
    const invite = okData(await call('staff', 'invite', { role: 'worker', gridCode: 'GS-0104', name: '\u3000周\u3000新\u3000', title: '专职网格员', phone: '13900000003' }, communityOf('GS-0104')));
    const grouped = `${invite.code.slice(0, 4)}—${invite.code.slice(4)}`;
    expect(okData(await call('staff', 'preview', { code: grouped }, newResident()))).toMatchObject({ name: '周新' });
  });
});
