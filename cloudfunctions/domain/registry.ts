import * as z from 'zod/mini';
import { GRID_CODE_PATTERN, GRID_KIND_LABELS, GRID_KINDS, GridCode, type GridKind } from '../../types/grid';
import { REGISTRY_MAX_ROWS, type CommunityRef, type ImportedGrid, type RegistryColumnKey, type SheetProblem } from '../../types/registry';
import { cleanText } from '../../types/typed';
import type { CommunityRecord, GridRecord, RosterPerson, StationRecord, StreetRecord } from './records';
import type { GeoPolygon, LngLat } from './locate';
import { CellFault, fail, HEADER_BY_KEY, isBlankRow, locateTable, type Columns, type SheetCell, type WorkbookSheet } from './registrySheet';
import { rosterChief, rosterPeople } from './rosterCell';

/**
 * The registry import, as pure steps: a workbook's cells → its table (`registrySheet.ts`) →
 * checked rows (people cells by `rosterCell.ts`) → a plan of writes. Every cell is cleaned
 * (`cleanText`) before it is read or matched. Nothing is written unless every row is sound, so a
 * bad sheet changes nothing.
 */

/** A sheet row as the import understands it; a field is undefined when its column is absent. */
export type RegistryRow = {
  row: number;
  street: string;
  community: string;
  code: string | null;
  name: string;
  kind: GridKind;
  households?: number | null;
  centre?: LngLat | null;
  boundary?: GeoPolygon | null;
  chief?: RosterPerson | null;
  workers?: RosterPerson[];
  /** The station's name; its address and hours only when the sheet has their columns (absent: left as stored). */
  station?: (Pick<StationRecord, 'name'> & Partial<StationRecord>) | null;
};

const KIND_BY_WORD: Record<string, GridKind> = {
  ...Object.fromEntries(GRID_KINDS.map((k) => [k, k])),
  ...Object.fromEntries(Object.entries(GRID_KIND_LABELS).map(([k, label]) => [label, k as GridKind])),
  城镇: 'urban', 城镇网格: 'urban', 社区网格: 'urban', 农村: 'rural', 村网格: 'rural', 商圈: 'business', 楼宇: 'office', 市场: 'market',
};

const text = (max: number, what: string) => (raw: string) => {
  if (!raw) fail(`请填写${what}`);
  if (raw.length > max) fail(`${what}不能超过 ${max} 个字`);
  return raw;
};

const optionalText = (max: number, what: string) => (raw: string) => (raw ? text(max, what)(raw) : null);

function zodValue<T>(schema: z.ZodMiniType<T>, raw: string): T {
  const parsed = z.safeParse(schema, raw);
  return parsed.success ? parsed.data : fail(parsed.error.issues[0]?.message ?? '格式不正确');
}

/** China, generously: a GCJ-02 point outside this box is a swapped or mistyped coordinate. */
const CHINA = { lng: [73, 136], lat: [3, 54] } as const;

function coordinate(axis: 'lng' | 'lat', raw: string): number | null {
  if (!raw) return null;
  const value = Number(raw);
  const [min, max] = CHINA[axis];
  const name = axis === 'lng' ? '经度' : '纬度';
  if (!/^-?\d+(\.\d+)?$/.test(raw) || !Number.isFinite(value)) fail(`${name}应为数字，如 ${axis === 'lng' ? '116.9675' : '35.404'}`);
  if (value < min || value > max) fail(`${name}应在 ${min}–${max} 之间（GCJ-02 坐标，经纬度是否填反了？）`);
  return value;
}

const Position = z.tuple([z.number(), z.number()]);
const Ring = z.array(Position).check(z.minLength(4, { error: '边界的每个环至少需要 4 个点（首尾相同）' }));
const Polygon = z.object({ type: z.literal('Polygon', { error: '边界应为 GeoJSON Polygon' }), coordinates: z.array(Ring).check(z.minLength(1, { error: '边界没有坐标' })) });

function boundary(raw: string): GeoPolygon | null {
  if (!raw) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return fail('边界不是有效的 GeoJSON（JSON 格式错误）');
  }
  const parsed = z.safeParse(Polygon, json);
  if (!parsed.success) return fail(parsed.error.issues[0]?.message ?? '边界应为 GeoJSON Polygon');
  for (const ring of parsed.data.coordinates) {
    const [first, last] = [ring[0], ring[ring.length - 1]];
    if (first[0] !== last[0] || first[1] !== last[1]) fail('边界的环没有闭合（首尾坐标应相同）');
    for (const [lng, lat] of ring) {
      if (lng < CHINA.lng[0] || lng > CHINA.lng[1] || lat < CHINA.lat[0] || lat > CHINA.lat[1]) fail('边界坐标应为 [经度, 纬度]（GCJ-02），且在中国境内');
    }
  }
  return parsed.data as GeoPolygon;
}

