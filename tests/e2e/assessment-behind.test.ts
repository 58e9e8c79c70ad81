import type { Browser } from 'playwright-core';
import type { ComputeResult } from '../../types/assessment';
import type { CheckIn } from '../../types/presence';
import { recentMonths } from '../../src/components/appeal/format';
import { appeal, chiefOf, fileAppeal, newResident, okData, staffName, type Body } from '../support/appealKit';
import { moveClock } from '../support/clock';
import { phoneOf, screenshot, settle, shown, startE2e, stopE2e } from '../support/browser';
import { demo, LocalCloud } from '../support/localCloud';

/**
 * 考核明细 as community staff use it: last month a resident filed an appeal at 护驾山社区第一网格,
 * its chief accepted it at once and patrolled the grid; the street computed the month. From the
 * grid's months, 按时受理率 opens that appeal, marked 按时受理, and the appeal its detail; 有效巡防
 * opens the chief's patrol.
 */
const GRID = demo.grids.find((g) => g.name === '护驾山社区第一网格')!;
const COMMUNITY_STAFF = `demo-community-${GRID.communityId}`;
const CHIEF = staffName(chiefOf(GRID.code));

let cloud: LocalCloud;
let browser: Browser;
beforeAll(async () => ({ cloud, browser } = await startE2e()));
afterAll(() => stopE2e(cloud, browser));

it('community staff open the appeal and the patrol behind a grid’s figures, and the appeal’s detail', async () => {
  const [, { month, label }] = recentMonths(Date.now(), 2);
  await moveClock(cloud, { at: `${month}-12T10:00:00+08:00` });
  const filed = await fileAppeal(cloud, newResident(), { gridCode: GRID.code });
  okData(await appeal(cloud, chiefOf(GRID.code), 'accept', { id: filed.id }));
  const { centre } = GRID as unknown as { centre: { lng: number; lat: number } };
  const patrol = await cloud.call<Body<CheckIn>>(
    'presence',
    { action: 'checkIn', scanned: `${cloud.url}/g/${GRID.code}`, kind: 'patrol', note: '巡查楼道消防通道', location: { latitude: centre.lat, longitude: centre.lng } },
    chiefOf(GRID.code),
  );
  expect(okData(patrol.body).verified).toBe(true);
  await moveClock(cloud, { reset: true });
  const computed = await cloud.call<Body<ComputeResult>>('assessment', { action: 'compute', month, streetId: GRID.streetId }, `demo-street-${GRID.streetId}`);
  expect(okData(computed.body).month).toBe(month);

  const { page } = await phoneOf(browser, COMMUNITY_STAFF);
  await page.goto(`${cloud.url}/#/packages/assessment/grid/index?code=${GRID.code}`);
  const monthCard = page.locator('.assessment__month').filter({ visible: true }).filter({ hasText: label });
  await monthCard.waitFor();
  await monthCard.scrollIntoViewIfNeeded();
  await settle(page);
  await screenshot(page, 'assessment-behind-grid');
  await monthCard.locator('.assessment__figure--open', { hasText: '按时受理率' }).click();

  await shown(page, '共 1 条，按时受理 1 条').waitFor();
  await shown(page, `${label} · 按时受理率`).waitFor();
  const item = page.locator('.assessment__record').filter({ visible: true });
  expect(await item.count()).toBe(1);
  expect(await item.locator('.assessment__counted').textContent()).toBe('按时受理');
  await settle(page);
  await screenshot(page, 'assessment-behind-response');

  await item.locator('.list__name').click();
  await shown(page, '诉求编号').waitFor();
  await shown(page, filed.number).waitFor();

  await page.goBack();
  await page.goBack();
  await monthCard.locator('.assessment__figure--open', { hasText: '有效巡防' }).click();
  await shown(page, '共 1 条，有效巡防 1 条').waitFor();
  await shown(page, `${CHIEF.name}（${CHIEF.title}）`).waitFor();
  await shown(page, '巡查楼道消防通道').waitFor();
  await settle(page);
  await screenshot(page, 'assessment-behind-patrols');
});
