import { REGISTRY_COLUMNS, type RegistryColumnKey } from '../../types/registry';
import type { CommunityRecord, GridRecord, StreetRecord } from './records';
import { planImport, readRegistrySheet, type RegistryRow, type RegistryState } from './registry';
import type { SheetCell, WorkbookSheet } from './registrySheet';

const ALL = REGISTRY_COLUMNS.map((c) => c.key);
const headerOf = (key: RegistryColumnKey) => REGISTRY_COLUMNS.find((c) => c.key === key)!.header;

type Cells = Partial<Record<RegistryColumnKey, SheetCell>>;

/** A CSV-like sheet with the given columns (all by default): headers in row 1, rows as objects keyed by column. */
function table(rows: Cells[], columns: readonly RegistryColumnKey[] = ALL): WorkbookSheet[] {
  return [{ name: null, hidden: false, rows: [columns.map(headerOf), ...rows.map((row) => columns.map((key) => row[key] ?? ''))] }];
}

const good = { street: '钢山街道', community: '平阳社区', name: '平阳社区第九网格', kind: '城镇社区网格' };

describe('reading a registry sheet', () => {
  it('reads a full row into typed fields, with spreadsheet row numbers', () => {
    const { rows, problems } = readRegistrySheet(
      table([
        {},
        {
          ...good,
          code: 'gs-0109',
          households: '1,204',
          lng: '116.9675',
          lat: '35.404',
          boundary: JSON.stringify({ type: 'Polygon', coordinates: [[[116.96, 35.39], [116.97, 35.39], [116.97, 35.4], [116.96, 35.39]]] }),
          chiefName: '李娜',
          chiefPhone: '13805370001',
          workers: '王强 13805370002；赵敏：0537-5212345',
          stationName: '平阳社区党群服务站',
          stationAddress: '平阳社区服务中心一楼',
          stationHours: '8:30–18:00',
        },
      ]),
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        row: 3,
        street: '钢山街道',
        community: '平阳社区',
        code: 'GS-0109',
        name: '平阳社区第九网格',
        kind: 'urban',
        households: 1204,
        centre: { lng: 116.9675, lat: 35.404 },
        boundary: { type: 'Polygon', coordinates: [[[116.96, 35.39], [116.97, 35.39], [116.97, 35.4], [116.96, 35.39]]] },
        chief: { name: '李娜', phone: '13805370001' },
        workers: [
          { name: '王强', phone: '13805370002' },
          { name: '赵敏', phone: '0537-5212345' },
        ],
        station: { name: '平阳社区党群服务站', address: '平阳社区服务中心一楼', hours: '8:30–18:00' },
      },
    ]);
  });

  it('leaves out the fields of absent columns, so an import does not touch them', () => {
    const { rows } = readRegistrySheet(table([good], ['street', 'community', 'name', 'kind']));
    expect(rows).toEqual([{ row: 2, ...good, code: null, kind: 'urban' }]);
  });

  it.each([
    ['households not a number', { households: '三百' }, '户数', '户数应为不小于 0 的整数'],
    ['negative households', { households: '-5' }, '户数', '户数应为不小于 0 的整数'],
    ['unknown kind', { kind: '工业园区' }, '网格类型', '网格类型「工业园区」不认识，应为：城镇社区网格、农村网格、商圈网格、楼宇网格、市场网格'],
    ['missing name', { name: '' }, '网格名称', '请填写网格名称'],
    ['bad code', { code: 'GS 01/01' }, '网格编码', '网格码格式不正确（3–20 位字母、数字或连字符）'],
    ['code too long for a scene', { code: 'GS-010101010101010101' }, '网格编码', '网格码格式不正确（3–20 位字母、数字或连字符）'],
    ['a latitude typed as the longitude', { lng: '35.404', lat: '35.404' }, '中心经度', '经度应在 73–136 之间（GCJ-02 坐标，经纬度是否填反了？）'],
    ['only a longitude', { lng: '116.9' }, '中心纬度', '中心经度和纬度要一起填写'],
    ['chief without a phone', { chiefName: '李娜' }, '网格长电话', '网格长的姓名和电话要一起填写'],
    ['bad chief phone', { chiefName: '李娜', chiefPhone: '12345' }, '网格长电话', '「12345」不是有效的电话号码（手机 11 位，座机要带区号）'],
    ['worker without a phone', { workers: '王强' }, '网格员', '「王强」没有电话，请每人写成“姓名 电话”，多人用顿号、分号或换行隔开'],
    ['boundary not JSON', { boundary: '{type: Polygon' }, '边界（GeoJSON）', '边界不是有效的 GeoJSON（JSON 格式错误）'],
    ['boundary not a polygon', { boundary: '{"type":"Point","coordinates":[116.9,35.4]}' }, '边界（GeoJSON）', '边界应为 GeoJSON Polygon'],
    ['boundary ring open', { boundary: '{"type":"Polygon","coordinates":[[[116.9,35.4],[116.91,35.4],[116.91,35.41],[116.9,35.41]]]}' }, '边界（GeoJSON）', '边界的环没有闭合（首尾坐标应相同）'],
    ['station address without a name', { stationAddress: '某路 1 号' }, '服务站名称', '填写了服务站地址或时间，请同时填写服务站名称'],
  ])('%s is reported with its row and column', (_, cells, column, message) => {
    const { rows, problems } = readRegistrySheet(table([good, { ...good, name: '另一个网格', ...cells }]));
    expect(rows).toHaveLength(1);
    expect(problems).toEqual([{ row: 3, column, message }]);
  });

  it('reports every bad row, not just the first', () => {
    const { problems } = readRegistrySheet(table([{ ...good, households: 'x' }, good, { ...good, kind: '' }]));
    expect(problems.map((p) => p.row)).toEqual([2, 4]);
  });

  it('refuses a sheet without a required column, naming it', () => {
    const { problems } = readRegistrySheet(table([good], ['street', 'name', 'kind']));
    expect(problems).toEqual([{ row: 1, column: '社区（村）', message: '表头缺少必填列「社区（村）」，请使用网格台账模板' }]);
  });

  it('accepts headers typed with half-width brackets and stray spaces', () => {
    const [sheet] = table([good]);
    sheet.rows[0] = sheet.rows[0].map((h) => String(h).replace('（', '(').replace('）', ')').replace('街道', ' 街道 '));
    expect(readRegistrySheet([sheet]).problems).toEqual([]);
  });

  it('refuses an empty sheet', () => {
    expect(readRegistrySheet(table([])).problems).toEqual([{ row: null, column: null, message: '表格里没有网格数据' }]);
  });
});

