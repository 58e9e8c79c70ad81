/**
 * The registry import against the local cloud: a whole city's sheet, re-import in place, bad
 * rows that change nothing, retired grids, who may import, and a cut-off import finished.
 */
import ExcelJS, { type CellValue } from 'exceljs';
import iconv from 'iconv-lite';
import type { DB } from 'wx-server-sdk/index';
import { CITY_REGISTRAR as REGISTRAR, CITY_STREETS, citySheetRows, seedCity } from '../../scripts/registry/city';
import { uploadAs } from '../../scripts/localcloud/upload';
import { registryCsv, registryWorkbook, type SheetRow } from '../../scripts/registry/workbook';
import { expectRefusal, okData, ticketedFileId, type Body } from '../../tests/support/appealKit';
import { readAll, readDoc } from '../../tests/support/cloudDb';
import { demo, LocalCloud, openLocalCloud } from '../../tests/support/localCloud';
import { GRID_CODE_PATTERN, type GridPage } from '../../types/grid';
import { REGISTRY_COLUMNS, type ImportReport, type RegistryColumnKey } from '../../types/registry';

const GS_STAFF = 'demo-street-GS';

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => {
  ({ cloud, db } = await openLocalCloud());
  await seedCity(db, demo.streets[0].categories);
});
afterAll(() => cloud.stop());

/** A sheet `owner` uploads for import, as the import page does. */
async function upload(bytes: Buffer | string, name: string, owner = GS_STAFF): Promise<string> {
  return okData(await uploadAs(cloud.url, owner, 'registrySheet', name, typeof bytes === 'string' ? Buffer.from(bytes) : bytes)).fileID;
}

const importFile = async (fileID: string, openid: string | undefined, dryRun = false) =>
  (await cloud.call<Body<ImportReport>>('registry', { action: 'import', fileID, dryRun }, openid)).body;

const importRows = async (rows: SheetRow[], openid = GS_STAFF, dryRun = false) => importFile(await upload(await registryWorkbook(rows), 'sheet.xlsx', openid), openid, dryRun);

/** The template workbook with `rows` in the given columns, then changed by `edit` as a person would in Excel. */
async function editedWorkbook(rows: SheetRow[], columns: RegistryColumnKey[], edit: (workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await registryWorkbook(rows, columns)) as unknown as ArrayBuffer);
  edit(workbook, workbook.getWorksheet('网格台账')!);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const importBytes = async (bytes: Buffer, dryRun = false) => importFile(await upload(bytes, 'edited.xlsx'), GS_STAFF, dryRun);

const snapshot = async () => JSON.stringify(await readAll(db, 'grids')) + JSON.stringify(await readAll(db, 'communities'));

const gsRow = (fields: SheetRow): SheetRow => ({ street: '钢山街道', community: '平阳社区', kind: '城镇社区网格', ...fields });

