import { REGISTRY_COLUMNS, type RegistryColumnKey } from '../../types/registry';
import type { CommunityRecord, GridRecord, StreetRecord } from './records';
import { planImport, readRegistrySheet, type RegistryRow, type RegistryState } from './registry';

const ALL = REGISTRY_COLUMNS.map((c) => c.key);
const headerOf = (key: RegistryColumnKey) => REGISTRY_COLUMNS.find((c) => c.key === key)!.header;

/** A table with the given columns (all by default): rows as objects keyed by column. */
function table(rows: Array<Partial<Record<RegistryColumnKey, string>>>, columns: readonly RegistryColumnKey[] = ALL): string[][] {
  return [columns.map(headerOf), ...rows.map((row) => columns.map((key) => row[key] ?? ''))];
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
    ['bad chief phone', { chiefName: '李娜', chiefPhone: '12345' }, '网格长电话', '联系电话格式不正确'],
    ['worker without a phone', { workers: '王强' }, '网格员', '「王强」应写成“姓名 电话”'],
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
    expect(problems).toEqual([{ row: 1, column: '社区（村）', message: '缺少必填列「社区（村）」，请使用网格台账模板' }]);
  });

  it('accepts headers typed with half-width brackets and stray spaces', () => {
    const sheet = table([good]);
    sheet[0] = sheet[0].map((h) => h.replace('（', '(').replace('）', ')').replace('街道', ' 街道 '));
    expect(readRegistrySheet(sheet).problems).toEqual([]);
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
