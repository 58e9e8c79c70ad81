/**
 * Every stored file belongs to its uploader and its purpose (OWASP API1 for storage objects):
 * each action that takes fileIDs × whose file it is and what it was uploaded for, with the
 * answer, the file attached to the record on success, and nothing written on a refusal —
 * against a local cloud.
 */
import type { DB } from 'wx-server-sdk/index';
import { uploadAs } from '../../scripts/localcloud/upload';
import { registryWorkbook } from '../../scripts/registry/workbook';
import type { FileUsedIn } from '../domain/files';
import { appeal, appealInput, chiefOf, communityOf, devOutbox, expectRefusal, fileAppeal, newResident, okData, streetOf, ticketedFileId, uploadPhoto, workerOf, type Body } from '../../tests/support/appealKit';
import { readAll } from '../../tests/support/cloudDb';
import { openLocalCloud, type LocalCloud } from '../../tests/support/localCloud';
import type { FilePurpose } from '../../types/files';
import type { ImportReport } from '../../types/registry';

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => ({ cloud, db } = await openLocalCloud()));
afterAll(() => cloud.stop());

const call = async (fn: string, openid: string, params: object): Promise<Body> => (await cloud.call<Body>(fn, params, openid)).body;

const GRID = 'GS-0101';
const SECOND_GRID = 'GS-0102';
const CHIEF = chiefOf(GRID);
const STREET = streetOf(GRID);
const OTHER_STREET = 'demo-street-QQ';

let sheets = 0;
/** A valid registry sheet of street GS: it sets GS-0104's households, a new number each time. */
const gsSheet = () => registryWorkbook([{ street: '钢山街道', community: '平阳社区', code: 'GS-0104', name: '平阳社区第四网格', kind: '城镇社区网格', households: 300 + ++sheets }], ['street', 'community', 'code', 'name', 'kind', 'households']);

/** A file `owner` uploads for `purpose` through the app's flow: a sheet for a registry sheet, else a photo. */
async function upload(owner: string, purpose: FilePurpose): Promise<string> {
  if (purpose !== 'registrySheet') return uploadPhoto(cloud, owner, purpose);
  return okData(await uploadAs(cloud.url, owner, purpose, '台账.xlsx', await gsSheet())).fileID;
}

/** One action that takes fileIDs: who calls it, whose files are whose, and a record to use them on. */
type Row = {
  action: string;
  purpose: FilePurpose;
  actor: string;
  /** Someone else who uploads for the same purpose. */
  other: string;
  /** A purpose the actor also uploads for. */
  otherPurpose: FilePurpose;
  collection: FileUsedIn['collection'];
  /** A record to use files on (`second`: another one than the first), and the call that uses them there. */
  record(second?: boolean): Promise<(fileIDs: string[]) => Promise<Body>>;
};

const ROWS: Row[] = [
  {
    action: 'appeal.submit photos',
    purpose: 'appealPhoto',
    actor: 'res-file-owner',
    other: 'res-file-other',
    otherPurpose: 'noticeImage',
    collection: 'appeals',
    record: async () => {
      const input = appealInput({ gridCode: GRID });
      return (photos) => call('appeal', 'res-file-owner', { action: 'submit', ...input, photos });
    },
  },
  {
    action: 'appeal.reply photos',
    purpose: 'workPhoto',
    actor: CHIEF,
    other: workerOf(GRID),
    otherPurpose: 'groupQr',
    collection: 'appeals',
    record: async () => {
      const { id } = await fileAppeal(cloud, newResident('owned'), { gridCode: GRID });
      return (photos) => call('appeal', CHIEF, { action: 'reply', id, text: '明早到现场处理', photos });
    },
  },
  {
    action: 'appeal.resolve photos',
    purpose: 'workPhoto',
    actor: CHIEF,
    other: workerOf(GRID),
    otherPurpose: 'noticeImage',
    collection: 'appeals',
    record: async () => {
      const resident = newResident('owned');
      const { id } = await fileAppeal(cloud, resident, { gridCode: GRID });
      // An appeal resolves once; resolving it again takes the resident's 重办 (a rating of 1) first.
      let resolved = false;
      return async (photos) => {
        if (resolved) okData(await appeal(cloud, resident, 'rate', { id, score: 1, comment: '没有解决' }));
        const body = await call('appeal', CHIEF, { action: 'resolve', id, note: '已清理完毕', photos });
        resolved ||= body.ok;
        return body;
      };
    },
  },
  {
    action: 'appeal.report photos',
    purpose: 'workPhoto',
    actor: workerOf(GRID),
    other: CHIEF,
    otherPurpose: 'appealPhoto',
    collection: 'appeals',
    record: async () => {
      // one report per record; the same request again is the retry
      const requestId = `report-${Math.random().toString(36).slice(2, 12)}`;
      return (photos) => call('appeal', workerOf(GRID), { action: 'report', gridCode: GRID, category: 'repair', content: '巡查发现路灯不亮', photos, requestId });
    },
  },
  {
    action: 'notice.publish images',
    purpose: 'noticeImage',
    actor: CHIEF,
    other: chiefOf(SECOND_GRID),
    otherPurpose: 'workPhoto',
    collection: 'notices',
    record: async () => {
      const requestId = `notice-${Math.random().toString(36).slice(2, 12)}`;
      return (images) => call('notice', CHIEF, { action: 'publish', scope: { kind: 'grid', id: `grid-${GRID}` }, title: '楼道清理通知', body: '本周六上午统一清理楼道杂物', images, requestId });
    },
  },
  {
    action: 'grid.setGroupChat QR',
    purpose: 'groupQr',
    actor: CHIEF,
    other: workerOf(GRID),
    otherPurpose: 'appealPhoto',
    collection: 'grids',
    // The chief also serves the second grid as a worker (bound in beforeAll).
    record: async (second) => ([fileID]) => call('grid', CHIEF, { action: 'setGroupChat', code: second ? SECOND_GRID : GRID, kind: 'qr', fileID }),
  },
  {
    action: 'registry.import sheet',
    purpose: 'registrySheet',
    actor: STREET,
    other: OTHER_STREET,
    otherPurpose: 'noticeImage',
    collection: 'imports',
    record: async () => ([fileID]) => call('registry', STREET, { action: 'import', fileID, dryRun: false }),
  },
];