/**
 * A row's cells by column: `text` cleaned (NFKC, invisible characters gone, spaces collapsed),
 * `raw` as written (line breaks kept, for the people cells). A cell the reader could not read
 * raises its fault for that column.
 */
type Cells = { text: (key: RegistryColumnKey) => string; raw: (key: RegistryColumnKey) => string };

/** Reads one column's cell (or, for the chief, the pair of cells) into its value; a CellFault names what is wrong. */
const READERS = {
  street: (c: Cells) => text(30, '街道')(c.text('street')),
  community: (c: Cells) => text(30, '社区（村）名称')(c.text('community')),
  code: (c: Cells) => (c.text('code') ? zodValue(GridCode, c.text('code')) : null),
  name: (c: Cells) => text(40, '网格名称')(c.text('name')),
  kind: (c: Cells) => KIND_BY_WORD[c.text('kind')] ?? fail(c.text('kind') ? `网格类型「${c.text('kind')}」不认识，应为：${Object.values(GRID_KIND_LABELS).join('、')}` : '请填写网格类型'),
  households: (c: Cells) => {
    const raw = c.text('households').replace(/,/g, '');
    if (!raw) return null;
    if (!/^\d{1,6}$/.test(raw)) fail('户数应为不小于 0 的整数');
    return Number(raw);
  },
  lng: (c: Cells) => coordinate('lng', c.text('lng')),
  lat: (c: Cells) => coordinate('lat', c.text('lat')),
  boundary: (c: Cells) => boundary(c.text('boundary')),
  chiefName: (c: Cells) => rosterChief(c.raw('chiefName'), c.raw('chiefPhone')),
  workers: (c: Cells) => rosterPeople(c.raw('workers')),
  stationName: (c: Cells) => optionalText(40, '服务站名称')(c.text('stationName')),
  stationAddress: (c: Cells) => optionalText(80, '服务站地址')(c.text('stationAddress')),
  stationHours: (c: Cells) => optionalText(40, '服务时间')(c.text('stationHours')),
} satisfies Partial<Record<RegistryColumnKey, (c: Cells) => unknown>>;

type ReadKey = keyof typeof READERS;
type Read = { [K in ReadKey]?: ReturnType<(typeof READERS)[K]> };

function cellsOf(cells: SheetCell[], columns: Columns): Cells {
  const raw = (key: RegistryColumnKey) => {
    const index = columns[key];
    const cell = index === undefined ? '' : (cells[index] ?? '');
    return typeof cell === 'string' ? cell : fail(cell.fault, key);
  };
  return { raw, text: (key) => cleanText(raw(key)) };
}

function readRow(cells: SheetCell[], columns: Columns, row: number): { value: RegistryRow | null; problems: SheetProblem[] } {
  const c = cellsOf(cells, columns);
  const read: Read = {};
  const problems: SheetProblem[] = [];
  const problem = (key: RegistryColumnKey | null, message: string) => problems.push({ row, column: key && HEADER_BY_KEY[key], message });
  for (const key of Object.keys(READERS) as ReadKey[]) {
    if (columns[key] === undefined) continue;
    try {
      (read as Record<string, unknown>)[key] = READERS[key](c);
    } catch (error) {
      if (!(error instanceof CellFault)) throw error;
      problem(error.column ?? key, error.message);
    }
  }
  if (problems.length) return { value: null, problems };

  if ((read.lng === null) !== (read.lat === null)) problem(read.lng === null ? 'lng' : 'lat', '中心经度和纬度要一起填写');
  const stationGiven = read.stationAddress || read.stationHours;
  if (stationGiven && !read.stationName) problem('stationName', '填写了服务站地址或时间，请同时填写服务站名称');
  if (problems.length) return { value: null, problems };

  const has = (key: RegistryColumnKey) => columns[key] !== undefined;
  const value: RegistryRow = { row, street: read.street!, community: read.community!, code: has('code') ? read.code! : null, name: read.name!, kind: read.kind! };
  if (has('households')) value.households = read.households!;
  if (has('lng')) value.centre = read.lng === null ? null : { lng: read.lng!, lat: read.lat! };
  if (has('boundary')) value.boundary = read.boundary!;
  if (has('chiefName')) value.chief = read.chiefName!;
  if (has('workers')) value.workers = read.workers!;
  if (has('stationName')) {
    value.station = read.stationName ? { name: read.stationName } : null;
    if (value.station && has('stationAddress')) value.station.address = read.stationAddress ?? '';
    if (value.station && has('stationHours')) value.station.hours = read.stationHours ?? '';
  }
  return { value, problems };
}

