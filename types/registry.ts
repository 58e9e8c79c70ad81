import * as z from 'zod/mini';
import type { Problem } from './envelope';
import { cleanText } from './typed';

/**
 * The registry sheet (网格台账): one row per grid, Chinese headers as street offices keep them
 * (`aliases`: other headers offices use for the same column, e.g. 社区 for 社区（村）).
 * A column left out of the sheet leaves that field of existing grids alone; a column present
 * with an empty cell clears it.
 */
export const REGISTRY_COLUMNS = [
  { key: 'street', header: '街道', required: true, hint: '已开通的街道全称，如：钢山街道', aliases: ['街道（镇）', '镇街', '乡镇（街道）'] },
  { key: 'community', header: '社区（村）', required: true, hint: '社区或村的名称，新名称会新建社区', aliases: ['社区', '村', '社区/村', '村（社区）', '社区（村居）'] },
  { key: 'code', header: '网格编码', required: false, hint: '新网格留空，由系统按街道编号；已有网格填原编码', aliases: ['网格编号', '网格码'] },
  { key: 'name', header: '网格名称', required: true, hint: '如：平阳社区第一网格', aliases: ['网格名'] },
  { key: 'kind', header: '网格类型', required: true, hint: '城镇社区网格、农村网格、商圈网格、楼宇网格、市场网格' },
  { key: 'households', header: '户数', required: false, hint: '整数' },
  { key: 'lng', header: '中心经度', required: false, hint: 'GCJ-02（腾讯/高德地图坐标），如 116.9675' },
  { key: 'lat', header: '中心纬度', required: false, hint: 'GCJ-02，如 35.404' },
  { key: 'boundary', header: '边界（GeoJSON）', required: false, hint: 'GeoJSON Polygon，可留空' },
  { key: 'chiefName', header: '网格长姓名', required: false, hint: '' },
  { key: 'chiefPhone', header: '网格长电话', required: false, hint: '手机号或带区号的座机' },
  { key: 'workers', header: '网格员', required: false, hint: '每人“姓名 电话”（先写电话也可），多人用顿号、逗号、分号或换行隔开' },
  { key: 'stationName', header: '服务站名称', required: false, hint: '' },
  { key: 'stationAddress', header: '服务站地址', required: false, hint: '' },
  { key: 'stationHours', header: '服务时间', required: false, hint: '如：周一至周日 8:30–18:00' },
] as const;

export type RegistryColumnKey = (typeof REGISTRY_COLUMNS)[number]['key'];

/** A sheet bigger than a city's registry is a wrong file, not an import. */
export const REGISTRY_MAX_ROWS = 5000;
export const REGISTRY_MAX_BYTES = 10 * 1024 * 1024;

/** A stored sheet (uploaded to cloud storage first); `dryRun` checks and reports without writing. */
export const ImportRegistryInput = z.object({
  fileID: z.string().check(z.overwrite(cleanText), z.minLength(1, { error: '请先上传网格台账表格' }), z.maxLength(512, { error: '文件编号过长' })),
  dryRun: z._default(z.boolean(), false),
});
export type ImportRegistryInput = z.input<typeof ImportRegistryInput>;

/** One thing wrong with the sheet: `row` is the spreadsheet's own row number, as Excel shows it. */
export type SheetProblem = Problem;

/** A community as the import report names it: `id` tells apart names that look alike. */
export type CommunityRef = { id: string; name: string };

/**
 * One row's grid and what the import does to it. `move`: an existing grid that the row puts in
 * another community of its street (also counted as updated), so a dry run shows it before it happens.
 */
export type ImportedGrid = {
  row: number;
  code: string;
  name: string;
  change: 'created' | 'updated' | 'unchanged';
  move?: { from: CommunityRef; to: CommunityRef };
};

export type ImportReport = {
  importId: string | null;
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Existing grids the sheet puts in another community (each also counted in `updated`). */
  moved: number;
  communitiesCreated: string[];
  /** The worksheet read (null for a CSV) and its header row: title rows and other sheets are skipped. */
  sheet: string | null;
  headerRow: number;
  /** Every row's grid with its code: the codes assigned to new grids are here to fill back in. */
  grids: ImportedGrid[];
};
