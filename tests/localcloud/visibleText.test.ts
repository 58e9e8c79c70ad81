/**
 * Direction-control and control characters never reach a page (issue 9): names planted with a
 * right-to-left override, isolates and control characters (NUL, backspace, escape), through every door names come in by (a registry
 * sheet, an invite, a notice), come out of the grid page, the team list and the sign data as
 * they read; a cell that begins like a formula is kept as text; and text empty to the eye is
 * refused at the function too.
 */
import type { GridPage } from '../../types/grid';
import type { ImportReport } from '../../types/registry';
import type { StreetSigns } from '../../types/signs';
import type { StaffBinding, Team } from '../../types/staff';
import { registryCsv } from '../../scripts/registry/workbook';
import { appealInput, communityOf, expectRefusal, newResident, okData, streetOf, type Body } from '../support/appealKit';
import { count, openCloudDb } from '../support/cloudDb';
import { LocalCloud } from '../support/localCloud';
import { uploadAs } from '../../scripts/localcloud/upload';

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await LocalCloud.start();
});
afterAll(() => cloud.stop());

const call = async <T = any>(fn: string, action: string, params: object, openid?: string) => (await cloud.call<Body<T>>(fn, { action, ...params }, openid)).body;

/** What must never be shown: control characters, and every direction mark, embedding, override and isolate. */
const CONTROL_OR_DIRECTION = /[\u0000-\u0008\u000B-\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Every string inside a function's answer. */
const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];

const expectClean = (value: unknown) => expect(strings(value).filter((s) => CONTROL_OR_DIRECTION.test(s))).toEqual([]);

const GS = streetOf('GS-0101');

/** A CSV sheet as an office saves it (a CSV cannot hold NUL: the import takes such a file for a binary one). */

async function importSheet(csv: string): Promise<ImportReport> {
  const { fileID } = okData(await uploadAs(cloud.url, GS, 'registrySheet', 'registry.csv', Buffer.from(csv)));
  return okData(await call<ImportReport>('registry', 'import', { fileID }, GS));
}

describe('a registry sheet with planted names', () => {
  let code: string;

  beforeAll(async () => {
    const report = await importSheet(
      registryCsv([
        {
          street: '钢山\u202E街道',
          community: '平阳\u2067社区\u2069',
          name: '\u202E平阳社区第九网格\u0008',
          kind: '城镇社区网格',
          chiefName: '\u202E王\u001B强',
          chiefPhone: '139\u200B0000 0009',
          workers: '\u2066赵小明\u2069 13900000011，钱\u202E小红 13900000012',
          stationName: '第九\u202E服务站',
          stationAddress: '平阳路\u007F9号',
          stationHours: '8:30\u202E-18:00',
        },
      ]),
    );
    expect(report.created).toBe(1);
    code = report.grids[0].code;
  });

  it('shows the grid page as the names read, with no control or direction character anywhere', async () => {
    const page = okData(await call<GridPage>('grid', 'resolve', { code }));
    expectClean(page);
    expect(page.grid.name).toBe('平阳社区第九网格');
    expect(page.community.name).toBe('平阳社区');
    expect(page.chief?.name).toBe('王强');
    expect(page.workers.map((w) => w.name)).toEqual(['赵小明', '钱小红']);
    expect(page.station).toEqual({ name: '第九服务站', address: '平阳路9号', hours: '8:30-18:00' });
  });

  it('gives the sign the same names', async () => {
    const sheet = okData(await call<StreetSigns>('grid', 'signs', { streetId: 'GS' }, GS));
    const sign = sheet.signs.find((s) => s.code === code)!;
    expectClean(sheet);
    expect(sign).toMatchObject({ name: '平阳社区第九网格', community: '平阳社区', chief: { name: '王强', phone: '13900000009' } });
  });

  it('stores them clean: the records hold no control or direction character', async () => {
    const db = openCloudDb(cloud.url);
    const { data } = (await db.collection('grids').where({ code }).get()) as unknown as { data: unknown[] };
    expectClean(data);
  });
});

describe('a cell that begins like a formula', () => {
  it('is stored and shown as the text it is, through the CSV GridLink writes (which escapes it) and the import', async () => {
    const formula = '=HYPERLINK("http://evil.example","点此查看")';
    const csv = registryCsv([{ street: '钢山街道', community: '平阳社区', name: formula, kind: '城镇社区网格', stationName: '@服务站', stationAddress: '-', stationHours: '+8:30' }]);
    expect(csv).toContain(`"'=HYPERLINK(`);
    const { grids } = await importSheet(csv);
    const page = okData(await call<GridPage>('grid', 'resolve', { code: grids[0].code }));
    expect(page.grid.name).toBe(formula);
    expect(page.station).toEqual({ name: '@服务站', address: '-', hours: '+8:30' });
  });
});

describe('an invite and a notice with planted text', () => {
  it('the invitee’s name and title, and the notice’s title, reach the grid page and the team as they read', async () => {
    const code = 'GS-0104';
    const invite = okData(await call<{ code: string }>('staff', 'invite', { role: 'worker', gridCode: code, name: '\u202E李\u0000娜\u2069', title: '\u2066网格员\u200F', phone: '13900008888' }, communityOf(code)));
    const worker = newResident('planted');
    const { staffId } = okData(await call<StaffBinding>('staff', 'redeem', { code: invite.code }, worker));
    okData(await call('notice', 'publish', { scope: { kind: 'community', id: 'GS01' }, title: '\u202E停水\u0000通知', pinned: true, body: '周六\u202E上午\u0000停水。\n请\u2067提前储水。' }, communityOf(code)));

    const page = okData(await call<GridPage>('grid', 'resolve', { code }));
    expectClean(page);
    expect(page.workers.find((w) => w.id === staffId)).toMatchObject({ name: '李娜', title: '网格员' });
    expect(page.notices[0].title).toBe('停水通知');
    const team = okData(await call<Team>('staff', 'team', { kind: 'grid', gridCode: code }, communityOf(code)));
    expectClean(team);
    const notice = okData(await call('notice', 'detail', { id: page.notices[0].id }));
    expect(notice.body).toBe('周六上午停水。\n请提前储水。');
  });
});

describe('text empty to the eye, at the function', () => {
  it.each([
    ['five zero-width spaces', '\u200B'.repeat(5)],
    ['direction controls and NUL', '\u202E\u2066\u0000\u200F\u2069'],
  ])('an appeal whose content is %s: INVALID_INPUT in Chinese, nothing stored', async (_, content) => {
    const db = openCloudDb(cloud.url);
    const before = await count(db, 'appeals');
    const body = await call('appeal', 'submit', appealInput({ content }), newResident());
    expectRefusal(body, 'INVALID_INPUT');
    expect((body as { message: string }).message).toBe('请填写问题描述');
    expect(await count(db, 'appeals')).toBe(before);
  });
});
