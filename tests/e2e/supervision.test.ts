import type { Browser } from 'playwright-core';
import type { DB } from 'wx-server-sdk/index';
import { appeal, fileAppeal, moveDeadlines, okData } from '../support/appealKit';
import { phoneOf as phoneIn, screenshot, shown, startE2e, stopE2e } from '../support/browser';
import { openCloudDb, readDoc } from '../support/cloudDb';
import { demo, LocalCloud } from '../support/localCloud';

const grid = demo.grids.find((g) => g.code === 'GS-0104')!;
const resident = demo.demoResidents[0].openid;
const chief = `demo-chief-${grid.code}`;
const community = `demo-community-${grid.communityId}`;

let cloud: LocalCloud;
let browser: Browser;
let db: DB.Database;
beforeAll(async () => {
  ({ cloud, browser } = await startE2e());
  db = openCloudDb(cloud.url);
});
afterAll(() => stopE2e(cloud, browser));

const phoneOf = (openid: string) => phoneIn(browser, openid);

it('community staff find an overdue appeal on the board and card it; the chief asks for more time and the community grants it; the filer sees only 督办中', async () => {
  const content = '小区东门的下水道堵塞三天了，污水漫到路面';
  const filed = await fileAppeal(cloud, resident, { gridCode: grid.code, content });
  okData(await appeal(cloud, chief, 'accept', { id: filed.id }));
  await moveDeadlines(db, filed.id, { resolveBy: new Date(Date.now() - 3_600_000) }); // 办结 was due an hour ago

  // Community staff: inbox → 督办看板 → the appeal under its grid → a red card.
  const { page: staffPage } = await phoneOf(community);
  await staffPage.goto(`${cloud.url}/#/packages/inbox/index`);
  await shown(staffPage, '督办看板').click();
  await shown(staffPage, `${grid.name}（${grid.code}）`).waitFor();
  await screenshot(staffPage, 'supervision-board');
  await staffPage.getByText(content.slice(0, 10)).filter({ visible: true }).first().click();
  await shown(staffPage, '督办').click();
  await shown(staffPage, '红牌督办').click();
  await staffPage.locator('.sheet textarea').filter({ visible: true }).fill('群众反映强烈，请今天疏通');
  await shown(staffPage, '确认督办').click();
  await staffPage.locator('.oversight__card').filter({ visible: true }).filter({ hasText: '群众反映强烈，请今天疏通' }).waitFor();

  // The chief reads the card and asks for two more days.
  const { page: chiefPage } = await phoneOf(chief);
  await chiefPage.goto(`${cloud.url}/#/packages/appeal/detail/index?id=${filed.id}`);
  await shown(chiefPage, '群众反映强烈，请今天疏通').waitFor();
  await shown(chiefPage, '申请延期').click();
  await chiefPage.locator('.sheet .chip').filter({ visible: true }).nth(1).click();
  await chiefPage.locator('.sheet textarea').filter({ visible: true }).fill('需要市政管网配合，明后天施工');
  await shown(chiefPage, '提交申请延期').click();
  await shown(chiefPage, '延期待审批').waitFor();
  const asked = (await readDoc(db, 'appeals', filed.id))!.extension;
  expect(asked).toMatchObject({ state: 'pending', deadline: 'resolveBy', reason: '需要市政管网配合，明后天施工' });

  // The community grants it: the deadline moves to what was asked.
  await staffPage.reload();
  await shown(staffPage, '审批延期').click();
  await shown(staffPage, '同意延期').click();
  await shown(staffPage, '提交审批延期').click();
  await shown(staffPage, '已同意延期').waitFor();
  await screenshot(staffPage, 'supervision-granted');
  const stored = (await readDoc(db, 'appeals', filed.id))!;
  expect(stored.deadlines.resolveBy).toEqual(asked.until);
  expect(stored).toMatchObject({ extensionsGranted: 1, supervision: [{ card: 'red' }] });

  // The filer: supervised, nothing of the notes.
  const { page: residentPage } = await phoneOf(resident);
  await residentPage.goto(`${cloud.url}/#/packages/appeal/detail/index?id=${filed.id}`);
  await shown(residentPage, '督办中').waitFor();
  const seen = await residentPage.locator('body').innerText();
  for (const secret of ['群众反映强烈', '市政管网', '红牌督办']) expect(seen).not.toContain(secret);
  await screenshot(residentPage, 'supervision-resident');
}, 90_000);
