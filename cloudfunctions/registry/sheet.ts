import { parse } from 'csv-parse/sync';
import { refuse } from '../domain/refusal';
import type { WorkbookSheet } from '../domain/registrySheet';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * An uploaded registry file's worksheets, cells as Excel shows them (`xlsxSheets`): every sheet
 * of an .xlsx workbook, or a CSV (one unnamed sheet) in UTF-8 or in the GB18030/GBK that Excel
 * on a Chinese Windows saves. Which sheet and row hold the registry is `locateTable`'s question.
 */
export async function sheetsOf(bytes: Buffer): Promise<WorkbookSheet[]> {
  if (bytes.subarray(0, 4).equals(ZIP)) {
    // Loaded on first use: the workbook reader is most of this function's bundle, and the
    // function's other work (and its cold start) does not need it.
    const { xlsxSheets } = await import('./xlsxSheets');
    return xlsxSheets(bytes);
  }
  if (bytes.subarray(0, 4).equals(OLE)) return refuse('INVALID_INPUT', '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 .csv 后再导入');
  return [{ name: null, hidden: false, rows: csvCells(bytes) }];
}

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * The `'` a CSV writer puts before a cell that begins like a formula (OWASP, CSV Injection; what
 * GridLink's own `registryCsv` writes through csv-stringify's `escape_formulas`): the cell is the
 * text after it.
 */
const FORMULA_ESCAPE = /^'(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/;

function csvCells(bytes: Buffer): string[][] {
  const text = decodeText(bytes);
  if (text.includes('\u0000')) return refuse('INVALID_INPUT', '无法识别的文件，请上传 .xlsx 或 .csv 格式的网格台账');
  try {
    const rows = parse(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
    return rows.map((cells) => cells.map((cell) => cell.replace(FORMULA_ESCAPE, '')));
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return refuse('INVALID_INPUT', `CSV 格式有误${line ? `（第 ${line} 行附近）` : ''}，请用 Excel 重新另存为 CSV 或 .xlsx`);
  }
}