const GS: StreetRecord = { _id: 'GS', name: '钢山街道', brand: '管得宽', categories: [] };
const QQ: StreetRecord = { _id: 'QQ', name: '千泉街道', brand: '泉小哥', categories: [] };
const communities: CommunityRecord[] = [
  { _id: 'GS01', streetId: 'GS', name: '平阳社区' },
  { _id: 'GS02', streetId: 'GS', name: '北关社区' },
  { _id: 'QQ01', streetId: 'QQ', name: '东关社区' },
];

function grid(code: string, communityId: string, name: string, extra: Partial<GridRecord> = {}): GridRecord {
  return {
    _id: `grid-${code}`,
    code,
    name,
    kind: 'urban',
    households: 300,
    communityId,
    streetId: communityId.slice(0, 2),
    chiefId: null,
    workerIds: [],
    status: 'active',
    station: null,
    centre: null,
    ...extra,
  };
}

const state: RegistryState = {
  streets: [GS, QQ],
  communities,
  grids: [
    grid('GS-0101', 'GS01', '平阳社区第一网格'),
    grid('GS-0102', 'GS01', '平阳社区第二网格'),
    grid('GS-0103', 'GS01', '平阳社区第三网格', { status: 'retired', mergedInto: 'GS-0102' }),
    grid('QQ-0101', 'QQ01', '东关社区第一网格'),
  ],
};

const row = (r: number, fields: Partial<RegistryRow>): RegistryRow => ({ row: r, street: '钢山街道', community: '平阳社区', code: null, name: `网格${r}`, kind: 'urban', ...fields });
const GS_ONLY = new Set(['GS']);

