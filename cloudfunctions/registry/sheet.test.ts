import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { registryCsv, registryWorkbook } from '../../scripts/registry/workbook';
import { REGISTRY_COLUMNS } from '../../types/registry';
import { readRegistrySheet } from '../domain/registry';
import { sheetCells } from './sheet';

const TEMPLATES = join(__dirname, '..', '..', 'templates');
const headers = REGISTRY_COLUMNS.map((c) => c.header);
const row = { street: '钢山街道', community: '平阳社区', code: 'GS-0109', name: '平阳社区第九网格', kind: '城镇社区网格', households: 320, chiefPhone: '05375212345', chiefName: '孙丽' };

describe('reading registry sheets', () => {
  it.each(['grid-registry-template.xlsx', 'grid-registry-template.csv'])('the shipped %s has every column the import reads, and no rows', async (file) => {
    const cells = await sheetCells(readFileSync(join(TEMPLATES, file)));
    expect(cells[0]).toEqual(headers);
    expect(readRegistrySheet(cells).problems).toEqual([{ row: null, column: null, message: '表格里没有网格数据' }]);
  });

  it('an .xlsx keeps codes and phones as typed (leading zeros included)', async () => {
    const [, cells] = await sheetCells(await registryWorkbook([row]));
    expect(cells.slice(0, 6)).toEqual(['钢山街道', '平阳社区', 'GS-0109', '平阳社区第九网格', '城镇社区网格', '320']);
    expect(cells[headers.indexOf('网格长电话')]).toBe('05375212345');
  });

  it.each([
    ['UTF-8 with a BOM', (csv: string) => Buffer.from(csv)],
    ['GB18030 without one', (csv: string) => iconv.encode(csv.replace(/^\uFEFF/, ''), 'gb18030')],
  ])('a CSV in %s reads the same', async (_, encode) => {
    const cells = await sheetCells(encode(registryCsv([row])));
    expect(cells[0]).toEqual(headers);
    expect(cells[1][headers.indexOf('网格名称')]).toBe('平阳社区第九网格');
  });

  it('a quoted cell may hold commas and line breaks (a GeoJSON boundary, a list of workers)', async () => {
    const workers = '王强 13805370002；\n赵敏 13805370003';
    const boundary = '{"type":"Polygon","coordinates":[[[116.96,35.39],[116.97,35.39],[116.97,35.4],[116.96,35.39]]]}';
    const [, cells] = await sheetCells(Buffer.from(registryCsv([{ ...row, workers, boundary }])));
    expect(cells[headers.indexOf('网格员')]).toBe(workers);
    expect(cells[headers.indexOf('边界（GeoJSON）')]).toBe(boundary);
  });
});
