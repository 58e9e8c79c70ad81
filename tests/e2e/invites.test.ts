import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { PAGES } from '../../types/routes';
import { phoneOf as phoneIn, screenshot, shown, startE2e, stopE2e, settle } from '../support/browser';
import { demo, LocalCloud } from '../support/localCloud';
import { readQrAt } from '../support/qr';

const grid = demo.grids.find((g) => g.code === 'GS-0102')!;
const community = demo.communities.find((c) => c._id === grid.communityId)!;
const inviter = `demo-community-${community._id}`;

let cloud: LocalCloud;
let browser: Browser;
beforeAll(async () => ({ cloud, browser } = await startE2e()));
afterAll(() => stopE2e(cloud, browser));

const phoneOf = (openid: string) => phoneIn(browser, openid);
/** Taro's H5 input is a custom element around the native one, both with the placeholder: the native one takes the typing. */
const field = (page: Page, placeholder: string) => page.locator(`input[placeholder="${placeholder}"]`).filter({ visible: true });

it('community staff invite a worker by QR; the invitee binds once; a second person is refused; the worker is unbound', async () => {
  const { page: staff } = await phoneOf(inviter);
  await staff.goto(`${cloud.url}/#/${PAGES.inbox}`);
  await shown(staff, '邀请工作人员').waitFor();
  await settle(staff);
  await screenshot(staff, 'invites-inbox-community');
  await shown(staff, '邀请工作人员').click();
  await shown(staff, '新的邀请').waitFor();
  await shown(staff, '网格员').click();
  await field(staff, '或输入网格编号，如 GS-0102').fill(grid.code);
  await field(staff, '被邀请人的姓名').fill('王小雨');
  await field(staff, '如 专职网格员').fill('专职网格员');
  await field(staff, '居民拨打时使用').fill('13900001111');
  await settle(staff);
  await screenshot(staff, 'invites-form');
  await shown(staff, '生成邀请').click();

  await shown(staff, `${grid.name} · 网格员 · 王小雨`).waitFor();
  const code = (await staff.locator('.invite-card__code').filter({ visible: true }).textContent())!.trim();
  expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
  await shown(staff, '复制邀请码').waitFor();
  await staff.getByText(/^72 小时内有效，截至 \d{1,2}月\d{1,2}日 \d\d:\d\d$/).filter({ visible: true }).waitFor();
  const qr = staff.locator('.invite-card__qr img').filter({ visible: true });
  await qr.waitFor();
  await staff.waitForFunction(() => {
    const img = Array.from(document.querySelectorAll<HTMLImageElement>('.invite-card__qr img')).find((i) => i.offsetParent);
    return !!img && img.complete && img.naturalWidth > 0;
  });
  await settle(staff);
  await screenshot(staff, 'invites-card');

  // What a phone's scanner reads from the code on screen: WeChat opens the join page with `scene`.
  const scanned = new URLSearchParams((await readQrAt((await qr.getAttribute('src'))!))!);
  expect(Object.fromEntries(scanned)).toEqual({ scene: `i=${code}`, page: PAGES.staffJoin });

  const newcomer = `e2e-invitee-${randomUUID().slice(0, 8)}`;
  const { page: invitee } = await phoneOf(newcomer);
  // WeChat hands the page `scene` URI-encoded (i%3D…); Taro's H5 router passes query values on as written.
  await invitee.goto(`${cloud.url}/#/${scanned.get('page')}?scene=${encodeURIComponent(scanned.get('scene')!)}`);
  await shown(invitee, grid.name).waitFor();
  await shown(invitee, '王小雨 · 专职网格员').waitFor();
  await shown(invitee, `${demo.staff.find((s) => s.openid === inviter)!.name} 邀请您成为`).waitFor();
  await settle(invitee);
  await screenshot(invitee, 'invites-join-preview');
  await shown(invitee, '确认加入').click();
  await shown(invitee, `您已成为 ${grid.name} 的网格员`).waitFor();
  await settle(invitee);
  await screenshot(invitee, 'invites-joined');
  await shown(invitee, '进入诉求工作台').click();
  await shown(invitee, '王小雨 · 专职网格员').waitFor();
  await shown(invitee, grid.name).waitFor();
  await settle(invitee);
  await screenshot(invitee, 'invites-inbox-of-new-worker');

  const { page: latecomer } = await phoneOf(`e2e-latecomer-${randomUUID().slice(0, 8)}`);
  await latecomer.goto(`${cloud.url}/i/${code.toLowerCase()}`);
  await shown(latecomer, '邀请码无效或已失效，请核对，或向邀请人重新获取').waitFor();
  expect(await latecomer.getByText('确认加入').filter({ visible: true }).count()).toBe(0);
  await settle(latecomer);
  await screenshot(latecomer, 'invites-join-used');

  await shown(staff, '查看人员').click();
  await shown(staff, `${grid.name} · 3 人`).waitFor();
  const member = staff.locator('.team-member').filter({ visible: true }).filter({ hasText: '王小雨' });
  await settle(staff);
  await screenshot(staff, 'invites-team');
  await member.getByText('解绑').click();
  await shown(staff, `解绑后，王小雨将不再是${grid.name}的网格员，也不再收到这里的诉求。`).waitFor();
  await settle(staff);
  await screenshot(staff, 'invites-unbind-confirm');
  await staff.locator('.taro-model__confirm').click();
  await shown(staff, `${grid.name} · 2 人`).waitFor();
  expect(await member.count()).toBe(0);
  await settle(staff);
  await screenshot(staff, 'invites-team-after-unbind');

  const { body: page } = await cloud.call('grid', { action: 'resolve', code: grid.code });
  expect(page.data.workers.map((w: { name: string }) => w.name)).not.toContain('王小雨');
  const { body: me } = await cloud.call('account', { action: 'me' }, newcomer);
  expect(me.data.role).toBe('resident');
}, 90_000);
