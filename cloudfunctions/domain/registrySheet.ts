import { REGISTRY_COLUMNS, type RegistryColumnKey, type SheetProblem } from '../../types/registry';
import { cleanText } from '../../types/typed';

/**
 * Where a registry sheet's table is: which worksheet of a workbook, which row holds the headers,
 * and which column is which. Pure: the workbook reader hands over every sheet's cells.
 */

/** A cell as a sheet reader hands it over: the text Excel shows, or why it cannot be read (in Chinese). */
export type SheetCell = string | { fault: string };

/**
 * One worksheet: `name` null for a CSV; `rows[i]` is the spreadsheet's row i + 1, so row numbers
 * in problems are the ones Excel shows, title rows above the headers included.
 */
export type WorkbookSheet = { name: string | null; hidden: boolean; rows: SheetCell[][] };

/** A cell's text, or '' for a cell that cannot be read (its fault is reported where the column is read). */
const cellText = (cell: SheetCell | undefined): string => (typeof cell === 'string' ? cleanText(cell) : '');

/** A problem with one cell, raised by a column's reader; `column` when it belongs to another column than the one read. */
export class CellFault extends Error {
  constructor(
    message: string,
    readonly column?: RegistryColumnKey,
  ) {
    super(message);
  }
}

export const fail = (message: string, column?: RegistryColumnKey): never => {
  throw new CellFault(message, column);
};

export const HEADER_BY_KEY = Object.fromEntries(REGISTRY_COLUMNS.map((c) => [c.key, c.header])) as Record<RegistryColumnKey, string>;

/** Title rows a street office puts above the headers (sheet title, 填报单位, date) fit well within these. */
const HEADER_SEARCH_ROWS = 20;

/**
 * A header as compared: cleaned (NFKC, invisible characters gone), spaces and line breaks
 * dropped, brackets half-width, a required-column star (`*街道`) dropped.
 */
const headerKey = (text: string) => cleanText(text).replace(/[\s*]/g, '');

const KEY_BY_HEADER = new Map(REGISTRY_COLUMNS.flatMap((c) => [c.header, ...('aliases' in c ? c.aliases : [])].map((header) => [headerKey(header), c.key] as const)));
const REQUIRED = REGISTRY_COLUMNS.filter((c) => c.required);

export type Columns = Partial<Record<RegistryColumnKey, number>>;

/** The registry columns a row names, by their index; a header given twice keeps its first place. */
function columnsOf(row: SheetCell[]): { columns: Columns; repeated: RegistryColumnKey[] } {
  const columns: Columns = {};
  const repeated: RegistryColumnKey[] = [];
  row.forEach((cell, index) => {
    const key = KEY_BY_HEADER.get(headerKey(cellText(cell)));
    if (!key) return;
    if (columns[key] === undefined) columns[key] = index;
    else repeated.push(key);
  });
  return { columns, repeated };
}

const hasRequired = (columns: Columns) => REQUIRED.every((c) => columns[c.key] !== undefined);

/** A row with nothing in the columns the import reads (nothing at all, or a 序号 alone) is not a grid. */
export const isBlankRow = (row: SheetCell[] | undefined, columns: Columns) =>
  Object.values(columns).every((index) => {
    const cell = row?.[index];
    return cell === undefined || (typeof cell === 'string' && cellText(cell) === '');
  });

/** The sheet's table: `headerRow` as Excel numbers it; data rows follow it. */
export type SheetTable = { sheet: WorkbookSheet; headerRow: number; columns: Columns };

type Found = SheetTable & { rowsBelow: boolean };

function headerIn(sheet: WorkbookSheet): Found | null {
  const last = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < last; index++) {
    const { columns } = columnsOf(sheet.rows[index] ?? []);
    if (!hasRequired(columns)) continue;
    const rowsBelow = sheet.rows.slice(index + 1).some((row) => !isBlankRow(row, columns));
    return { sheet, headerRow: index + 1, columns, rowsBelow };
  }
  return null;
}