beforeAll(async () => {
  const { code } = okData(await call('staff', communityOf(SECOND_GRID), { action: 'invite', role: 'worker', gridCode: SECOND_GRID, name: '张兼职', title: '网格员', phone: '13900002222' })) as { code: string };
  okData(await call('staff', CHIEF, { action: 'redeem', code }));
});

/** Everything these actions may write. */
const WRITTEN = ['appeals', 'counters', 'notices', 'grids', 'communities', 'imports', 'files', 'audit', 'outbox'];
const snapshot = async () => JSON.stringify(await Promise.all(WRITTEN.map((c) => readAll(db, c))));
const fileRecord = async (fileID: string) => (await readAll(db, 'files', { cloudPath: fileID.replace(/^cloud:\/\/[^/]+\//, '') }))[0];

/** The use succeeds, the file is attached to the record it went on, and that record holds it. */
async function expectAttached(row: Row, body: Body, fileID: string) {
  expect(body).toMatchObject({ ok: true });
  const { attachedTo } = await fileRecord(fileID);
  expect(attachedTo).toEqual({ collection: row.collection, id: expect.any(String) });
  const [held] = await readAll(db, attachedTo.collection, { _id: attachedTo.id });
  expect(JSON.stringify(held)).toContain(fileID);
}

/** Refused as FORBIDDEN with a Chinese message, and not a document changed. */
async function expectRefusedUntouched(use: (fileIDs: string[]) => Promise<Body>, fileID: string) {
  const before = await snapshot();
  expectRefusal(await use([fileID]), 'FORBIDDEN');
  expect(await snapshot()).toBe(before);
}

describe.each(ROWS)('$action', (row) => {
  it('accepts the caller’s own fresh upload and attaches it to the record', async () => {
    const fileID = await upload(row.actor, row.purpose);
    expect((await fileRecord(fileID)).attachedTo).toBeNull();
    await expectAttached(row, await (await row.record())([fileID]), fileID);
  });

  it('accepts a file already attached to the same record again (a retry)', async () => {
    const fileID = await upload(row.actor, row.purpose);
    const use = await row.record();
    await expectAttached(row, await use([fileID]), fileID);
    await expectAttached(row, await use([fileID]), fileID);
  });

  if (row.purpose === 'registrySheet') {
    it('has no "attached elsewhere": a sheet’s import is that officer’s import of that sheet, and importing it again finishes it', async () => {
      const fileID = await upload(row.actor, row.purpose);
      const first = okData((await (await row.record())([fileID])) as Body<ImportReport>);
      const again = okData((await (await row.record(true))([fileID])) as Body<ImportReport>);
      expect(again.importId).toBe(first.importId);
    });
  } else {
    it('refuses the caller’s own upload already attached to another record, and writes nothing', async () => {
      const fileID = await upload(row.actor, row.purpose);
      okData(await (await row.record())([fileID]));
      await expectRefusedUntouched(await row.record(true), fileID);
    });
  }

  it('refuses another user’s upload of the same purpose, and writes nothing', async () => {
    await expectRefusedUntouched(await row.record(), await upload(row.other, row.purpose));
  });

  it('refuses a registry sheet uploaded by someone else, and writes nothing', async () => {
    await expectRefusedUntouched(await row.record(), await upload(OTHER_STREET, 'registrySheet'));
  });

  it('refuses the caller’s own upload of another purpose, and writes nothing', async () => {
    await expectRefusedUntouched(await row.record(), await upload(row.actor, row.otherPurpose));
  });

  it('refuses a file that was never ticketed, and one in another environment’s storage, and writes nothing', async () => {
    const use = await row.record();
    const own = await upload(row.actor, row.purpose);
    await expectRefusedUntouched(use, own.replace(/\/[0-9a-f]{32}\./, '/00000000000000000000000000000000.'));
    await expectRefusedUntouched(use, own.replace(/^cloud:\/\/local-env\./, 'cloud://other-env.'));
  });
});

describe('the same submit retried', () => {
  it('with the same request id and photos answers the first appeal, its photos attached once', async () => {
    const resident = newResident('retry');
    const photo = await uploadPhoto(cloud, resident);
    const input = appealInput({ photos: [photo] });
    const [a, b] = await Promise.all([appeal(cloud, resident, 'submit', input), appeal(cloud, resident, 'submit', input)]);
    const again = await appeal(cloud, resident, 'submit', input);
    expect([okData(a).id, okData(b).id]).toEqual([okData(again).id, okData(again).id]);
    expect((await fileRecord(photo)).attachedTo).toEqual({ collection: 'appeals', id: okData(again).id });
  });
});

describe('registry refusals quote nobody else’s sheet', () => {
  const SECRET = '李四家住3号楼';
  const leakySheet = () =>
    registryWorkbook([{ street: '千泉街道', community: '东关社区', name: '东关社区第九网格', kind: SECRET }], ['street', 'community', 'name', 'kind']);

  it('another officer’s sheet with bad cells is FORBIDDEN, in a dry run too, without a word of its cells', async () => {
    const theirs = okData(await uploadAs(cloud.url, OTHER_STREET, 'registrySheet', '千泉台账.xlsx', await leakySheet())).fileID;
    for (const dryRun of [true, false]) {
      const body = await call('registry', STREET, { action: 'import', fileID: theirs, dryRun });
      expectRefusal(body, 'FORBIDDEN');
      expect(body).not.toHaveProperty('problems');
      expect(JSON.stringify(body)).not.toMatch(/李四|3号楼/);
    }
  });

  it('the officer’s own sheet is quoted back to them, row and column named', async () => {
    const mine = okData(await uploadAs(cloud.url, OTHER_STREET, 'registrySheet', '千泉台账.xlsx', await leakySheet())).fileID;
    const body = await call('registry', OTHER_STREET, { action: 'import', fileID: mine, dryRun: true });
    expect(body).toMatchObject({ ok: false, code: 'INVALID_INPUT', problems: [{ row: 2, column: '网格类型', message: expect.stringContaining(`「${SECRET}」`) }] });
  });
});

describe('a ticket', () => {
  it('is for a signed-in person only, and only for the extensions its purpose takes', async () => {
    expectRefusal((await cloud.call<Body>('file', { action: 'ticket', purpose: 'appealPhoto', name: 'a.jpg' })).body, 'UNAUTHENTICATED');
    expect(await uploadAs(cloud.url, 'res-ticket', 'appealPhoto', 'page.html', Buffer.from('<script>'))).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await uploadAs(cloud.url, 'res-ticket', 'registrySheet', 'sheet.jpg', Buffer.from('x'))).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('gives an unguessable path under the purpose’s folder, recorded as the caller’s', async () => {
    const { cloudPath } = okData(await call('file', 'res-ticket', { action: 'ticket', purpose: 'groupQr', name: 'wxfile://tmp/QR.PNG' })) as { cloudPath: string };
    expect(cloudPath).toMatch(/^groupqr\/\d{6}\/[0-9a-f]{32}\.png$/);
    expect(await readAll(db, 'files', { cloudPath })).toEqual([expect.objectContaining({ owner: 'res-ticket', purpose: 'groupQr', attachedTo: null })]);
  });
});

describe('the local cloud’s upload (H5)', () => {
  const post = (path: string, openid: string | undefined, body = 'bytes') =>
    fetch(`${cloud.url}/api/dev/upload?path=${encodeURIComponent(path)}`, { method: 'POST', headers: openid ? { 'x-dev-openid': openid } : {}, body });
  const ticket = async (openid: string) => (okData(await call('file', openid, { action: 'ticket', purpose: 'appealPhoto', name: 'a.jpg' })) as { cloudPath: string }).cloudPath;

  it('stores bytes only at a path ticketed to the uploader, once', async () => {
    const path = await ticket('res-h5');
    expect((await post('appeals/202611/anything.jpg', 'res-h5')).status).toBe(403);
    expect((await post(path, 'res-h5-other')).status).toBe(403);
    expect((await post(path, undefined)).status).toBe(403);
    const stored = await post(path, 'res-h5');
    expect(stored.status).toBe(200);
    expect(((await stored.json()) as Body<{ fileID: string }>)).toEqual({ ok: true, data: { fileID: expect.stringMatching(new RegExp(`/${path}$`)) } });
    expect(await post(path, 'res-h5', 'replaced')).toMatchObject({ status: 409 });
  });
});

describe('images others see are screened before they are shown, and a risky one never comes back', () => {
  const notice = (openid: string, images: string[], extra: object = {}) =>
    call('notice', openid, { action: 'publish', scope: { kind: 'grid', id: `grid-${GRID}` }, title: '停水通知', body: '明天上午九点到十二点停水，请提前储水。', images, ...extra });
  const setQr = (fileID: string) => call('grid', CHIEF, { action: 'setGroupChat', code: GRID, kind: 'qr', fileID });
  const traceOf = async (fileID: string) => {
    const name = fileID.split('/').pop()!;
    return (await devOutbox(cloud)).filter((c) => c.api === 'security.mediaCheckAsync' && String(c.params.media_url).includes(name)).pop()!.reply.trace_id as string;
  };
  const pushRisky = async (fileID: string) =>
    (await fetch(`${cloud.url}/api/dev/push/mediacheck`, { method: 'POST', body: JSON.stringify({ Event: 'wxa_media_check', trace_id: await traceOf(fileID), result: { suggest: 'risky', label: 20002 } }) })).json();

  it.each([
    ['a notice image', (fileID: string) => notice(CHIEF, [fileID]), 'noticeImage' as FilePurpose],
    ['a group QR', (fileID: string) => setQr(fileID), 'groupQr' as FilePurpose],
    ['a reply photo', async (fileID: string) => {
      const filed = await fileAppeal(cloud, newResident(), { gridCode: GRID });
      return call('appeal', CHIEF, { action: 'reply', id: filed.id, text: '已安排人员处理', photos: [fileID] });
    }, 'workPhoto' as FilePurpose],
  ])('%s ticketed but not yet uploaded (nothing to check) is refused and nothing is written', async (_, use, purpose) => {
    const fileID = await ticketedFileId(cloud, CHIEF, purpose, 'later.png');
    const [notices, grid] = [await readAll(db, 'notices'), await readAll(db, 'grids', { code: GRID })];
    expectRefusal(await use(fileID), 'CONFLICT');
    expect(await readAll(db, 'notices')).toEqual(notices);
    expect(await readAll(db, 'grids', { code: GRID })).toEqual(grid);
    expect(await readAll(db, 'files', { cloudPath: fileID.split('/').slice(3).join('/') })).toEqual([expect.objectContaining({ attachedTo: null })]);
  });

  it('a resident’s appeal whose photo is not uploaded yet is held for people to look at', async () => {
    const photo = await ticketedFileId(cloud, 'res-file-late', 'appealPhoto', 'later.jpg');
    expect(okData(await call('appeal', 'res-file-late', { action: 'submit', ...appealInput({ gridCode: GRID }), photos: [photo] }))).toMatchObject({ status: 'held' });
  });

  it('a group QR judged risky cannot be set again, on the same grid or anywhere', async () => {
    const qr = await uploadPhoto(cloud, CHIEF, 'groupQr', 'qr.png');
    okData(await setQr(qr));
    expect(await pushRisky(qr)).toMatchObject({ ok: true, data: { hidden: 1 } });
    expectRefusal(await setQr(qr), 'FORBIDDEN');
    expect(okData(await call('grid', CHIEF, { action: 'resolve', code: GRID })).groupChat).toBeNull();
  });

  it('a notice image judged risky cannot come back by publishing the same request again after unpublishing', async () => {
    const image = await uploadPhoto(cloud, CHIEF, 'noticeImage', 'n.png');
    const first = okData(await notice(CHIEF, [image], { requestId: 'req-risky-republish-1' })) as { id: string };
    await pushRisky(image);
    okData(await call('notice', CHIEF, { action: 'unpublish', id: first.id }));
    expectRefusal(await notice(CHIEF, [image], { requestId: 'req-risky-republish-1' }), 'FORBIDDEN');
  });

  it('one image published four times at once lands on one notice only', async () => {
    const image = await uploadPhoto(cloud, CHIEF, 'noticeImage', 'once.png');
    const answers = await Promise.all([1, 2, 3, 4].map(() => notice(CHIEF, [image])));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    for (const refused of answers.filter((a) => !a.ok)) expectRefusal(refused, (refused as { code: string }).code === 'CONFLICT' ? 'CONFLICT' : 'FORBIDDEN');
    const holding = (await readAll(db, 'notices')).filter((n) => (n.images ?? []).includes(image));
    expect(holding).toHaveLength(1);
  });
});
