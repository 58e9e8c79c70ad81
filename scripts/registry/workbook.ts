import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { REGISTRY_COLUMNS, type RegistryColumnKey } from '../../types/registry';

/** A registry sheet row by column key; a key left out is an empty cell. */
export type SheetRow = Partial<Record<RegistryColumnKey, string | number>>;

const NOTES_SHEET = '填写说明';

/**
 * The registry sheet as an .xlsx workbook: headers in row 1 (required ones marked), and a sheet
 * explaining each column. Every cell is written as a string in Text format (`@`): codes and phones
 * keep their leading zeros, and a cell beginning like a formula (`=HYPERLINK(…)`, `+`, `-`, `@`)
 * stays text, even once someone edits it in Excel (OWASP, CSV Injection).
 */
export async function registryWorkbook(rows: SheetRow[], columns: readonly RegistryColumnKey[] = REGISTRY_COLUMNS.map((c) => c.key)): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'GridLink 网格通';
  const sheet = workbook.addWorksheet('网格台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  const used = REGISTRY_COLUMNS.filter((c) => columns.includes(c.key));
  sheet.columns = used.map((c) => ({ header: c.header, key: c.key, width: c.key === 'boundary' ? 40 : Math.max(12, c.header.length * 2 + 4), style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  used.forEach((c, i) => {
    const cell = sheet.getRow(1).getCell(i + 1);
    if (c.required) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE8A3' } };
    if (c.hint) cell.note = c.hint;
  });
  for (const row of rows) sheet.addRow(Object.fromEntries(used.map((c) => [c.key, row[c.key] === undefined ? '' : String(row[c.key])])));

  const notes = workbook.addWorksheet(NOTES_SHEET);
  notes.columns = [{ header: '列名', width: 18 }, { header: '是否必填', width: 10 }, { header: '说明', width: 60 }];
  notes.getRow(1).font = { bold: true };
  for (const c of REGISTRY_COLUMNS) notes.addRow([c.header, c.required ? '必填' : '选填', c.hint]);
  notes.addRow([]);
  notes.addRow(['导入规则', '', '导入时读取表头与本模板一致的那张工作表（本说明页和隐藏的工作表不影响）；表头上方可以有标题行。整表检查无误才会导入，有错时一个网格也不会写入。']);
  notes.addRow(['', '', '单元格里的公式按 Excel 显示的结果读取；显示错误值（如 #N/A）或没有计算结果的公式会被指出，请改正后再导入。']);
  notes.addRow(['', '', '已有网格按「网格编码」更新；编码留空时按同一社区内的网格名称匹配，找不到则新建并自动编号。']);
  notes.addRow(['', '', '已有网格填了另一个社区，会移到该社区，检查结果中会单独列出。社区、网格名称中的空格、全角字符和看不见的字符不影响匹配。']);
  notes.addRow(['', '', '表格中没有的列不会改动已有数据；有该列但单元格为空，则清空该项。']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The same sheet as UTF-8 CSV with a BOM, which Excel opens with the Chinese intact. A text cell
 * beginning like a formula (`=`, `+`, `-`, `@`, a tab or a carriage return, or their full-width
 * forms) gets a leading `'` so that Excel shows it rather than runs it (OWASP, CSV Injection:
 * csv-stringify's `escape_formulas`); the import takes the `'` off again (`registry/sheet.ts`).
 */
export function registryCsv(rows: SheetRow[], columns: readonly RegistryColumnKey[] = REGISTRY_COLUMNS.map((c) => c.key)): string {
  const used = REGISTRY_COLUMNS.filter((c) => columns.includes(c.key));
  const lines = [used.map((c) => c.header), ...rows.map((row) => used.map((c) => row[c.key] ?? ''))];
  return stringify(lines, { bom: true, record_delimiter: 'windows', escape_formulas: true });
}