describe('planning an import', () => {
  it('codes new grids after the highest number their community has used, retired codes included', () => {
    const { plan, problems } = planImport([row(2, {}), row(3, {}), row(4, { community: '北关社区' })], state, GS_ONLY);
    expect(problems).toEqual([]);
    expect(plan.creates.map((g) => [g.code, g._id, g.communityId, g.streetId, g.status])).toEqual([
      ['GS-0104', 'grid-GS-0104', 'GS01', 'GS', 'active'],
      ['GS-0105', 'grid-GS-0105', 'GS01', 'GS', 'active'],
      ['GS-0201', 'grid-GS-0201', 'GS02', 'GS', 'active'],
    ]);
  });

  it('makes a new community, numbered after the street’s last, and codes its grids under it', () => {
    const { plan } = planImport([row(2, { community: '新城社区' }), row(3, { community: '新城社区' })], state, GS_ONLY);
    expect(plan.newCommunities).toEqual([{ _id: 'GS03', streetId: 'GS', name: '新城社区', seq: 3 }]);
    expect(plan.creates.map((g) => g.code)).toEqual(['GS-0301', 'GS-0302']);
  });

  it('updates a grid named by its code, writing only what changed', () => {
    const { plan } = planImport([row(2, { code: 'GS-0101', name: '平阳社区第一网格', households: 420 })], state, GS_ONLY);
    expect(plan.updates).toEqual([{ _id: 'grid-GS-0101', code: 'GS-0101', changes: { households: 420 } }]);
    expect(plan.grids).toEqual([{ row: 2, code: 'GS-0101', name: '平阳社区第一网格', change: 'updated' }]);
  });

  it('finds a grid without a code by its name in its community, and leaves an identical one alone', () => {
    const { plan } = planImport([row(2, { name: '平阳社区第二网格', households: 300 })], state, GS_ONLY);
    expect(plan.updates).toEqual([]);
    expect(plan.creates).toEqual([]);
    expect(plan.grids).toEqual([{ row: 2, code: 'GS-0102', name: '平阳社区第二网格', change: 'unchanged' }]);
  });

  it('keeps the roster chief when only the workers column is given', () => {
    const withRoster = { ...state, grids: [grid('GS-0101', 'GS01', '平阳社区第一网格', { roster: { chief: { name: '李娜', phone: '13805370001' }, workers: [] } })] };
    const { plan } = planImport([row(2, { code: 'GS-0101', name: '平阳社区第一网格', workers: [{ name: '王强', phone: '13805370002' }] })], withRoster, GS_ONLY);
    expect(plan.updates[0].changes).toEqual({ roster: { chief: { name: '李娜', phone: '13805370001' }, workers: [{ name: '王强', phone: '13805370002' }] } });
  });

  describe('a column left out of the sheet leaves that field as stored', () => {
    const stored = { name: '平阳社区党群服务站', address: '平阳社区服务中心一楼', hours: '8:30–18:00' };
    const withStation = { ...state, grids: [grid('GS-0101', 'GS01', '平阳社区第一网格', { station: stored })] };
    const columns = (keys: RegistryColumnKey[]) => readRegistrySheet(table([{ ...good, code: 'GS-0101', name: '平阳社区第一网格', households: '300', stationName: '平阳社区党群服务站', stationAddress: '新地址 2 号', stationHours: '9:00–17:00' }], ['street', 'community', 'code', 'name', 'kind', 'households', ...keys])).rows;
    it.each<[string, RegistryColumnKey[], object | null]>([
      ['without 服务站地址: the stored address stays', ['stationName', 'stationHours'], { ...stored, hours: '9:00–17:00' }],
      ['without 服务时间: the stored hours stay', ['stationName', 'stationAddress'], { ...stored, address: '新地址 2 号' }],
      ['with only 服务站名称: address and hours stay', ['stationName'], null],
      ['with every station column: all three are the sheet’s', ['stationName', 'stationAddress', 'stationHours'], { name: stored.name, address: '新地址 2 号', hours: '9:00–17:00' }],
    ])('%s', (_, keys, station) => {
      const { plan, problems } = planImport(columns(keys), withStation, GS_ONLY);
      expect(problems).toEqual([]);
      expect(plan.updates.map((u) => u.changes)).toEqual(station ? [{ station }] : []);
    });

    it('a new grid gets empty address and hours for columns the sheet leaves out', () => {
      const rows = readRegistrySheet(table([{ ...good, stationName: '新站' }], ['street', 'community', 'code', 'name', 'kind', 'stationName'])).rows;
      expect(planImport(rows, state, GS_ONLY).plan.creates[0].station).toEqual({ name: '新站', address: '', hours: '' });
    });
  });

  it('takes a code the sheet gives to a new grid', () => {
    const { plan } = planImport([row(2, { code: 'GS-0150' })], state, GS_ONLY);
    expect(plan.creates.map((g) => g.code)).toEqual(['GS-0150']);
  });

  it.each<[string, RegistryRow[], { row: number; column: string; message: string }]>([
    ['an unknown street', [row(2, { street: '不存在街道' })], { row: 2, column: '街道', message: '街道「不存在街道」不存在，请填写已开通的街道全称' }],
    ['a street the importer does not run', [row(2, { street: '千泉街道', community: '东关社区' })], { row: 2, column: '街道', message: '您不是千泉街道的工作人员，不能导入该街道的网格' }],
    ['a code of another street', [row(2, { code: 'QQ-0101' })], { row: 2, column: '网格编码', message: '网格编码 QQ-0101 属于千泉街道，不能在钢山街道导入' }],
    ['a retired grid’s code', [row(2, { code: 'GS-0103' })], { row: 2, column: '网格编码', message: '网格 GS-0103 已撤销（已并入 GS-0102），不能再导入；新网格请留空编码' }],
    ['the same code twice', [row(2, { code: 'GS-0101' }), row(3, { code: 'GS-0101', name: 'x' })], { row: 3, column: '网格编码', message: '网格编码 GS-0101 与第 2 行重复' }],
    ['the same name twice in a community', [row(2, { name: 'A' }), row(3, { name: 'A' })], { row: 3, column: '网格名称', message: '与第 2 行重复：平阳社区已有名为「A」的网格' }],
  ])('refuses %s, naming the row', (_, rows, problem) => {
    expect(planImport(rows, state, GS_ONLY).problems).toEqual([problem]);
  });

  it('re-planning the same rows after they were applied changes nothing', () => {
    const rows = [row(2, { name: '新网格甲', community: '新城社区' }), row(3, { name: '平阳社区第一网格', households: 500 })];
    const first = planImport(rows, state, GS_ONLY).plan;
    const applied: RegistryState = {
      streets: state.streets,
      communities: [...communities, ...first.newCommunities],
      grids: state.grids.map((g) => ({ ...g, ...(first.updates.find((u) => u._id === g._id)?.changes ?? {}) })).concat(first.creates),
    };
    const second = planImport(rows, applied, GS_ONLY).plan;
    expect(second.creates).toEqual([]);
    expect(second.updates).toEqual([]);
    expect(second.newCommunities).toEqual([]);
    expect(second.grids.map((g) => [g.code, g.change])).toEqual([
      [first.grids[0].code, 'unchanged'],
      ['GS-0101', 'unchanged'],
    ]);
  });
});

