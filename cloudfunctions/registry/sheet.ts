import { parse } from 'csv-parse/sync';
import { refuse } from '../domain/refusal';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * A registry sheet's cells as text, row by row (row 1 the headers): an .xlsx workbook's first
 * sheet, or a CSV in UTF-8 or in the GB18030/GBK that Excel on a Chinese Windows saves.
 */
export async function sheetCells(bytes: Buffer): Promise<string[][]> {
  if (bytes.subarray(0, 4).equals(ZIP)) return xlsxCells(bytes);
  if (bytes.subarray(0, 4).equals(OLE)) return refuse('INVALID_INPUT', '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 .csv 后再导入');
  return csvCells(bytes);
}

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function csvCells(bytes: Buffer): string[][] {
  const text = decodeText(bytes);
  if (text.includes('\u0000')) return refuse('INVALID_INPUT', '无法识别的文件，请上传 .xlsx 或 .csv 格式的网格台账');
  try {
    return parse(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return refuse('INVALID_INPUT', `CSV 格式有误${line ? `（第 ${line} 行附近）` : ''}，请用 Excel 重新另存为 CSV 或 .xlsx`);
  }
}

async function xlsxCells(bytes: Buffer): Promise<string[][]> {
  // Loaded on first use: the workbook reader is most of this function's bundle, and the
  // function's other work (and its cold start) does not need it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return refuse('INVALID_INPUT', '无法读取该 Excel 文件，请确认是 .xlsx 格式且未加密');
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return refuse('INVALID_INPUT', '表格是空的');
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cell.text ?? '';
    });
    table[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(table, (row) => row ?? []);
}
