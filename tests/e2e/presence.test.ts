import type { Browser } from 'playwright-core';
import type { AppealRecord } from '../../cloudfunctions/domain/records';
import type { CheckInRecord } from '../../cloudfunctions/domain/presence';
import { fileAppeal } from '../support/appealKit';
import { screenshot, settle, shown, startE2e, stopE2e } from '../support/browser';
import { openCloudDb, readAll, readDoc } from '../support/cloudDb';
import { demo, LocalCloud } from '../support/localCloud';
import { arriveFromAppeal, patrolFromGridPage, phoneAtGrid, type PlacedDemoGrid } from '../support/presenceKit';

/**
 * 扫码签到 as a grid chief uses it in the browser: the dev dock's 模拟扫码 stands in for the camera.
 * From the grid page, a patrol check-in at the grid (verified); from an open appeal, 到场签到,
 * which the appeal's timeline then shows and which sets its on-site time.
 */
const grid = demo.grids.find((g) => g.code === 'GS-0101')! as (typeof demo.grids)[number] & PlacedDemoGrid;
const chief = `demo-chief-${grid.code}`;
const resident = demo.demoResidents[0].openid;

let cloud: LocalCloud;
let browser: Browser;
beforeAll(async () => ({ cloud, browser } = await startE2e()));
afterAll(() => stopE2e(cloud, browser));

it('a chief checks in on patrol from the grid page, and on arrival for an appeal, by 模拟扫码', async () => {
  const db = openCloudDb(cloud.url);
  const filed = await fileAppeal(cloud, resident, { gridCode: grid.code, content: '5 号楼楼道灯坏了一个星期' });
  const page = await phoneAtGrid(browser, chief, grid);
  await patrolFromGridPage(page, cloud, grid.code);
  await shown(page, '已核验').waitFor();
  await settle(page);
  await screenshot(page, 'presence-patrol');

  await arriveFromAppeal(page, cloud, filed.id);

  await page.goto(`${cloud.url}/#/packages/appeal/detail/index?id=${filed.id}`);
  await page.reload();
  await shown(page, '扫码到场').waitFor();
  await settle(page);
  await screenshot(page, 'presence-arrival-timeline');

  const checkins = await readAll<CheckInRecord>(db, 'checkins', { gridCode: grid.code });
  expect(checkins.map((c) => [c.kind, c.verified, c.distanceM, c.appealId])).toEqual(
    expect.arrayContaining([
      ['patrol', true, 0, null],
      ['arrival', true, 0, filed.id],
    ]),
  );
  const arrival = checkins.find((c) => c.kind === 'arrival')!;
  expect(new Date((await readDoc<AppealRecord>(db, 'appeals', filed.id))!.onSiteAt!).toISOString()).toBe(new Date(arrival.at).toISOString());
}, 90_000);
