import ExcelJS from 'exceljs';
import type { SheetTable } from '../domain/assessmentSheet';

/** An .xlsx of named sheets, each a header row in bold then its rows (an empty cell for null). */
export async function workbookOf(sheets: Array<{ name: string; table: SheetTable }>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const { name, table } of sheets) {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(table.headers).font = { bold: true };
    sheet.addRows(table.rows);
    sheet.columns.forEach((column) => (column.width = 12));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