const people = (...pairs: Array<[string, string]>) => pairs.map(([name, phone]) => ({ name, phone }));
const readWorkers = (workers: string) => readRegistrySheet(table([{ ...good, workers }]));

describe('several people in one cell', () => {
  const zhaoQian = people(['赵小明', '13900000001'], ['钱小红', '13900000002']);
  it.each<[string, string, ReturnType<typeof people>]>([
    ['name then phone, full-width comma', '赵小明 13900000001，钱小红 13900000002', zhaoQian],
    ['phone then name, 顿号, no space before the second name', '13900000001 赵小明、13900000002钱小红', zhaoQian],
    ['no space at all, ASCII comma', '赵小明13900000001,钱小红13900000002', zhaoQian],
    ['semicolons and colons, phones grouped with dashes and spaces', '赵小明：139-0000-0001；钱小红:139 0000 0002', zhaoQian],
    ['one per line', '赵小明 13900000001\n钱小红 13900000002', zhaoQian],
    ['one per line, Windows line breaks, phone first', '13900000001 赵小明\r\n13900000002 钱小红', zhaoQian],
    ['spaces only', '赵小明 13900000001 钱小红 13900000002', zhaoQian],
    ['slashes', '赵小明/13900000001/钱小红/13900000002', zhaoQian],
    ['each part in its own order', '赵小明 13900000001、13900000002 钱小红', zhaoQian],
    ['phones in brackets, a landline', '赵小明（0537-5212345）、钱小红(13900000002)', people(['赵小明', '0537-5212345'], ['钱小红', '13900000002'])],
    ['a label before the phone', '赵小明 电话：13900000001；钱小红 手机 13900000002', zhaoQian],
    ['+86 and full-width digits', '赵小明 +86 139 0000 0001、钱小红 １３９０００００００２', zhaoQian],
    ['zero-width spaces pasted from a web page', '赵小明\u200B 13900000001\uFEFF，钱小红 13900000002', zhaoQian],
    ['a name with a middle dot', '阿依古丽·买买提 13900000001', people(['阿依古丽·买买提', '13900000001'])],
    ['two-character names padded to line up with three-character ones', '王　强 13900000001\n赵小明 13900000002', people(['王强', '13900000001'], ['赵小明', '13900000002'])],
    ['a surname written apart', '王 小明 13900000001、李 娜 13900000002', people(['王小明', '13900000001'], ['李娜', '13900000002'])],
    ['one person', '王强 13805370002', people(['王强', '13805370002'])],
    ['a seat title written before the name', '网格员赵小明13900000001、专职网格员：钱小红 13900000002', zhaoQian],
    ['phones grouped with dots', '赵小明 139.0000.0001；钱小红 139.0000.0002', zhaoQian],
    ['a landline after +86 without its 0', '赵小明 +86 537 5212345', people(['赵小明', '0537-5212345'])],
    ['an empty cell', '', []],
  ])('%s', (_, workers, expected) => {
    const { rows, problems } = readWorkers(workers);
    expect(problems).toEqual([]);
    expect(rows[0].workers).toEqual(expected);
  });

  it.each([
    ['two names, then one phone', '赵小明 钱小红 13900000002', '有 2 个姓名、1 个电话，对不上：请每人写成“姓名 电话”，多人用顿号、分号或换行隔开'],
    ['names without phones', '赵小明、钱小红', '有 2 个姓名、0 个电话，对不上：请每人写成“姓名 电话”，多人用顿号、分号或换行隔开'],
    ['one name with two phones', '赵小明 13900000001 13900000002', '有 1 个姓名、2 个电话，对不上：请每人写成“姓名 电话”，多人用顿号、分号或换行隔开'],
    ['two names, then their two phones', '赵小明 钱小红 13900000001 13900000002', '「赵小明」和「钱小红」之间没有电话，无法判断电话是谁的：请每人写成“姓名 电话”，多人用顿号、分号或换行隔开'],
    ['two phones, then their two names', '13900000001 13900000002 赵小明 钱小红', '电话 13900000001 和 13900000002 之间没有姓名，无法判断电话是谁的：请每人写成“姓名 电话”，多人用顿号、分号或换行隔开'],
    ['a name with a stray symbol', '赵小明~13900000001', '「赵小明~」里有不是姓名的符号，请只写姓名和电话'],
    ['a one-character name', '王 13900000001', '「王」只有一个字，请写全名'],
    ['a name with digits', '赵小明2 13900000001', '「赵小明2」里有数字：姓名里不能有电话或数字，请把姓名和电话分开写'],
    ['a phone glued to more digits', '赵小明 139000000012', '「139000000012」不是有效的电话号码（手机 11 位，座机要带区号）'],
    ['a phone one digit short', '赵小明 1390000000', '「1390000000」不是有效的电话号码（手机 11 位，座机要带区号）'],
    ['a run of names too long for one person', '赵小明钱小红孙大伟周小燕吴小丽郑小华王小二 13900000001', '「赵小明钱小红孙大伟周小燕吴小丽郑小华王小二」不像一个姓名（超过 20 个字），多人请用顿号或分号隔开'],
    ['more than a grid’s team', Array.from({ length: 21 }, (_, i) => `网格员${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑寅卯辰'[Math.floor(i / 10)]} 1390000${String(i).padStart(4, '0')}`).join('；'), '网格员不能超过 20 人'],
  ])('refuses %s, naming the row and column', (_, workers, message) => {
    const { rows, problems } = readWorkers(workers);
    expect(rows).toEqual([]);
    expect(problems).toEqual([{ row: 2, column: '网格员', message }]);
  });

  it.each<[string, string, string, { name: string; phone: string }]>([
    ['name and phone in their columns', '李娜', '13805370001', { name: '李娜', phone: '13805370001' }],
    ['the phone typed after the name, phone column empty', '李娜 13805370001', '', { name: '李娜', phone: '13805370001' }],
    ['the phone in both columns', '李娜（13805370001）', '138 0537 0001', { name: '李娜', phone: '13805370001' }],
    ['the two columns swapped', '0537-5212345', '李娜', { name: '李娜', phone: '0537-5212345' }],
    ['a two-character name padded with a full-width space', '李　娜', '13805370001', { name: '李娜', phone: '13805370001' }],
  ])('the chief: %s', (_, chiefName, chiefPhone, chief) => {
    const { rows, problems } = readRegistrySheet(table([{ ...good, chiefName, chiefPhone }]));
    expect(problems).toEqual([]);
    expect(rows[0].chief).toEqual(chief);
  });

  it.each([
    ['two people in the name cell', '李娜、王强', '13805370001', '网格长姓名', '网格长只能填一人（李娜、王强），其他人请填在“网格员”列'],
    ['another phone in the name cell', '李娜 13805370001', '13805370002', '网格长电话', '网格长只能填一个电话（13805370001、13805370002）'],
    ['a name with digits', '李娜2号', '13805370001', '网格长姓名', '「李娜2号」里有数字：姓名里不能有电话或数字，请把姓名和电话分开写'],
    ['a phone without a name', '', '13805370001', '网格长姓名', '网格长的姓名和电话要一起填写'],
    ['a name without a phone', '李娜', '', '网格长电话', '网格长的姓名和电话要一起填写'],
  ])('the chief: refuses %s, in the column where it is', (_, chiefName, chiefPhone, column, message) => {
    expect(readRegistrySheet(table([{ ...good, chiefName, chiefPhone }])).problems).toEqual([{ row: 2, column, message }]);
  });
});