/** A row's station over what is stored: a column the sheet leaves out keeps its stored value. */
function stationOf(given: RegistryRow['station'] & object, stored: StationRecord | null): StationRecord {
  return { name: given.name, address: given.address ?? stored?.address ?? '', hours: given.hours ?? stored?.hours ?? '' };
}

/** Where the rows were read: the worksheet (null for a CSV) and the header row, as Excel numbers it. */
export type SheetSource = { sheet: string | null; headerRow: number };

/**
 * Checks a workbook's registry rows: finds the sheet and header row (`locateTable`), then reads
 * each row below it. Rows blank in every column the import reads are skipped, numbering kept.
 */
export function readRegistrySheet(sheets: WorkbookSheet[]): { rows: RegistryRow[]; problems: SheetProblem[]; source: SheetSource | null } {
  const { table, problems } = locateTable(sheets);
  if (!table || problems.length) return { rows: [], problems, source: null };
  const { sheet, headerRow, columns } = table;
  const rows: RegistryRow[] = [];
  sheet.rows.forEach((cells, index) => {
    if (index < headerRow || isBlankRow(cells, columns)) return;
    const read = readRow(cells ?? [], columns, index + 1);
    problems.push(...read.problems);
    if (read.value) rows.push(read.value);
  });
  if (!rows.length && !problems.length) problems.push({ row: null, column: null, message: '表格里没有网格数据' });
  if (rows.length > REGISTRY_MAX_ROWS) problems.push({ row: null, column: null, message: `一次最多导入 ${REGISTRY_MAX_ROWS} 个网格` });
  return { rows, problems, source: { sheet: sheet.name, headerRow } };
}

/** What the registry holds now: every street, the communities and grids of the streets a sheet names, and any grid a code in it names. */
export type RegistryState = {
  streets: Array<Pick<StreetRecord, '_id' | 'name'>>;
  communities: Array<CommunityRecord & { seq?: number }>;
  grids: GridRecord[];
};

export type ImportPlan = {
  newCommunities: Array<CommunityRecord & { seq: number }>;
  creates: GridRecord[];
  updates: Array<{ _id: string; code: string; changes: Partial<GridRecord> }>;
  grids: ImportedGrid[];
};

/**
 * A street, community or grid name as matched: cleaned (`cleanText`: NFKC, so full-width and
 * half-width agree; invisible characters gone) and without spaces, which no place name here
 * needs. `平阳社区\u200B`, `平阳　社区` and `平阳社区` are one community.
 */
const nameKey = (name: string) => cleanText(name).replace(/\s/g, '');

type Named = { _id: string; name: string };

/**
 * Records by their name's key within a scope (a street's communities, a community's grids).
 * `find` gives the one record a name means: the only one with that key, else the one stored
 * under exactly that name; several and none exact is `ambiguous`, to refuse rather than guess.
 */
