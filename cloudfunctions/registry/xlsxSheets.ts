import ExcelJS, { type CellValue } from 'exceljs';
import JSZip from 'jszip';
import { format } from 'numfmt';
import type { SheetCell, WorkbookSheet } from '../domain/registrySheet';
import { refuse } from '../domain/refusal';

/**
 * An .xlsx workbook's cells as Excel shows them, every worksheet with its visibility, for
 * `locateTable` to find the registry in. exceljs hands a cell over as one of many shapes; each
 * becomes the text a person sees in that cell, or a fault saying what to do:
 * - text, rich text (runs joined), a hyperlink (its text), TRUE/FALSE;
 * - a number: its value to Excel's 15 significant digits (`0.1+0.2` → `0.3`), not rounded by
 *   its display format, so a coordinate shown as 116.97 keeps its digits;
 * - a date or time (exceljs turns a number under a date format into a Date): as its format
 *   shows it, in Chinese (`h:mm` → `8:30`), by numfmt;
 * - a formula (shared and array ones too): its cached result, read as above (0 stays 0), an
 *   empty text result (`=IFERROR(…,"")`) as empty; no cached result, or an error value (`#N/A`),
 *   is a fault;
 * - a merged cell: the value of the merge's top-left cell, in every cell it covers (so a 街道
 *   merged down a block of rows applies to each row).
 */
export async function xlsxSheets(bytes: Buffer): Promise<WorkbookSheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load((await withEmptyTextResultsKept(bytes)) as unknown as ArrayBuffer);
  } catch {
    return refuse('INVALID_INPUT', '无法读取该 Excel 文件，请确认是 .xlsx 格式且未加密');
  }
  return workbook.worksheets.map((worksheet) => {
    const rows: SheetCell[][] = [];
    worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: SheetCell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = shown(valueOf(cell.master), cell.master.numFmt);
      });
      rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
    });
    return { name: worksheet.name, hidden: worksheet.state !== 'visible', rows: Array.from(rows, (r) => r ?? []) };
  });
}

/**
 * A formula cell whose cached result is empty text is saved as `<c t="str"><f>…</f><v></v></c>`
 * (Excel, WPS and LibreOffice alike, e.g. `=IFERROR(VLOOKUP(…),"")`). exceljs reads its type
 * only from the `<v>` text, so it cannot tell that cell from a formula saved with no result at
 * all (`<c><f>…</f></c>`, which only programs write). Before exceljs reads the workbook, each
 * such empty text result is marked, and `shown` reads the mark as the empty cell Excel shows.
 */
const EMPTY_TEXT_MARK = '\u200B';

const EMPTY_TEXT_RESULT = /(<c\b[^>]*\bt="str"[^>]*>\s*<f\b[^>]*(?:\/>|>[^<]*<\/f>))\s*(?:<v\s*\/>|<v>\s*<\/v>)?(\s*<\/c>)/g;

async function withEmptyTextResultsKept(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const sheets = zip.file(/^xl\/worksheets\/[^/]+\.xml$/);
  let changed = false;
  for (const sheet of sheets) {
    const xml = await sheet.async('string');
    const kept = xml.replace(EMPTY_TEXT_RESULT, `$1<v>${EMPTY_TEXT_MARK}</v>$2`);
    if (kept !== xml) {
      zip.file(sheet.name, kept);
      changed = true;
    }
  }
  return changed ? zip.generateAsync({ type: 'nodebuffer' }) : bytes;
}

/** exceljs's `value` drops a formula's falsy result (0, FALSE); its `result` keeps it. */
const valueOf = (cell: ExcelJS.Cell): CellValue => (cell.type === ExcelJS.ValueType.Formula ? { formula: cell.formula, result: cell.result } : cell.value);

const NO_RESULT = '公式没有计算结果，请用 Excel 打开并保存后再导入';
const errorShown = (error: string) => `单元格显示错误值 ${error}，请改正公式或数据后再导入`;

/** Excel keeps 15 significant digits; more are binary noise (`0.30000000000000004`). */
const EXCEL_DIGITS = 15;

/** Days from Excel's day 0 (1900 date system) to the Unix epoch. */
const EXCEL_EPOCH_DAYS = 25569;
const DAY_MS = 86_400_000;

/**
 * The 1900-system serial numfmt formats, for a date exceljs made: exceljs reads serials as UTC
 * and has already undone a 1904-system workbook's offset.
 */
const serialOf = (date: Date) => EXCEL_EPOCH_DAYS + date.getTime() / DAY_MS;

function dateShown(date: Date, numFmt: string | undefined): SheetCell {
  if (Number.isNaN(date.getTime())) return { fault: '日期无法识别，请改为文本后再导入' };
  const serial = serialOf(date);
  const pattern = numFmt || (Number.isInteger(serial) ? 'yyyy/m/d' : 'yyyy/m/d h:mm');
  return format(pattern, serial, { locale: 'zh-CN' });
}

/** A cell's value (exceljs's shapes) as Excel shows it; see `xlsxSheets`. */
function shown(value: CellValue, numFmt: string | undefined): SheetCell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(Number(value.toPrecision(EXCEL_DIGITS)));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateShown(value, numFmt);
  if ('error' in value) return { fault: errorShown(value.error) };
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    if (value.result === EMPTY_TEXT_MARK) return '';
    return value.result === undefined ? { fault: NO_RESULT } : shown(value.result as CellValue, numFmt);
  }
  if ('hyperlink' in value) return shown(value.text as CellValue, numFmt);
  return { fault: '无法识别的单元格内容，请改为文本后再导入' };
}