describe('invisible and full-width characters', () => {
  it.each([
    ['a zero-width space', (h: string) => `${h}\u200B`],
    ['a BOM', (h: string) => `\uFEFF${h}`],
    ['full-width spaces', (h: string) => `\u3000${h}\u3000`],
    ['a line break inside (Alt+Enter)', (h: string) => `${h.slice(0, 2)}\n${h.slice(2)}`],
    ['a required-column star', (h: string) => `*${h}`],
  ])('headers with %s are the template’s headers', (_, dress) => {
    const [sheet] = table([good]);
    sheet.rows[0] = sheet.rows[0].map((h) => dress(String(h)));
    expect(readRegistrySheet([sheet])).toMatchObject({ problems: [], rows: [{ street: '钢山街道', community: '平阳社区', kind: 'urban' }] });
  });

  it.each([
    ['社区 for 社区（村）', '社区（村）', '社区'],
    ['村 for 社区（村）', '社区（村）', '村'],
    ['网格编号 for 网格编码', '网格编码', '网格编号'],
    ['镇街 for 街道', '街道', '镇街'],
  ])('a header offices also use: %s', (_, header, alias) => {
    const [sheet] = table([good]);
    sheet.rows[0] = sheet.rows[0].map((h) => (h === header ? alias : h));
    expect(readRegistrySheet([sheet])).toMatchObject({ problems: [], rows: [{ street: '钢山街道', community: '平阳社区', kind: 'urban' }] });
  });

  it('reads every cell cleaned: invisible characters gone, full-width letters, digits and spaces made plain', () => {
    const { rows, problems } = readRegistrySheet(
      table([
        {
          street: '\uFEFF钢山街道',
          community: '平阳社区\u200B',
          code: 'ＧＳ－０１０９',
          name: '平阳社区　第九网格\u200D',
          kind: '城镇社区网格\u2060',
          households: '１，２０４',
          lng: '１１６.９６７５',
          lat: '35.404\u200B',
          chiefName: '李\u200B娜',
          chiefPhone: '１３８０５３７０００１',
          stationName: '平阳社区党群服务站',
          stationHours: '８：３０－１８：００',
        },
      ]),
    );
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({
      street: '钢山街道',
      community: '平阳社区',
      code: 'GS-0109',
      name: '平阳社区 第九网格',
      kind: 'urban',
      households: 1204,
      centre: { lng: 116.9675, lat: 35.404 },
      chief: { name: '李娜', phone: '13805370001' },
      station: { name: '平阳社区党群服务站', address: '', hours: '8:30-18:00' },
    });
  });
});