describe('a city’s registry', () => {
  const rows = citySheetRows(1410);
  const renamed = [0, 100, 700];
  let report: ImportReport;

  it('imports 1,410 grids in one sheet, coding each by its street', async () => {
    const fileID = await upload(await registryWorkbook(rows), 'zoucheng.xlsx', REGISTRAR);
    report = okData(await importFile(fileID, REGISTRAR));
    expect(report).toMatchObject({ rows: 1410, created: 1410, updated: 0, unchanged: 0, dryRun: false });
    expect(report.communitiesCreated).toHaveLength(CITY_STREETS.length * 8);

    const codes = report.grids.map((g) => g.code);
    expect(new Set(codes).size).toBe(1410);
    for (const [i, code] of codes.entries()) {
      const street = CITY_STREETS[i % CITY_STREETS.length];
      expect(code).toMatch(new RegExp(`^${street._id}-\\d{4}$`));
      expect(code.length).toBeLessThanOrEqual(20);
      expect(`g=${code}`.length).toBeLessThanOrEqual(32);
      expect(code).toMatch(GRID_CODE_PATTERN);
    }
    expect(report.grids.map((g) => g.row)).toEqual(rows.map((_, i) => i + 2));
  });

  it('the imported grids answer their codes, with the sheet’s people, station and place', async () => {
    const last = report.grids[1409];
    const row = rows[1409];
    const page = okData<GridPage>(await cloud.call('grid', { action: 'resolve', code: last.code }).then((r) => r.body));
    expect(page).toMatchObject({
      grid: { code: last.code, name: row.name, households: row.households },
      community: { name: row.community },
      street: { name: row.street },
      chief: { id: 'roster-chief', name: row.chiefName, title: '网格长' },
      station: { name: row.stationName, address: row.stationAddress, hours: row.stationHours },
    });
    expect(page.workers.map((w) => w.name)).toHaveLength(2);
    expect(page.chief!.phoneMasked).not.toContain(String(row.chiefPhone).slice(3, 7));

    const phone = okData(await cloud.call('grid', { action: 'callStaff', code: last.code, staffId: 'roster-chief' }, 'res-registry-caller').then((r) => r.body));
    expect(phone).toEqual({ name: row.chiefName, phone: row.chiefPhone });

    const stored = await readDoc(db, 'grids', `grid-${last.code}`);
    expect(stored).toMatchObject({ centre: { lng: Number(row.lng), lat: Number(row.lat) }, status: 'active', chiefId: null, workerIds: [] });
  });

  it('keeps a record of who imported what', async () => {
    const record = await readDoc(db, 'imports', report.importId!);
    expect(record).toMatchObject({ by: 'staff-city-registrar', status: 'done', counts: { created: 1410, updated: 0, unchanged: 0 } });
  });

  it('re-importing the sheet with its codes filled in updates in place: changed grids only, same codes', async () => {
    const coded = rows.map((row, i) => ({ ...row, code: report.grids[i].code }));
    for (const i of renamed) coded[i] = { ...coded[i], households: 999, name: `${coded[i].name}（调整）` };
    const again = okData(await importFile(await upload(await registryWorkbook(coded), 'zoucheng-2.xlsx', REGISTRAR), REGISTRAR));
    expect(again).toMatchObject({ created: 0, updated: 3, unchanged: 1407 });
    expect(again.grids.map((g) => g.code)).toEqual(report.grids.map((g) => g.code));
    // Stored as cleaned (NFKC): the full-width brackets typed are half-width in the registry.
    expect(await readDoc(db, 'grids', `grid-${report.grids[100].code}`)).toMatchObject({ households: 999, name: `${rows[100].name}(调整)`, code: report.grids[100].code });
  });

  it('re-importing the sheet without codes finds every grid by name and creates nothing', async () => {
    const uncoded = rows.map((row, i) => (renamed.includes(i) ? { ...row, households: 999, name: `${row.name}（调整）` } : row));
    const dry = okData(await importFile(await upload(await registryWorkbook(uncoded), 'zoucheng-3.xlsx', REGISTRAR), REGISTRAR, true));
    expect(dry).toMatchObject({ created: 0, dryRun: true, importId: null });
    expect(dry).toMatchObject({ updated: 0, unchanged: 1410 });
    expect(dry.grids.map((g) => g.code)).toEqual(report.grids.map((g) => g.code));
  });
});

describe('a sheet with a bad row', () => {
  it('is refused with every bad row numbered, and nothing of it is written', async () => {
    const before = await snapshot();
    const reply = await importRows([
      gsRow({ name: '平阳社区第十网格', households: 310 }),
      gsRow({ name: '平阳社区第十一网格', households: '三百' }),
      gsRow({ name: '平阳社区第十二网格', community: '新建社区' }),
      gsRow({ name: '平阳社区第十三网格', chiefName: '李娜', chiefPhone: '1234' }),
    ]);
    expectRefusal(reply, 'INVALID_INPUT');
    expect(reply).toMatchObject({
      message: '表格有 2 处问题，本次没有导入任何网格。第 3 行「户数」：户数应为不小于 0 的整数',
      problems: [
        { row: 3, column: '户数', message: '户数应为不小于 0 的整数' },
        { row: 5, column: '网格长电话', message: '「1234」不是有效的电话号码（手机 11 位，座机要带区号）' },
      ],
    });
    expect(await snapshot()).toBe(before);
  });

  it('is refused when a row belongs to a street the importer does not run, and nothing is written', async () => {
    const before = await snapshot();
    const reply = await importRows([gsRow({ name: '平阳社区第二十网格' }), { street: '千泉街道', community: '东关社区', name: '越权网格', kind: '城镇社区网格' }]);
    expect(reply).toMatchObject({ ok: false, code: 'INVALID_INPUT', problems: [{ row: 3, column: '街道', message: '您不是千泉街道的工作人员，不能导入该街道的网格' }] });
    expect(await snapshot()).toBe(before);
  });
});

