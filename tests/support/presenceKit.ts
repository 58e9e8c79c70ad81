import gcoord from 'gcoord';
import type { Browser, Page } from 'playwright-core';
import { phoneOf, shown } from './browser';
import type { LocalCloud } from './localCloud';

/** A demo grid with the centre the seed gives it (GCJ-02). */
export type PlacedDemoGrid = { code: string; centre: { lng: number; lat: number } };

/** A staff member's phone standing at the grid's centre (the browser reports WGS-84; the app shifts it to GCJ-02). */
export async function phoneAtGrid(browser: Browser, openid: string, grid: PlacedDemoGrid): Promise<Page> {
  const phone = await phoneOf(browser, openid);
  const [longitude, latitude] = gcoord.transform([grid.centre.lng, grid.centre.lat], gcoord.GCJ02, gcoord.WGS84);
  await phone.context.grantPermissions(['geolocation']);
  await phone.context.setGeolocation({ latitude, longitude });
  return phone.page;
}

/** The check-in sheet's scan button (the page's own 扫码签到 opens the sheet; this one scans). */
const scanButton = (page: Page) => page.locator('.submit-bar__btn').filter({ visible: true }).filter({ hasText: '扫码签到' });

/**
 * 巡防 from the grid page: the dev dock's 模拟扫码 is set to the grid's sign, then 扫码签到 →
 * 巡防 → scan; resolves once the page says it succeeded.
 */
export async function patrolFromGridPage(page: Page, cloud: LocalCloud, code: string): Promise<void> {
  await page.goto(`${cloud.url}/#/pages/grid/index?code=${code}`);
  page.once('dialog', (dialog) => dialog.accept(code));
  await shown(page, '模拟扫码').click();
  await shown(page, `模拟扫码：${code}`).waitFor();
  await shown(page, '扫码签到').click();
  await shown(page, '巡防').click();
  await scanButton(page).click();
  await shown(page, '巡防签到成功').waitFor();
}

/** 到场签到 from an open appeal's detail page (the dock's 模拟扫码 already set to its grid's sign). */
export async function arriveFromAppeal(page: Page, cloud: LocalCloud, appealId: string): Promise<void> {
  await page.goto(`${cloud.url}/#/packages/appeal/detail/index?id=${appealId}`);
  await page.reload();
  await shown(page, '到场签到').click();
  await shown(page, '到场').waitFor();
  await scanButton(page).click();
  await shown(page, '到场签到成功').waitFor();
}