describe('cells a sheet reader could not read', () => {
  it('are problems with their row and column when the import reads the column', () => {
    const { problems } = readRegistrySheet(table([{ ...good, households: { fault: '公式没有计算结果，请用 Excel 打开并保存后再导入' } }]));
    expect(problems).toEqual([{ row: 2, column: '户数', message: '公式没有计算结果，请用 Excel 打开并保存后再导入' }]);
  });

  it('are problems in the chief’s phone column though the chief is read from both', () => {
    const { problems } = readRegistrySheet(table([{ ...good, chiefName: '李娜', chiefPhone: { fault: '单元格显示错误值 #N/A，请改正公式或数据后再导入' } }]));
    expect(problems).toEqual([{ row: 2, column: '网格长电话', message: '单元格显示错误值 #N/A，请改正公式或数据后再导入' }]);
  });

  it('are left alone in a column the import does not read', () => {
    const [sheet] = table([good]);
    sheet.rows[0].push('备注');
    sheet.rows[1].push({ fault: '单元格显示错误值 #REF!，请改正公式或数据后再导入' });
    expect(readRegistrySheet([sheet]).problems).toEqual([]);
  });
});

describe('which sheet, which row', () => {
  const header = ALL.map(headerOf);
  const dataRow = ALL.map((key) => (good as Cells)[key] ?? '');
  const registry = (name: string, rows: SheetCell[][], hidden = false): WorkbookSheet => ({ name, hidden, rows });
  const lookup = registry('选项', [['街道', '网格类型'], ['钢山街道', '城镇社区网格'], ['千泉街道', '农村网格']], true);
  const notes = registry('填写说明', [['列名', '是否必填', '说明'], ...REGISTRY_COLUMNS.map((c) => [c.header, c.required ? '必填' : '选填', c.hint])]);

  it.each<[string, WorkbookSheet[], { sheet: string | null; headerRow: number; row: number }]>([
    ['headers in row 1 of the only sheet', [registry('网格台账', [header, dataRow])], { sheet: '网格台账', headerRow: 1, row: 2 }],
    ['a hidden lookup sheet first', [lookup, registry('网格台账', [header, dataRow])], { sheet: '网格台账', headerRow: 1, row: 2 }],
    ['填写说明 dragged to the front', [notes, registry('网格台账', [header, dataRow])], { sheet: '网格台账', headerRow: 1, row: 2 }],
    [
      'a merged title row and a 填报单位 row above the headers',
      [registry('Sheet1', [Array(header.length).fill('钢山街道网格台账（2026 年）'), ['填报单位：钢山街道办事处', '', '', '填报日期：2026-03-01'], header, dataRow])],
      { sheet: 'Sheet1', headerRow: 3, row: 4 },
    ],
    ['a visible copy before a hidden one', [registry('旧台账', [header, dataRow], true), registry('网格台账', [[], header, dataRow])], { sheet: '网格台账', headerRow: 2, row: 3 }],
    ['an empty template sheet before the filled one', [registry('模板', [header]), registry('网格台账', [header, dataRow])], { sheet: '网格台账', headerRow: 1, row: 2 }],
    ['a CSV with a title line', [{ name: null, hidden: false, rows: [['钢山街道网格台账'], header, dataRow] }], { sheet: null, headerRow: 2, row: 3 }],
  ])('%s', (_, sheets, { sheet, headerRow, row }) => {
    const read = readRegistrySheet(sheets);
    expect(read.problems).toEqual([]);
    expect(read.source).toEqual({ sheet, headerRow });
    expect(read.rows).toEqual([expect.objectContaining({ row, name: '平阳社区第九网格' })]);
  });

  it('numbers rows as Excel does below title rows, and skips rows with only a 序号', () => {
    const withIndex = ['序号', ...header];
    const sheets = [registry('网格台账', [['钢山街道网格台账'], withIndex, ['1', ...dataRow], ['2', ...dataRow.map((c, i) => (i === ALL.indexOf('households') ? '三百' : c))], ['3'], ['4']])];
    expect(readRegistrySheet(sheets).problems).toEqual([{ row: 4, column: '户数', message: '户数应为不小于 0 的整数' }]);
  });

  it('refuses two filled registry sheets rather than guess which one', () => {
    const read = readRegistrySheet([registry('平阳社区', [header, dataRow]), registry('北关社区', [header, dataRow])]);
    expect(read.problems).toEqual([{ row: null, column: null, message: '工作簿中有 2 张工作表都填了网格台账（「平阳社区」「北关社区」），无法确定导入哪一张，请只保留一张或分开导入' }]);
  });

  it('says which columns the closest header row lacks, in which sheet', () => {
    const read = readRegistrySheet([notes, registry('网格台账', [['网格台账'], ['街道', '网格名称', '网格类型', '户数'], ['钢山街道', '平阳社区第九网格', '城镇社区网格', '300']])]);
    expect(read.problems).toEqual([{ row: 2, column: '社区（村）', message: '工作表「网格台账」的表头缺少必填列「社区（村）」，请使用网格台账模板' }]);
  });

  it.each([
    ['a note', [registry('Sheet1', [['随便写的一段话'], ['没有表头']])]],
    ['only 填写说明, one column name a row', [notes]],
  ])('says when no sheet has the registry’s headers at all: %s', (_, sheets) => {
    expect(readRegistrySheet(sheets).problems).toEqual([
      { row: null, column: null, message: '没有找到网格台账的表头：前 20 行中没有一行有「街道」「社区（村）」「网格名称」「网格类型」这几列，请使用网格台账模板' },
    ]);
  });

  it('looks for the headers in the first 20 rows only', () => {
    const deep = registry('网格台账', [...Array.from({ length: 20 }, () => ['说明']), header, dataRow]);
    expect(readRegistrySheet([deep]).problems[0].message).toMatch(/^没有找到网格台账的表头/);
  });
});

