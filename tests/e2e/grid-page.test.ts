import type { Browser } from 'playwright-core';
import { phonePage, screenshot, startE2e, stopE2e } from '../support/browser';
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
  await screenshot(page, 'grid-page');
});

it('a resident who scans an unknown code is told so and offered a search', async () => {
  const page = await phonePage(browser);
  await page.goto(`${cloud.url}/g/ZZ-9999`);
  await page.getByText('没有找到网格码 ZZ-9999 对应的网格').waitFor();
  await page.getByText('按名称查找网格').first().waitFor();
  await screenshot(page, 'grid-unknown');
});
