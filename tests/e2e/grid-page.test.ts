import type { Browser } from 'playwright-core';
import { devOutbox } from '../support/appealKit';
import { PHOTO, phoneOf, phonePage, screenshot, shown, startE2e, stopE2e } from '../support/browser';
import { demo, LocalCloud } from '../support/localCloud';

const grid = demo.grids.find((g) => g.code === 'QQ-0304')!;
const chief = demo.staff.find((s) => s._id === grid.chiefId)!;

let cloud: LocalCloud;
let browser: Browser;
beforeAll(async () => ({ cloud, browser } = await startE2e()));
afterAll(() => stopE2e(cloud, browser));

it('a resident who scans a grid sign sees the grid and its chief', async () => {
  const page = await phonePage(browser);
  await page.goto(`${cloud.url}/g/${grid.code}`);
  await page.getByText(chief.name).first().waitFor();
  await page.getByText(grid.name).first().waitFor();
  await page.getByText('网格长').first().waitFor();
  const text = await page.locator('body').innerText();
  expect(text).toContain('太平社区');
  expect(text).not.toContain(chief.phone);
  // the record card: no roll-up in a fresh cloud yet, so no figure is made up
  expect(text).toContain('近90天服务记录');
  expect(text).toContain('服务记录尚未统计');
  await screenshot(page, 'grid-page');
});

it('a chief uploads the grid’s group QR on the grid page; residents see it until WeChat judges it risky', async () => {
  const code = 'GS-0204';
  const { page: chiefPage } = await phoneOf(browser, `demo-chief-${code}`);
  await chiefPage.goto(`${cloud.url}/g/${code}`);
  await shown(chiefPage, '设置网格群').click();
  const chooser = chiefPage.waitForEvent('filechooser');
  await chiefPage.locator('.photo-picker__add').filter({ visible: true }).click();
  await (await chooser).setFiles({ name: 'group.png', mimeType: 'image/png', buffer: PHOTO });
  await chiefPage.locator('.photo-picker__tile img').filter({ visible: true }).first().waitFor();
  await shown(chiefPage, '保存').click();
  await chiefPage.locator('.group-chat__img').filter({ visible: true }).waitFor();

  const residentPage = await phonePage(browser);
  await residentPage.goto(`${cloud.url}/g/${code}`);
  await residentPage.locator('.group-chat__img').filter({ visible: true }).waitFor();
  await screenshot(residentPage, 'grid-group-qr');

  const check = (await devOutbox(cloud)).find((e) => e.api === 'security.mediaCheckAsync' && /\/groupqr\/\d{6}\/[0-9a-f]{32}\.png/.test(e.params.media_url));
  const push = await fetch(`${cloud.url}/api/dev/push/mediacheck`, { method: 'POST', body: JSON.stringify({ Event: 'wxa_media_check', trace_id: check!.reply.trace_id, result: { suggest: 'risky' } }) });
  expect(await push.json()).toEqual({ ok: true, data: { hidden: 1 } });
  await residentPage.reload();
  await shown(residentPage, demo.grids.find((g) => g.code === code)!.name).waitFor();
  expect(await residentPage.locator('.group-chat__img').count()).toBe(0);
});

it('a resident who scans an unknown code is told so and offered a search', async () => {
  const page = await phonePage(browser);
  await page.goto(`${cloud.url}/g/ZZ-9999`);
  await page.getByText('没有找到网格码 ZZ-9999 对应的网格').waitFor();
  await page.getByText('按名称查找网格').first().waitFor();
  await screenshot(page, 'grid-unknown');
});

it.each([
  ['a trailing slash', '/g/GS-0101/'],
  ['a query string after the code', '/g/GS-0101?from=sign'],
  ['a full-width code in lower case', `/g/${encodeURIComponent('ｇｓ－０１０１')}`],
  ['a double slash', '//g/GS-0101'],
])('a link with %s lands on the grid', async (_, path) => {
  const page = await phonePage(browser);
  const reply = await page.goto(`${cloud.url}${path}`);
  expect(reply?.status()).toBe(200);
  await shown(page, '平阳社区第一网格').waitFor();
});

it.each([
  ['percent-garbage', '/g/%ZZ'],
  ['an extra path segment', '/g/GS-0101/extra'],
])('a link with %s lands on the grid page’s clear message, never an error page', async (_, path) => {
  const page = await phonePage(browser);
  const reply = await page.goto(`${cloud.url}${path}`);
  expect(reply?.status()).toBe(200);
  await shown(page, '二维码内容无法识别').waitFor();
  await shown(page, '按名称查找网格').waitFor();
});

it('in the browser, an appeal’s position is stored in GCJ-02, not as the browser’s WGS-84 (gcoord’s test pair)', async () => {
  const resident = demo.demoResidents[0].openid;
  const { context, page } = await phoneOf(browser, resident);
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: 45, longitude: 123 });
  await page.goto(`${cloud.url}/g/${grid.code}`);
  await shown(page, '我要反映').click();
  await shown(page, '环境卫生').click();
  await page.locator('textarea').filter({ visible: true }).fill('农贸市场门口垃圾桶满了没人清运');
  await shown(page, '添加位置（选填）').click();
  await shown(page, '当前位置').waitFor();
  await shown(page, '提交').click();
  await shown(page, '待受理').waitFor();
  const id = new URL(page.url().replace('#', '')).searchParams.get('id');
  const { body } = await cloud.call('appeal', { action: 'detail', id }, resident);
  expect(body.data.location.latitude).toBeCloseTo(45.00197815, 6);
  expect(body.data.location.longitude).toBeCloseTo(123.00607541, 6);
  await context.close();
});
