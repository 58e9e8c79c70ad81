import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import type { GridAssessment } from '../../types/assessment';
import { recentMonths } from '../../src/components/appeal/format';
import { appeal, chiefOf, fileAppeal, newResident, okData } from '../support/appealKit';
import { moveClock } from '../support/clock';
import { phoneOf, screenshot, settle, shown, startE2e, stopE2e } from '../support/browser';
import { openCloudDb, readAll } from '../support/cloudDb';
import { demo, LocalCloud } from '../support/localCloud';
import { arriveFromAppeal, patrolFromGridPage, phoneAtGrid, type PlacedDemoGrid } from '../support/presenceKit';

/**
 * 网格考核 from the grid to the street, in the browser: in the month just ended, the chief of
 * 护驾山社区第一网格 takes on an appeal, patrols by scanning the sign (模拟扫码) and proves 到场 for
 * the appeal the same way; then street staff, from the inbox, compute that month, see it ranked in
 * a table and a bar chart (that grid leads, its patrol and arrival counted), download the .xlsx
 * (the test reads the grid's row), and open the grid's months as a line chart.
 */
const STREET_STAFF = 'demo-street-GS';
const streetGrids = demo.grids.filter((g) => g.streetId === 'GS' && g.status === 'active');
const LEADER = streetGrids.find((g) => g.name === '护驾山社区第一网格')! as (typeof streetGrids)[number] & PlacedDemoGrid;

let cloud: LocalCloud;
let browser: Browser;
beforeAll(async () => ({ cloud, browser } = await startE2e()));
afterAll(() => stopE2e(cloud, browser));

it('a chief patrols and proves 到场 by scanning; street staff compute that month, see the ranking and its chart, download the sheet, and open the grid’s months', async () => {
  // The page starts at the month just ended, as the browser's clock reads it in Zoucheng.
  const [, { month, label }] = recentMonths(Date.now(), 2);
  await moveClock(cloud, { at: `${month}-12T10:00:00+08:00` });
  const filed = await fileAppeal(cloud, newResident(), { gridCode: LEADER.code });
  okData(await appeal(cloud, chiefOf(LEADER.code), 'accept', { id: filed.id }));
  const chiefPage = await phoneAtGrid(browser, chiefOf(LEADER.code), LEADER);
  await patrolFromGridPage(chiefPage, cloud, LEADER.code);
  await arriveFromAppeal(chiefPage, cloud, filed.id);
  await moveClock(cloud, { reset: true });

  const { page } = await phoneOf(browser, STREET_STAFF);
  await page.goto(`${cloud.url}/#/packages/inbox/index`);
  await shown(page, '网格考核').click();
  await shown(page, `${label}的网格考核尚未计算`).waitFor();

  await shown(page, '计算考核').click();
  await shown(page, `已计算 ${streetGrids.length} 个网格`).waitFor();
  const stored = (await readAll(openCloudDb(cloud.url), 'assessments')).filter((a) => a.month === month) as GridAssessment[];
  expect(stored.map((a) => a.gridCode).sort()).toEqual(streetGrids.map((g) => g.code).sort());
  const top = stored.find((a) => a.streetRank === 1)!;
  expect(stored.filter((a) => a.streetRank === 1)).toHaveLength(1);
  expect(top).toMatchObject({
    gridCode: LEADER.code,
    figures: { response: { count: 1, of: 1 }, sameDay: { count: 1, of: 1 }, patrols: { count: 1, of: 1 }, online: { count: 1 } },
  });

  const rows = page.locator('.assessment__row').filter({ visible: true });
  await rows.nth(1).waitFor();
  expect(await rows.count()).toBe(streetGrids.length + 1);
  expect(await rows.nth(1).locator('.assessment__cell').allTextContents()).toEqual(['1', LEADER.name, String(top.score), expect.any(String), '1', '100%', '100%', '—']);
  const bars = page.locator('#assessment-ranking-chart canvas').filter({ visible: true });
  await bars.waitFor();
  expect((await bars.boundingBox())!.height).toBeGreaterThan(100);
  await settle(page);
  await screenshot(page, 'assessment-ranking');

  const [download] = await Promise.all([page.waitForEvent('download'), shown(page, '导出表格').click()]);
  expect(download.suggestedFilename()).toBe(`网格考核-${month}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.getWorksheet('网格考核')!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  const row = (sheet.getRow(2).values as unknown[]).slice(1);
  const cell = (header: string) => row[headers.indexOf(header)];
  expect([cell('街道排名'), cell('网格码'), cell('网格名称'), cell('综合得分')]).toEqual([1, top.gridCode, top.gridName, top.score]);
  expect([cell('巡防次数'), cell('有效巡防'), cell('按时受理率(%)'), cell('当日到场率(%)')]).toEqual([1, 1, 100, 100]);
  expect(workbook.getWorksheet('权重')).toBeTruthy();

  await rows.nth(1).locator('.assessment__cell--name').click();
  await shown(page, '逐月走势').waitFor();
  await shown(page, `网格码 ${top.gridCode}`).waitFor();
  await page.locator('#assessment-grid-chart canvas').filter({ visible: true }).waitFor();
  await settle(page);
  await screenshot(page, 'assessment-grid');
});