describe('retired and merged grids', () => {
  it('a retired grid’s code cannot be imported again; a new grid of its name gets a new code and the old one still points on', async () => {
    const old = demo.grids.find((g) => g.code === 'GS-0104')!;
    okData((await cloud.call('grid', { action: 'retire', code: old.code, mergedInto: 'GS-0101' }, GS_STAFF)).body);

    const reply = await importRows([gsRow({ code: old.code, name: old.name })]);
    expect(reply).toMatchObject({ ok: false, problems: [{ row: 2, message: `网格 ${old.code} 已撤销（已并入 GS-0101），不能再导入；新网格请留空编码` }] });

    const created = okData(await importRows([gsRow({ name: old.name })]));
    expect(created.grids).toEqual([{ row: 2, code: expect.not.stringMatching(`^${old.code}$`), name: old.name, change: 'created' }]);
    expect(created.grids[0].code).toMatch(/^GS-01\d{2}$/);
    expect((await cloud.call('grid', { action: 'resolve', code: old.code })).body).toMatchObject({ ok: false, code: 'NOT_FOUND', message: expect.stringContaining('已并入 GS-0101') });
    expect(await readDoc(db, 'grids', old._id)).toMatchObject({ status: 'retired', mergedInto: 'GS-0101', name: old.name });
  });
});

describe('sheet formats', () => {
  it('reads a CSV saved by Excel on Chinese Windows (GB18030), and leaves absent columns alone', async () => {
    const before = await readDoc(db, 'grids', 'grid-GS-0102');
    const csv = registryCsv([gsRow({ code: 'GS-0102', name: before.name, households: 777 })], ['street', 'community', 'code', 'name', 'kind', 'households']);
    const fileID = await upload(iconv.encode(csv.replace(/^\uFEFF/, ''), 'gb18030'), 'gbk.csv');
    const report = okData(await importFile(fileID, GS_STAFF));
    expect(report.grids).toEqual([{ row: 2, code: 'GS-0102', name: before.name, change: 'updated' }]);
    const after = await readDoc(db, 'grids', 'grid-GS-0102');
    expect(after).toEqual({ ...before, households: 777 });
  });

  it('refuses an old .xls workbook (even renamed .xlsx), a file that is not a sheet, and a sheet that never arrived, clearly', async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect(await uploadAs(cloud.url, GS_STAFF, 'registrySheet', 'old.xls', xls)).toEqual({ ok: false, code: 'INVALID_INPUT', message: '网格台账表格只能是 xlsx、csv 格式的文件' });
    expect(await importFile(await upload(xls, 'old.xlsx'), GS_STAFF)).toEqual({ ok: false, code: 'INVALID_INPUT', message: '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 .csv 后再导入' });
    expect(await importFile(await upload('随便写的一段话，没有表头', 'note.csv'), GS_STAFF)).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('没有找到网格台账的表头') });
    expect(await importFile(await ticketedFileId(cloud, GS_STAFF, 'registrySheet', 'lost.xlsx'), GS_STAFF)).toEqual({ ok: false, code: 'NOT_FOUND', message: '没有找到上传的表格，请重新上传' });
  });
});

describe('who may import', () => {
  it.each([
    ['a grid chief', 'demo-chief-GS-0101', 'FORBIDDEN'],
    ['community staff', 'demo-community-GS01', 'FORBIDDEN'],
    ['a resident', 'demo-resident-1', 'FORBIDDEN'],
    ['no identity', undefined, 'UNAUTHENTICATED'],
  ])('%s may not', async (_, openid, code) => {
    const before = await snapshot();
    const fileID = await upload(await registryWorkbook([gsRow({ name: '不该出现的网格' })]), 'intruder.xlsx');
    expectRefusal(await importFile(fileID, openid), code);
    expect(await snapshot()).toBe(before);
  });
});