const sheetLabel = (sheet: WorkbookSheet) => (sheet.name === null ? '' : `工作表「${sheet.name}」的`);

/** A row naming fewer registry columns is not a header (a 填写说明 row names one). */
const HEADER_LEAST_COLUMNS = 2;

/** The row of any sheet naming the most registry columns (at least two), for saying what its headers lack. */
function closestHeader(sheets: WorkbookSheet[]): { sheet: WorkbookSheet; row: number; columns: Columns } | null {
  let best: { sheet: WorkbookSheet; row: number; columns: Columns; count: number } | null = null;
  for (const sheet of sheets) {
    for (let index = 0; index < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); index++) {
      const { columns } = columnsOf(sheet.rows[index] ?? []);
      const count = Object.keys(columns).length;
      if (count >= HEADER_LEAST_COLUMNS && (!best || count > best.count)) best = { sheet, row: index + 1, columns, count };
    }
  }
  return best;
}

/**
 * Finds the registry table: the first worksheet (visible ones before hidden ones, each in
 * workbook order) whose first `HEADER_SEARCH_ROWS` rows hold a row with every required header;
 * rows above it are titles. Of several such sheets, the one with rows under its headers is read;
 * two with rows are refused rather than one of them guessed. Problems name the header row.
 */
export function locateTable(sheets: WorkbookSheet[]): { table: SheetTable | null; problems: SheetProblem[] } {
  const ordered = [...sheets.filter((s) => !s.hidden), ...sheets.filter((s) => s.hidden)];
  const found = ordered.map(headerIn).filter((f): f is Found => f !== null);
  const tier = found.filter((f) => f.sheet.hidden === found[0]?.sheet.hidden);
  const filled = tier.filter((f) => f.rowsBelow);
  if (filled.length > 1) {
    const names = filled.map((f) => `「${f.sheet.name}」`).join('');
    return { table: null, problems: [{ row: null, column: null, message: `工作簿中有 ${filled.length} 张工作表都填了网格台账（${names}），无法确定导入哪一张，请只保留一张或分开导入` }] };
  }
  const chosen = filled[0] ?? tier[0];
  if (chosen) return { table: chosen, problems: headerProblems(chosen) };

  const closest = closestHeader(ordered);
  if (!closest) {
    const names = REQUIRED.map((c) => `「${c.header}」`).join('');
    return { table: null, problems: [{ row: null, column: null, message: `没有找到网格台账的表头：前 ${HEADER_SEARCH_ROWS} 行中没有一行有${names}这几列，请使用网格台账模板` }] };
  }
  const missing = REQUIRED.filter((c) => closest.columns[c.key] === undefined);
  return {
    table: null,
    problems: missing.map((c) => ({ row: closest.row, column: c.header, message: `${sheetLabel(closest.sheet)}表头缺少必填列「${c.header}」，请使用网格台账模板` })),
  };
}

/** A header given twice, or one of two columns that only make sense together. */
function headerProblems({ sheet, headerRow, columns }: SheetTable): SheetProblem[] {
  const problems: SheetProblem[] = columnsOf(sheet.rows[headerRow - 1]).repeated.map((key) => ({ row: headerRow, column: HEADER_BY_KEY[key], message: `表头「${HEADER_BY_KEY[key]}」出现了两次` }));
  const paired: Array<[RegistryColumnKey, RegistryColumnKey]> = [['lng', 'lat'], ['chiefName', 'chiefPhone']];
  for (const [a, b] of paired) {
    if ((columns[a] === undefined) !== (columns[b] === undefined)) {
      const missing = columns[a] === undefined ? a : b;
      problems.push({ row: headerRow, column: HEADER_BY_KEY[missing], message: `「${HEADER_BY_KEY[a]}」和「${HEADER_BY_KEY[b]}」两列要一起提供` });
    }
  }
  return problems;
}