describe('names that differ only by invisible, full-width or space characters', () => {
  it('a sheet community with a space inside is the existing community, not a new one', () => {
    const { plan, problems } = planImport([row(2, { community: '平阳 社区', name: '平阳社区第二网格', households: 300 })], state, GS_ONLY);
    expect(problems).toEqual([]);
    expect(plan.newCommunities).toEqual([]);
    expect(plan.grids).toEqual([{ row: 2, code: 'GS-0102', name: '平阳社区第二网格', change: 'unchanged' }]);
  });

  it('a community stored with full-width brackets is the one a sheet names with half-width ones', () => {
    const village: RegistryState = { ...state, communities: [...communities, { _id: 'GS03', streetId: 'GS', name: '匡庄村（东）' }] };
    const { plan } = planImport([row(2, { community: '匡庄村(东)' })], village, GS_ONLY);
    expect(plan.newCommunities).toEqual([]);
    expect(plan.creates.map((g) => [g.code, g.communityId])).toEqual([['GS-0301', 'GS03']]);
  });

  it('a grid named with a space inside is found by its name, not created again', () => {
    const { plan } = planImport([row(2, { name: '平阳社区 第二网格' })], state, GS_ONLY);
    expect(plan.creates).toEqual([]);
    expect(plan.grids).toEqual([{ row: 2, code: 'GS-0102', name: '平阳社区 第二网格', change: 'updated' }]);
  });

  it('a street typed with a space inside is the existing street', () => {
    expect(planImport([row(2, { street: '钢山 街道', name: '平阳社区第二网格', households: 300 })], state, GS_ONLY).problems).toEqual([]);
  });

  it('an earlier import’s look-alike community loses to the one stored under exactly the name, and its grid moves back', () => {
    const dirty: RegistryState = {
      ...state,
      communities: [...communities, { _id: 'GS03', streetId: 'GS', name: '平阳社区\u200B' }],
      grids: [...state.grids, grid('GS-0301', 'GS03', '平阳社区第四网格')],
    };
    const { plan, problems } = planImport([row(2, { code: 'GS-0301', name: '平阳社区第四网格', households: 300 })], dirty, GS_ONLY);
    expect(problems).toEqual([]);
    expect(plan.updates).toEqual([{ _id: 'grid-GS-0301', code: 'GS-0301', changes: { communityId: 'GS01' } }]);
    expect(plan.grids[0].move).toEqual({ from: { id: 'GS03', name: '平阳社区\u200B' }, to: { id: 'GS01', name: '平阳社区' } });
  });

  it('refuses a community name two look-alike communities answer to, rather than pick one', () => {
    const twins: RegistryState = { ...state, communities: [{ _id: 'GS04', streetId: 'GS', name: '平阳社区\u200B' }, { _id: 'GS05', streetId: 'GS', name: '平阳 社区' }] };
    expect(planImport([row(2, {})], twins, GS_ONLY).problems).toEqual([
      { row: 2, column: '社区（村）', message: '钢山街道有 2 个与「平阳社区」名称只差空格、全角或不可见字符的社区（GS04、GS05），无法确定是哪一个，请联系管理员合并后再导入' },
    ]);
  });

  it('refuses a grid name without a code that two look-alike grids answer to, asking for the code', () => {
    const twins: RegistryState = { ...state, grids: [grid('GS-0101', 'GS01', '平阳社区第一网格\u200B'), grid('GS-0105', 'GS01', '平阳社区 第一网格')] };
    expect(planImport([row(2, { name: '平阳社区第一网格' })], twins, GS_ONLY).problems).toEqual([
      { row: 2, column: '网格名称', message: '平阳社区有 2 个与「平阳社区第一网格」名称只差空格、全角或不可见字符的网格（GS-0101、GS-0105），请填写网格编码指明是哪一个' },
    ]);
  });

  it('counts two rows whose names differ only by a space as the same grid twice', () => {
    expect(planImport([row(2, { name: '新网格' }), row(3, { name: '新 网格' })], state, GS_ONLY).problems).toEqual([
      { row: 3, column: '网格名称', message: '与第 2 行重复：平阳社区已有名为「新 网格」的网格' },
    ]);
  });
});