describe('an import raced or cut off', () => {
  it('two imports of the same new grids at once create each grid once; importing again finishes cleanly', async () => {
    const sheet = [gsRow({ community: '并发社区', name: '并发网格一' }), gsRow({ community: '并发社区', name: '并发网格二' })];
    const fileID = await upload(await registryWorkbook(sheet), 'race.xlsx');
    const replies = await Promise.all([importFile(fileID, GS_STAFF), importFile(fileID, GS_STAFF)]);
    for (const reply of replies) if (!reply.ok) expect(reply).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('请重新导入同一张表格') });

    okData(await importFile(fileID, GS_STAFF));
    expect(okData(await importFile(fileID, GS_STAFF, true))).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const grids = await readAll(db, 'grids', { name: db.RegExp({ regexp: '^并发网格' }) });
    expect(grids.map((g) => g.name).sort()).toEqual(['并发网格一', '并发网格二']);
    expect(await readAll(db, 'communities', { name: '并发社区' })).toHaveLength(1);
  });
});

/** Rows naming existing demo grids by code, in the few columns a test needs (others are left alone). */
const IDENTITY: RegistryColumnKey[] = ['street', 'community', 'code', 'name', 'kind'];
const demoRow = (code: string, fields: SheetRow = {}): SheetRow => {
  const grid = demo.grids.find((g) => g.code === code)!;
  const community = demo.communities.find((c) => c._id === grid.communityId)!;
  return { street: '钢山街道', community: community.name, code, name: grid.name, kind: '城镇社区网格', ...fields };
};

describe('several people in one cell', () => {
  it('splits 赵小明 13900000001，钱小红 13900000002 into two workers, each with their own phone', async () => {
    const report = okData(await importFile(await upload(await registryWorkbook([demoRow('GS-0201', { workers: '赵小明 13900000001，钱小红 13900000002' })], [...IDENTITY, 'workers']), 'workers.xlsx'), GS_STAFF));
    expect(report.grids).toEqual([{ row: 2, code: 'GS-0201', name: '护驾山社区第一网格', change: 'updated' }]);
    expect((await readDoc(db, 'grids', 'grid-GS-0201')).roster.workers).toEqual([
      { name: '赵小明', phone: '13900000001' },
      { name: '钱小红', phone: '13900000002' },
    ]);
  });

  it('refuses a cell of two names and one phone, with its row, column and reason, and writes nothing', async () => {
    const before = await snapshot();
    const reply = await importFile(await upload(await registryWorkbook([demoRow('GS-0202', { workers: '赵小明 钱小红 13900000002' })], [...IDENTITY, 'workers']), 'workers-bad.xlsx'), GS_STAFF);
    expect(reply).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      problems: [{ row: 2, column: '网格员', message: '有 2 个姓名、1 个电话，对不上：请每人写成“姓名 电话”，多人用顿号、分号或换行隔开' }],
    });
    expect(await snapshot()).toBe(before);
  });
});

describe('invisible and full-width characters', () => {
  it('a community name with a zero-width space, under a header with one, is the existing community: no new community, no move', async () => {
    const before = await readDoc(db, 'grids', 'grid-GS-0202');
    const communities = await readAll(db, 'communities');
    const sheet = await editedWorkbook([demoRow('GS-0202', { community: '护驾山社区\u200B', households: 321 })], [...IDENTITY, 'households'], (_, ws) => {
      ws.getCell('B1').value = '社区（村）\u200B';
    });
    const report = okData(await importBytes(sheet));
    expect(report).toMatchObject({ updated: 1, moved: 0, communitiesCreated: [] });
    expect(report.grids).toEqual([{ row: 2, code: 'GS-0202', name: before.name, change: 'updated' }]);
    expect(await readAll(db, 'communities')).toEqual(communities);
    expect(await readDoc(db, 'grids', 'grid-GS-0202')).toEqual({ ...before, households: 321 });
  });

  it('a dry run that would move a grid to another community says so, and moves nothing', async () => {
    const before = await snapshot();
    const report = okData(await importBytes(await registryWorkbook([demoRow('GS-0203', { community: '北关社区' })], IDENTITY), true));
    expect(report).toMatchObject({ dryRun: true, updated: 1, moved: 1 });
    expect(report.grids).toEqual([
      { row: 2, code: 'GS-0203', name: '护驾山社区第三网格', change: 'updated', move: { from: { id: 'GS02', name: '护驾山社区' }, to: { id: 'GS03', name: '北关社区' } } },
    ]);
    expect(await snapshot()).toBe(before);
  });
});

