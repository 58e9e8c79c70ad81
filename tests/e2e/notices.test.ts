import type { Browser } from 'playwright-core';
import { phoneOf as phoneIn, PHOTO, screenshot, shown, startE2e, stopE2e, settle } from '../support/browser';
import { demo, LocalCloud } from '../support/localCloud';

const readGrid = demo.grids.find((g) => g.code === 'GS-0101')!;
const clinic = demo.notices.find((n) => n._id === 'notice-GS01-1')!; // 平阳社区's, on every grid of it
const publishGrid = demo.grids.find((g) => g.code === 'GS-0103')!;
const chief = `demo-chief-${publishGrid.code}`;

let cloud: LocalCloud;
let browser: Browser;
beforeAll(async () => ({ cloud, browser } = await startE2e()));
afterAll(() => stopE2e(cloud, browser));

const phoneOf = (openid: string) => phoneIn(browser, openid);


it('a resident without a sign finds a grid by name and reads one of its notices', async () => {
  const { page } = await phoneOf('e2e-notice-reader');
  await page.goto(`${cloud.url}/#/pages/search/index`);
  await page.getByRole('searchbox', { name: '输入网格、社区或街道名称' }).filter({ visible: true }).fill('平阳社区第一');
  await shown(page, '搜索').click();
  await shown(page, readGrid.name).click();
  await shown(page, '网格通知').waitFor();
  await settle(page);
  await screenshot(page, 'notices-grid-page');

  await shown(page, clinic.title).click();
  await shown(page, clinic.body).waitFor();
  await shown(page, '发送范围：平阳社区全体网格').waitFor();
  await shown(page, '阅读 1').waitFor();
  await settle(page);
  await screenshot(page, 'notices-detail-resident');

  await page.goto(`${cloud.url}/#/packages/notice/list/index?code=${readGrid.code}`);
  await page.reload();
  await shown(page, clinic.title).waitFor();
  await settle(page);
  await screenshot(page, 'notices-list');
}, 60_000);

it('a grid chief publishes a notice to their grid; it shows on the grid page and opens', async () => {
  const title = '周六上午楼道杂物集中清理';
  const body = '本周六上午9点起集中清理3号楼楼道杂物，请居民提前把自家物品搬回屋内。';
  const { page } = await phoneOf(chief);
  await page.goto(`${cloud.url}/g/${publishGrid.code}`);
  await settle(page);
  await screenshot(page, 'notices-grid-page-staff');
  await shown(page, '发布通知').click();
  await shown(page, '本网格').waitFor();
  await page.getByRole('textbox', { name: '一句话说清楚通知的事' }).filter({ visible: true }).fill(title);
  await page.locator('textarea').filter({ visible: true }).fill(body);
  const chooser = page.waitForEvent('filechooser');
  await page.locator('.photo-picker__add').filter({ visible: true }).click();
  await (await chooser).setFiles({ name: 'stairs.png', mimeType: 'image/png', buffer: PHOTO });
  await page.locator('.photo-picker__tile img').filter({ visible: true }).first().waitFor();
  await screenshot(page, 'notices-publish-form');
  await shown(page, '发布').click();

  await shown(page, body).waitFor();
  await shown(page, `发送范围：${publishGrid.name}`).waitFor();
  const id = new URL(page.url().replace('#', '')).searchParams.get('id');
  expect(id).toMatch(/^[0-9a-f]{32}$/);
  await settle(page);
  await screenshot(page, 'notices-published-detail');

  await page.goto(`${cloud.url}/g/${publishGrid.code}`);
  await page.reload();
  await shown(page, title).click();
  await shown(page, body).waitFor();

  const { body: listed } = await cloud.call('notice', { action: 'list', gridCode: publishGrid.code });
  expect(listed.data.items.map((n: { id: string }) => n.id)).toContain(id);
  const { body: other } = await cloud.call('notice', { action: 'list', gridCode: 'GS-0104' });
  expect(other.data.items.map((n: { id: string }) => n.id)).not.toContain(id);
}, 60_000);
