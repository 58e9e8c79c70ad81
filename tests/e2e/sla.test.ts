import type { Browser } from 'playwright-core';
import type { DB } from 'wx-server-sdk/index';
import { phoneOf as phoneIn, screenshot, settle, shown, launchChromium } from '../support/browser';
import { moveClock } from '../support/clock';
import { openCloudDb, readDoc } from '../support/cloudDb';
import { demo, LocalCloud } from '../support/localCloud';

/**
 * 有呼必应、当日必达 as people see it: an appeal filed at 19:50 on the eve of 国庆 2026 shows its
 * deadlines on the working calendar; the local cloud's clock moves to the morning after the
 * holiday and the timer (run for the skipped time) raises it to the community; community staff
 * put a red card on it; the chief asks for more time and the community grants it; the resident
 * sees each step on the detail page.
 */
const grid = demo.grids.find((g) => g.code === 'GS-0102')!;
const resident = demo.demoResidents[0].openid;
const chief = `demo-chief-${grid.code}`;
const community = `demo-community-${grid.communityId}`;

let cloud: LocalCloud;
let browser: Browser;
let db: DB.Database;
beforeAll(async () => {
  [cloud, browser] = await Promise.all([LocalCloud.start(undefined, { timers: true }), launchChromium()]);
  db = openCloudDb(cloud.url);
});
afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

const phoneOf = (openid: string) => phoneIn(browser, openid);
const detailUrl = (id: string) => `${cloud.url}/#/packages/appeal/detail/index?id=${id}`;

it('an appeal filed on the eve of 国庆 keeps its promise on the working calendar, rises when late, is carded, and gets more time', async () => {
  await moveClock(cloud, { at: '2026-09-30T19:50:00+08:00' });
  const content = '小区北门的路灯全灭了，晚上进出看不见路';

  // 19:50 on 30 September: the resident files from the grid's sign.
  const { page: residentPage } = await phoneOf(resident);
  await residentPage.goto(`${cloud.url}/g/${grid.code}`);
  await shown(residentPage, '我要反映').click();
  await shown(residentPage, '设施报修').click();
  await residentPage.locator('textarea').filter({ visible: true }).fill(content);
  await shown(residentPage, '提交').click();
  await shown(residentPage, '待受理').waitFor();
  const id = new URL(residentPage.url().replace('#', '')).searchParams.get('id')!;
  // 受理 within 120 service minutes: 10 left that evening, the rest after the holiday week (1–7 October).
  await shown(residentPage, '10月8日 09:50 前受理').waitFor();
  // Filed after the 17:00 cut-off: someone on site by noon of the next working day.
  await shown(residentPage, '2026-10-08 09:50').waitFor();
  await shown(residentPage, '2026-10-08 12:00').waitFor();
  // 办结 in 3 working days, the day of filing not counted: 8, 9 and the 调休 Saturday 10 October.
  await shown(residentPage, '2026-10-10 20:00').waitFor();
  await settle(residentPage);
  await screenshot(residentPage, 'sla-filed-on-holiday-eve');

  // The holiday passes; at 10:00 on 8 October nobody has accepted it: the timer raises it.
  const moved = await moveClock(cloud, { at: '2026-10-08T10:00:00+08:00' });
  expect(moved.caughtUp.length).toBeGreaterThan(0);
  const risen = (await readDoc(db, 'appeals', id))!;
  expect(risen).toMatchObject({ level: 'community', status: 'submitted', sla: { missed: ['acceptBy'], owed: [] } });
  expect(risen.timeline.filter((e: { type: string }) => e.type === 'escalated')).toHaveLength(1);
  await residentPage.goto(detailUrl(id));
  await residentPage.reload();
  await residentPage.getByText(/^已超时 \d+ 分钟，已升级至社区$/).filter({ visible: true }).first().waitFor();
  await shown(residentPage, '升级至社区').waitFor();
  await settle(residentPage);
  await screenshot(residentPage, 'sla-escalated-resident');

  // Community staff put a red card on it.
  const { page: staffPage } = await phoneOf(community);
  await staffPage.goto(detailUrl(id));
  await shown(staffPage, '督办').click();
  await shown(staffPage, '红牌督办').click();
  await staffPage.locator('.sheet textarea').filter({ visible: true }).fill('节后第一天就超时，请网格长今天上午到现场');
  await shown(staffPage, '确认督办').click();
  await staffPage.locator('.oversight__card').filter({ visible: true }).filter({ hasText: '节后第一天就超时' }).waitFor();

  // The chief reads the card and asks for a day more.
  const { page: chiefPage } = await phoneOf(chief);
  await chiefPage.goto(detailUrl(id));
  await shown(chiefPage, '节后第一天就超时，请网格长今天上午到现场').waitFor();
  await shown(chiefPage, '申请延期').click();
  await chiefPage.locator('.sheet .chip').filter({ visible: true }).filter({ hasText: '延长 1 天' }).click();
  await chiefPage.locator('.sheet textarea').filter({ visible: true }).fill('路灯线路要供电所检修，明天上午才能来');
  await shown(chiefPage, '提交申请延期').click();
  await shown(chiefPage, '延期待审批').waitFor();
  await settle(chiefPage);
  await screenshot(chiefPage, 'sla-extension-asked');

  // The community grants it: 受理 is now due a day later (09:50 on 9 October), and no longer missed.
  await staffPage.reload();
  await shown(staffPage, '审批延期').click();
  await shown(staffPage, '同意延期').click();
  await shown(staffPage, '提交审批延期').click();
  await shown(staffPage, '已同意延期').waitFor();
  const granted = (await readDoc(db, 'appeals', id))!;
  expect(new Date(granted.deadlines.acceptBy).getTime()).toBe(new Date(risen.deadlines.acceptBy).getTime() + 86_400_000);
  expect(granted).toMatchObject({ extensionsGranted: 1, supervision: [{ card: 'red' }], sla: { missed: [] } });

  // The resident sees each step, none of the staff's notes, and the promise as it now stands.
  await residentPage.reload();
  await shown(residentPage, '今天 12:00 前有人上门').waitFor();
  for (const step of ['提交诉求', '升级', '督办', '申请延期', '同意延期']) await shown(residentPage, step).waitFor();
  const seen = await residentPage.locator('body').innerText();
  for (const secret of ['节后第一天', '供电所']) expect(seen).not.toContain(secret);
  await settle(residentPage);
  await screenshot(residentPage, 'sla-resident-sees-each-step');
}, 120_000);
