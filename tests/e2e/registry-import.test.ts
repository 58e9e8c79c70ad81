import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { registryWorkbook, type SheetRow } from '../../scripts/registry/workbook';
import { phoneOf, screenshot, shown, startE2e, stopE2e, settle } from '../support/browser';
import { LocalCloud } from '../support/localCloud';

const STREET_STAFF = 'demo-street-GS';

let cloud: LocalCloud;
let browser: Browser;
beforeAll(async () => ({ cloud, browser } = await startE2e()));
afterAll(() => stopE2e(cloud, browser));

/** Picks a workbook (`rows` in the template, or the bytes given) in the browser's file chooser the page opens. */
async function chooseSheet(page: Page, rows: SheetRow[] | Buffer, name: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), shown(page, '选择台账文件（.xlsx / .csv）').or(shown(page, '选择其他文件')).click()]);
  const buffer = Buffer.isBuffer(rows) ? rows : await registryWorkbook(rows);
  await chooser.setFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
}

const newGrid = (name: string, chief: string, phone: string): SheetRow => ({
  street: '钢山街道',
  community: '平阳社区',
  name,
  kind: '城镇社区网格',
  households: 260,
  chiefName: chief,
  chiefPhone: phone,
  stationName: '平阳社区党群服务站',
  stationAddress: '邹城市钢山街道平阳社区服务中心一楼',
  stationHours: '周一至周日 8:30–18:00',
});

it('street staff import a sheet from the inbox: bad rows first, then the fixed sheet, and the new grid answers its code', async () => {
  const { page } = await phoneOf(browser, STREET_STAFF);
  await page.goto(`${cloud.url}/#/packages/inbox/index`);
  await shown(page, '导入网格台账').click();
  await shown(page, '按台账批量建立、更新网格').waitFor();

  await chooseSheet(page, [newGrid('平阳社区第九网格', '孙丽', '13805379901'), { ...newGrid('平阳社区第十网格', '周强', '1380537'), households: '约三百' }], '平阳社区新增网格.xlsx');
  await shown(page, '表格有 2 处问题，本次没有导入任何网格').waitFor();
  await shown(page, '第 3 行 · 户数').waitFor();
  await shown(page, '第 3 行 · 网格长电话').waitFor();
  await settle(page);
  await screenshot(page, 'registry-import-bad-rows');

  await chooseSheet(page, [newGrid('平阳社区第九网格', '孙丽', '13805379901'), newGrid('平阳社区第十网格', '周强', '13805379902')], '平阳社区新增网格（改正）.xlsx');
  await shown(page, '检查通过：共 2 行').waitFor();
  await shown(page, '确认导入').click();
  await shown(page, '导入完成').waitFor();
  await shown(page, '新网格已编码，请把编码填回台账').waitFor();
  const code = (await page.locator('.registry-row__code').filter({ visible: true }).first().textContent())!;
  expect(code).toMatch(/^GS-01\d{2}$/);
  await settle(page);
  await screenshot(page, 'registry-import-done');

  const resident = (await phoneOf(browser, 'e2e-registry-resident')).page;
  await resident.goto(`${cloud.url}/g/${code}`);
  await shown(resident, '平阳社区第九网格').waitFor();
  await shown(resident, '孙丽').waitFor();
  await shown(resident, '平阳社区党群服务站').waitFor();
  await settle(resident);
  await screenshot(resident, 'registry-import-new-grid-page');
});

it('a sheet with a title row that moves a grid to another community shows where it was read and the move before importing it', async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('说明').addRows([['本表由钢山街道网格办填报']]);
  const sheet = workbook.addWorksheet('北关社区调整');
  sheet.addRows([['钢山街道网格调整表'], ['街道', '社区（村）', '网格编码', '网格名称', '网格类型'], ['钢山街道', '护驾山社区', 'GS-0302', '北关社区第二网格', '城镇社区网格']]);
  sheet.mergeCells('A1:E1');

  const { page } = await phoneOf(browser, STREET_STAFF);
  await page.goto(`${cloud.url}/#/packages/registry/import/index`);
  await chooseSheet(page, Buffer.from(await workbook.xlsx.writeBuffer()), '北关社区调整.xlsx');
  await shown(page, '读取：工作表「北关社区调整」，第 2 行为表头').waitFor();
  await shown(page, '有 1 个网格将换到其他社区，请核对').waitFor();
  await shown(page, '北关社区第二网格：北关社区 → 护驾山社区').waitFor();
  await settle(page);
  await screenshot(page, 'registry-import-move');

  await shown(page, '确认导入').click();
  await shown(page, '1 个网格已换到其他社区').waitFor();

  const resident = (await phoneOf(browser, 'e2e-registry-mover')).page;
  await resident.goto(`${cloud.url}/g/GS-0302`);
  await shown(resident, '北关社区第二网格').waitFor();
  await resident.getByText('护驾山社区').filter({ visible: true }).first().waitFor();
});