describe('cells as exceljs returns them', () => {
  const column = (key: RegistryColumnKey, columns: RegistryColumnKey[]) => columns.indexOf(key) + 1;
  const withStation: RegistryColumnKey[] = [...IDENTITY, 'households', 'stationName', 'stationAddress', 'stationHours'];

  it('an h:mm cell showing 8:30 and a 户数 formula whose result is 0 are stored as Excel shows them', async () => {
    const sheet = await editedWorkbook([demoRow('GS-0301', { stationName: '北关社区党群服务站', stationAddress: '北关社区服务中心' })], withStation, (_, ws) => {
      const hours = ws.getCell(2, column('stationHours', withStation));
      hours.value = new Date(Date.UTC(1899, 11, 30, 8, 30));
      hours.style = { ...hours.style, numFmt: 'h:mm' }; // a copy: a row's cells share one style object
      ws.getCell(2, column('households', withStation)).value = { formula: 'COUNTA(Z2:Z9)', result: 0 };
    });
    okData(await importBytes(sheet));
    expect(await readDoc(db, 'grids', 'grid-GS-0301')).toMatchObject({ households: 0, station: { name: '北关社区党群服务站', address: '北关社区服务中心', hours: '8:30' } });
  });

  it.each<[string, RegistryColumnKey, CellValue, string]>([
    ['a chief looked up as #N/A', 'chiefName', { formula: 'VLOOKUP(C2,人员!A:B,2,0)', result: { error: '#N/A' } }, '单元格显示错误值 #N/A，请改正公式或数据后再导入'],
    ['a grid name formula saved without its result', 'name', { formula: 'B2&"第二网格"' }, '公式没有计算结果，请用 Excel 打开并保存后再导入'],
  ])('%s is refused with its row, column and what to do, and nothing is written', async (_, key, value, message) => {
    const columns: RegistryColumnKey[] = [...IDENTITY, 'chiefName', 'chiefPhone'];
    const before = await snapshot();
    const sheet = await editedWorkbook([demoRow('GS-0302', { chiefName: '李娜', chiefPhone: '13805370001' })], columns, (_, ws) => {
      ws.getCell(2, column(key, columns)).value = value;
    });
    const reply = await importBytes(sheet);
    const header = REGISTRY_COLUMNS.find((c) => c.key === key)!.header;
    expect(reply).toEqual({ ok: false, code: 'INVALID_INPUT', message: `表格有 1 处问题，本次没有导入任何网格。第 2 行「${header}」：${message}`, problems: [{ row: 2, column: header, message }] });
    expect(await snapshot()).toBe(before);
    expect(await snapshot()).not.toContain('[object Object]');
  });
});

describe('which sheet, which row', () => {
  it('reads the registry behind a hidden lookup sheet and 填写说明 placed first, below a merged title row, and says where', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('选项', { state: 'hidden' }).addRows([['网格类型'], ['城镇社区网格'], ['农村网格']]);
    workbook.addWorksheet('填写说明').addRows([['列名', '是否必填', '说明'], ...REGISTRY_COLUMNS.map((c) => [c.header, c.required ? '必填' : '选填', c.hint])]);
    const sheet = workbook.addWorksheet('网格台账');
    const columns: RegistryColumnKey[] = [...IDENTITY, 'households'];
    const row = demoRow('GS-0303', { households: 333 });
    sheet.addRows([['钢山街道网格台账（2026 年）'], ['填报单位：钢山街道办事处'], columns.map((key) => REGISTRY_COLUMNS.find((c) => c.key === key)!.header), columns.map((key) => row[key])]);
    sheet.mergeCells('A1:F1');
    const report = okData(await importBytes(Buffer.from(await workbook.xlsx.writeBuffer())));
    expect(report).toMatchObject({ sheet: '网格台账', headerRow: 3, updated: 1, grids: [{ row: 4, code: 'GS-0303', change: 'updated' }] });
    expect(await readDoc(db, 'grids', 'grid-GS-0303')).toMatchObject({ households: 333 });
  });
});