describe('a grid the sheet puts in another community', () => {
  it('is an update reported as a move, from and to', () => {
    const { plan } = planImport([row(2, { code: 'GS-0101', community: '北关社区', name: '平阳社区第一网格', households: 300 })], state, GS_ONLY);
    expect(plan.updates).toEqual([{ _id: 'grid-GS-0101', code: 'GS-0101', changes: { communityId: 'GS02' } }]);
    expect(plan.grids).toEqual([
      { row: 2, code: 'GS-0101', name: '平阳社区第一网格', change: 'updated', move: { from: { id: 'GS01', name: '平阳社区' }, to: { id: 'GS02', name: '北关社区' } } },
    ]);
  });

  it('into a community the sheet creates is a move to the new community', () => {
    const { plan } = planImport([row(2, { code: 'GS-0101', community: '新城社区', name: '平阳社区第一网格', households: 300 })], state, GS_ONLY);
    expect(plan.newCommunities.map((c) => c._id)).toEqual(['GS03']);
    expect(plan.grids[0].move).toEqual({ from: { id: 'GS01', name: '平阳社区' }, to: { id: 'GS03', name: '新城社区' } });
  });

  it('staying in its community is no move', () => {
    const { plan } = planImport([row(2, { code: 'GS-0101', name: '平阳社区第一网格', households: 420 })], state, GS_ONLY);
    expect(plan.grids[0].move).toBeUndefined();
  });
});
