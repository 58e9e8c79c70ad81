import type { Browser } from 'playwright-core';
import { fileAppeal } from '../support/appealKit';
import { phoneOf as phoneIn, screenshot, settle, shown, startE2e, stopE2e } from '../support/browser';
import { demo, LocalCloud } from '../support/localCloud';

/**
 * 上报 and 问题台账 as a grid chief uses them: from the inbox, report what was found on patrol; it is
 * the chief's to handle at once, and 办结 closes it; the grid's ledger lists it beside a
 * resident's appeal, each with its source, and the source filter keeps one or the other.
 */
const grid = demo.grids.find((g) => g.code === 'GS-0103')!;
const chief = `demo-chief-${grid.code}`;
const resident = demo.demoResidents[0].openid;

let cloud: LocalCloud;
let browser: Browser;
beforeAll(async () => ({ cloud, browser } = await startE2e()));
afterAll(() => stopE2e(cloud, browser));

const phoneOf = (openid: string) => phoneIn(browser, openid);

it('a chief reports what they found on patrol, closes it, and finds it in the grid’s ledger beside a resident’s appeal', async () => {
  const appealed = '楼下垃圾桶满了两天没人清运';
  const found = '巡查发现 7 号楼前井盖松动，已设置警示';
  await fileAppeal(cloud, resident, { gridCode: grid.code, content: appealed });

  const { page } = await phoneOf(chief);
  await page.goto(`${cloud.url}/#/packages/inbox/index`);
  await shown(page, '上报问题').click();
  await shown(page, '设施报修').click();
  await page.locator('textarea').filter({ visible: true }).fill(found);
  await settle(page);
  await screenshot(page, 'ledger-report-form');
  await shown(page, '上报').click();
  // Taken on by its reporter at once, with someone on site: 办理中, and only 办结 to go.
  await shown(page, '办理中').waitFor();
  await shown(page, '事项上报').waitFor();
  await shown(page, '办结').click();
  await page.locator('.sheet textarea').filter({ visible: true }).fill('已联系物业更换井盖');
  await shown(page, '确认办结').click();
  await shown(page, '已结案').waitFor();

  await page.goto(`${cloud.url}/#/packages/inbox/index`);
  await page.reload();
  await shown(page, '问题台账').click();
  const items = page.locator('.appeal-item').filter({ visible: true });
  await items.filter({ hasText: found.slice(0, 10) }).filter({ hasText: '工作人员上报' }).waitFor();
  await items.filter({ hasText: appealed.slice(0, 10) }).filter({ hasText: '居民反映' }).waitFor();
  await settle(page);
  await screenshot(page, 'ledger-both-sources');

  await page.locator('.ledger__chips .chip').filter({ visible: true }).filter({ hasText: '工作人员上报' }).click();
  await items.filter({ hasText: appealed.slice(0, 10) }).waitFor({ state: 'detached' });
  await expect(items.allInnerTexts()).resolves.toEqual([expect.stringContaining(found.slice(0, 10))]);
}, 90_000);