function nameIndex<T extends Named>(records: T[], scopeOf: (record: T) => string) {
  const byKey = new Map<string, T[]>();
  const add = (record: T) => {
    const key = `${scopeOf(record)}\n${nameKey(record.name)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), record]);
  };
  records.forEach(add);
  const find = (scope: string, name: string): { match: T | null; ambiguous: T[] } => {
    const all = byKey.get(`${scope}\n${nameKey(name)}`) ?? [];
    const exact = all.filter((r) => r.name === name);
    if (all.length <= 1 || exact.length === 1) return { match: exact[0] ?? all[0] ?? null, ambiguous: [] };
    return { match: null, ambiguous: all };
  };
  return { add, find };
}

/** The streets a sheet's street names mean (by `nameKey`), for loading what the import needs. */
export function streetsNamed<T extends Named>(names: string[], streets: T[]): T[] {
  const keys = new Set(names.map(nameKey));
  return streets.filter((s) => keys.has(nameKey(s.name)));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The number a community's codes carry: its `seq`, or the digits after the street's id in its own id. */
function communitySeq(community: CommunityRecord & { seq?: number }): number | null {
  if (community.seq) return community.seq;
  const match = new RegExp(`^${community.streetId}(\\d+)$`).exec(community._id);
  return match ? Number(match[1]) : null;
}

const REGISTRY_FIELDS = ['name', 'kind', 'households', 'communityId', 'centre', 'boundary', 'roster', 'station'] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const LOOKALIKE = '名称只差空格、全角或不可见字符';
const ids = (records: Named[]) => records.map((r) => r._id).join('、');

/**
 * Turns checked rows into writes, or problems. `streetIdsAllowed`: the streets the importer
 * runs. Streets, communities and grids are matched by `nameKey`. A row updates the grid its code
 * names, or (no code) the active grid of that name in that community; otherwise it is a new
 * grid, coded `<street>-<community nn><grid nn>` after the highest number its community has ever
 * used (retired codes are never handed out again). A coded grid the row puts in another
 * community is updated and reported as a `move`.
 */
export function planImport(rows: RegistryRow[], state: RegistryState, streetIdsAllowed: Set<string>): { plan: ImportPlan; problems: SheetProblem[] } {
  const problems: SheetProblem[] = [];
  const problem = (row: number, column: RegistryColumnKey | null, message: string) => problems.push({ row, column: column && HEADER_BY_KEY[column], message });
  const plan: ImportPlan = { newCommunities: [], creates: [], updates: [], grids: [] };

  const streets = nameIndex(state.streets, () => '');
  const streetName = new Map(state.streets.map((s) => [s._id, s.name]));
  const communities = state.communities.map((c) => ({ ...c, seq: communitySeq(c) }));
  const communityIndex = nameIndex(communities, (c) => c.streetId);
  const communityRef = new Map<string, CommunityRef>(communities.map((c) => [c._id, { id: c._id, name: c.name }]));
  const communityIds = new Set(communities.map((c) => c._id));
  const gridByCode = new Map(state.grids.map((g) => [g.code, g]));
  const activeGrids = nameIndex(
    state.grids.filter((g) => g.status === 'active'),
    (g) => g.communityId,
  );

  const usedCodes = new Set(state.grids.map((g) => g.code));
  for (const row of rows) if (row.code) usedCodes.add(row.code);
  const nextCode = codeAllocator(usedCodes);

  const seenCodes = new Map<string, number>();
  const seenNames = new Map<string, number>();

  for (const row of rows) {
    const { match: street, ambiguous: streetLookalikes } = streets.find('', row.street);
    if (!street) {
      const message = streetLookalikes.length
        ? `已开通的街道中有 ${streetLookalikes.length} 个与「${row.street}」${LOOKALIKE}（${ids(streetLookalikes)}），无法确定是哪一个，请联系管理员`
        : `街道「${row.street}」不存在，请填写已开通的街道全称`;
      problem(row.row, 'street', message);
      continue;
    }
    if (!streetIdsAllowed.has(street._id)) {
      problem(row.row, 'street', `您不是${street.name}的工作人员，不能导入该街道的网格`);
      continue;
    }

    const found = communityIndex.find(street._id, row.community);
    if (found.ambiguous.length) {
      problem(row.row, 'community', `${street.name}有 ${found.ambiguous.length} 个与「${row.community}」${LOOKALIKE}的社区（${ids(found.ambiguous)}），无法确定是哪一个，请联系管理员合并后再导入`);
      continue;
    }
    let community = found.match;
    if (!community) {
      const seq = Math.max(0, ...communities.filter((c) => c.streetId === street._id).map((c) => c.seq ?? 0)) + 1;
      let id = `${street._id}${pad(seq)}`;
      for (let n = 2; communityIds.has(id); n++) id = `${street._id}${pad(seq)}-${n}`;
      community = { _id: id, streetId: street._id, name: row.community, seq };
      communities.push(community);
      communityIds.add(id);
      communityIndex.add(community);
      communityRef.set(id, { id, name: row.community });
      plan.newCommunities.push(community as CommunityRecord & { seq: number });
    }

    const seenName = `${community._id}\n${nameKey(row.name)}`;
    if (seenNames.has(seenName)) {
      problem(row.row, 'name', `与第 ${seenNames.get(seenName)} 行重复：${community.name}已有名为「${row.name}」的网格`);
      continue;
    }
    seenNames.set(seenName, row.row);
    if (row.code) {
      if (seenCodes.has(row.code)) {
        problem(row.row, 'code', `网格编码 ${row.code} 与第 ${seenCodes.get(row.code)} 行重复`);
        continue;
      }
      seenCodes.set(row.code, row.row);
    }

    const named = row.code ? null : activeGrids.find(community._id, row.name);
    if (named?.ambiguous.length) {
      const codes = named.ambiguous.map((g) => g.code).join('、');
      problem(row.row, 'name', `${community.name}有 ${named.ambiguous.length} 个与「${row.name}」${LOOKALIKE}的网格（${codes}），请填写网格编码指明是哪一个`);
      continue;
    }
    const existing = row.code ? gridByCode.get(row.code) : named?.match;
    if (existing && existing.streetId !== street._id) {
      problem(row.row, 'code', `网格编码 ${existing.code} 属于${streetName.get(existing.streetId) ?? '其他街道'}，不能在${street.name}导入`);
      continue;
    }
    if (existing && existing.status !== 'active') {
      const where = existing.mergedInto ? `（已并入 ${existing.mergedInto}）` : '';
      problem(row.row, 'code', `网格 ${existing.code} 已撤销${where}，不能再导入；新网格请留空编码`);
      continue;
    }

    const fields: Partial<GridRecord> = { name: row.name, kind: row.kind, communityId: community._id };
    if (row.households !== undefined) fields.households = row.households;
    if (row.centre !== undefined) fields.centre = row.centre;
    if (row.boundary !== undefined) fields.boundary = row.boundary;
    if (row.station !== undefined) fields.station = row.station && stationOf(row.station, existing?.station ?? null);
    if (row.chief !== undefined || row.workers !== undefined) {
      const before = existing?.roster ?? { chief: null, workers: [] };
      fields.roster = { chief: row.chief !== undefined ? row.chief : before.chief, workers: row.workers ?? before.workers };
    }

    if (existing) {
      const changes = Object.fromEntries(REGISTRY_FIELDS.filter((f) => f in fields && !same(fields[f], existing[f])).map((f) => [f, fields[f]])) as Partial<GridRecord>;
      const changed = Object.keys(changes).length > 0;
      if (changed) plan.updates.push({ _id: existing._id, code: existing.code, changes });
      const grid: ImportedGrid = { row: row.row, code: existing.code, name: row.name, change: changed ? 'updated' : 'unchanged' };
      if (changes.communityId) grid.move = { from: communityRef.get(existing.communityId) ?? { id: existing.communityId, name: existing.communityId }, to: communityRef.get(community._id)! };
      plan.grids.push(grid);
      continue;
    }

    const code = row.code ?? nextCode(street, community.seq ?? 0);
    if (!code) {
      problem(row.row, 'code', `无法为${street.name}自动编号（街道编号不适合做网格码前缀），请手工填写网格编码`);
      continue;
    }
    plan.creates.push({
      _id: `grid-${code}`,
      code,
      name: row.name,
      kind: row.kind,
      households: row.households ?? null,
      communityId: community._id,
      streetId: street._id,
      chiefId: null,
      workerIds: [],
      status: 'active',
      station: row.station ? stationOf(row.station, null) : null,
      centre: row.centre ?? null,
      boundary: row.boundary ?? null,
      roster: (fields.roster as GridRecord['roster']) ?? { chief: null, workers: [] },
    });
    plan.grids.push({ row: row.row, code, name: row.name, change: 'created' });
  }
  return { plan, problems };
}

/**
 * Hands out `<STREET>-<community nn><grid nn>` codes after the highest grid number each
 * community prefix has used; null when the street's id cannot lead a grid code.
 */
function codeAllocator(used: Set<string>) {
  const highest = new Map<string, number>();
  const highestOf = (prefix: string) => {
    if (!highest.has(prefix)) {
      let top = 0;
      for (const code of used) if (code.startsWith(prefix) && /^\d+$/.test(code.slice(prefix.length))) top = Math.max(top, Number(code.slice(prefix.length)));
      highest.set(prefix, top);
    }
    return highest.get(prefix)!;
  };
  return (street: Named, communitySeqNo: number): string | null => {
    const prefix = `${street._id.toUpperCase()}-${pad(communitySeqNo)}`;
    for (let n = highestOf(prefix) + 1; ; n++) {
      const code = `${prefix}${pad(n)}`;
      if (!GRID_CODE_PATTERN.test(code)) return null;
      if (used.has(code)) continue;
      used.add(code);
      highest.set(prefix, n);
      return code;
    }
  };
}
