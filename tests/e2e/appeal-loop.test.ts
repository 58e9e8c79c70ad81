import type { Browser } from 'playwright-core';
import { phoneOf as phoneIn, PHOTO, screenshot, shown, startE2e, stopE2e } from '../support/browser';
import { demo, LocalCloud } from '../support/localCloud';

const grid = demo.grids.find((g) => g.code === 'GS-0103')!;
const resident = demo.demoResidents[0].openid;
const chief = `demo-chief-${grid.code}`;

let cloud: LocalCloud;
let browser: Browser;
beforeAll(async () => ({ cloud, browser } = await startE2e()));
afterAll(() => stopE2e(cloud, browser));

const phoneOf = (openid: string) => phoneIn(browser, openid);

it('a resident files an appeal with a photo, the grid chief works it, the resident follows and rates it', async () => {
  const content = '3号楼2单元楼道灯坏了一周，晚上上下楼很危险';

  // The resident scans the sign and files.
  const { page: residentPage } = await phoneOf(resident);
  await residentPage.goto(`${cloud.url}/g/${grid.code}`);
  await shown(residentPage, '我要反映').click();
  await shown(residentPage, '设施报修').click();
  await residentPage.locator('textarea').filter({ visible: true }).fill(content);
  const chooser = residentPage.waitForEvent('filechooser');
  await residentPage.locator('.photo-picker__add').filter({ visible: true }).click();
  await (await chooser).setFiles({ name: 'lamp.png', mimeType: 'image/png', buffer: PHOTO });
  await residentPage.locator('.photo-picker__tile img').filter({ visible: true }).first().waitFor();
  await residentPage.getByRole('textbox', { name: '选填，方便联系您' }).filter({ visible: true }).fill('13900001111');
  await shown(residentPage, '提交').click();
  await shown(residentPage, '待受理').waitFor();
  const id = new URL(residentPage.url().replace('#', '')).searchParams.get('id');
  expect(id).toMatch(/^[0-9a-f]{32}$/);
  await expect(residentPage.locator('body').innerText()).resolves.toMatch(/GS-\d{8}-\d{4}/);
  await screenshot(residentPage, 'appeal-filed');

  // The grid chief finds it in the inbox and works it.
  const { page: chiefPage } = await phoneOf(chief);
  await chiefPage.goto(`${cloud.url}/#/packages/inbox/index`);
  await chiefPage.getByText(content.slice(0, 10)).filter({ visible: true }).first().click();
  await shown(chiefPage, '13900001111').waitFor();
  await shown(chiefPage, '受理').click();
  await shown(chiefPage, '办理中').waitFor();
  await shown(chiefPage, '回复').click();
  await chiefPage.locator('textarea').filter({ visible: true }).fill('已联系物业电工，今天下午更换');
  const workPhoto = chiefPage.waitForEvent('filechooser');
  await chiefPage.locator('.photo-picker__add').filter({ visible: true }).click();
  await (await workPhoto).setFiles({ name: 'ladder.png', mimeType: 'image/png', buffer: PHOTO });
  await chiefPage.locator('.sheet .photo-picker__tile img').filter({ visible: true }).first().waitFor();
  await shown(chiefPage, '发送回复').click();
  await shown(chiefPage, '已联系物业电工，今天下午更换').waitFor();
  await shown(chiefPage, '办结').click();
  await chiefPage.locator('textarea').filter({ visible: true }).fill('灯已更换，电工现场测试正常');
  await shown(chiefPage, '确认办结').click();
  await shown(chiefPage, '待评价').waitFor();
  await screenshot(chiefPage, 'appeal-worked-by-chief');

  // The resident sees the whole timeline and rates it.
  await residentPage.goto(`${cloud.url}/#/packages/appeal/detail/index?id=${id}`);
  await residentPage.reload();
  await shown(residentPage, '已联系物业电工，今天下午更换').waitFor();
  await shown(residentPage, '灯已更换，电工现场测试正常').waitFor();
  await residentPage.getByLabel('5 星').filter({ visible: true }).click();
  await residentPage.locator('textarea').filter({ visible: true }).fill('当天就修好了，谢谢网格长');
  await shown(residentPage, '提交评价').click();
  await shown(residentPage, '已结案').waitFor();
  await screenshot(residentPage, 'appeal-rated');

  const { body } = await cloud.call('appeal', { action: 'detail', id }, resident);
  expect(body.data.status).toBe('closed');
  expect(body.data.photos).toHaveLength(1);
  // The chief's photo is a work photo of their own, on the reply; the resident's stays theirs.
  const replied = body.data.timeline.find((e: { type: string }) => e.type === 'replied');
  expect(replied.photos).toEqual([expect.stringMatching(/\/work\/\d{6}\/[0-9a-f]{32}\.png$/)]);
  expect(body.data.photos).toEqual([expect.stringMatching(/\/appeals\/\d{6}\/[0-9a-f]{32}\.png$/)]);
  expect(body.data.timeline.map((e: { type: string }) => e.type)).toEqual(['submitted', 'accepted', 'replied', 'resolved', 'rated', 'closed']);
  expect(body.data.rating).toMatchObject({ score: 5, comment: '当天就修好了，谢谢网格长' });
}, 90_000);
