/**
 * A grid's WeChat group bound from a share card (H5 against the local cloud; `devGroup=<name>`
 * stands in for opening the card inside WeChat group <name>): a resident opens the grid from
 * group A, the grid's chief confirms that group, and the next resident opening from group A is
 * told it is the grid's group.
 */
import type { Browser, Page } from 'playwright-core';
import { localOpengid } from '../../scripts/localcloud/openData';
import { phoneOf, screenshot, shown, startE2e, stopE2e } from '../support/browser';
import { demo, LocalCloud } from '../support/localCloud';

const grid = demo.grids.find((g) => g.code === 'GS-0101')!;
const chief = demo.staff.find((s) => s._id === grid.chiefId)!;
const GROUP = '平阳一网格居民群';
const PROPOSAL = '有居民从微信群打开了本网格，是否将该群设为本网格群？';

let cloud: LocalCloud;
let browser: Browser;
beforeAll(async () => ({ cloud, browser } = await startE2e()));
afterAll(() => stopE2e(cloud, browser));

const gridPage = (group?: string) =>
  `${cloud.url}/#/pages/grid/index?code=${grid.code}${group ? `&devGroup=${encodeURIComponent(group)}` : ''}`;

/** The app reports the group on its own, after the page shows: wait for the cloud to have it. */
async function until(done: () => Promise<boolean>, ms = 10_000) {
  for (const start = Date.now(); !(await done()); await new Promise((r) => setTimeout(r, 100))) {
    if (Date.now() - start > ms) throw new Error('the group entry never reached the cloud');
  }
}

async function open(openid: string, url: string): Promise<Page> {
  const { page } = await phoneOf(browser, openid);
  await page.goto(url);
  await shown(page, grid.name).waitFor();
  return page;
}

it('a resident opens the grid from a group, its chief binds the group, the next resident is told whose group it is', async () => {
  const first = await open('res-e2e-group-1', gridPage(GROUP));
  await until(async () => (await cloud.call('grid', { action: 'groupBinding', code: grid.code }, `demo-chief-${grid.code}`)).body.data?.proposals.length === 1);
  // the resident is asked nothing and told nothing about the group
  expect(await first.locator('body').innerText()).not.toMatch(/网格群？|的网格群/);
  await screenshot(first, 'group-binding-1-resident-from-group');

  const chiefPage = await open(`demo-chief-${grid.code}`, gridPage());
  await shown(chiefPage, PROPOSAL).waitFor();
  await screenshot(chiefPage, 'group-binding-2-chief-asked');
  await shown(chiefPage, '确认绑定').click();
  await shown(chiefPage, '本网格已绑定微信群').waitFor();
  await chiefPage.getByText(`${chief.name} 于`).filter({ visible: true }).first().waitFor();
  expect(await shown(chiefPage, PROPOSAL).count()).toBe(0);
  // the 网格群 card is further down, under the fixed 我要反映 bar: bring it to the middle first
  await shown(chiefPage, '本网格已绑定微信群').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await chiefPage.getByText('已设为网格群', { exact: true }).waitFor({ state: 'hidden' });
  await screenshot(chiefPage, 'group-binding-3-chief-bound');

  const second = await open('res-e2e-group-2', gridPage(GROUP));
  await shown(second, `本群是 ${grid.name} 的网格群`).waitFor();
  const text = await second.locator('body').innerText();
  expect(text).not.toContain(localOpengid(GROUP));
  expect(text).not.toContain(PROPOSAL);
  await screenshot(second, 'group-binding-4-resident-told');
});
