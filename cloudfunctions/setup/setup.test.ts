/**
 * The deployment's settings door (`setup`): only a call without a WeChat user and with the
 * function's setup token writes, it writes only the documents that differ, and a document that
 * does not fit is refused whole, naming what is wrong.
 */
import type { DB } from 'wx-server-sdk/index';
import { SETUP_TOKEN_VARIABLE } from '../../types/setup';
import type { Body } from '../../tests/support/appealKit';
import { readDoc } from '../../tests/support/cloudDb';
import { LocalCloud, openLocalCloud } from '../../tests/support/localCloud';

const TOKEN = 'setup-token-for-this-test-0123456789';
let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => {
  process.env[SETUP_TOKEN_VARIABLE] = TOKEN;
  ({ cloud, db } = await openLocalCloud());
});
afterAll(() => cloud.stop());

const setup = async (event: object, openid?: string) => (await cloud.call<Body<any>>('setup', event, openid)).body;
const templates = { appealNew: 'tmpl_new_0123456789', appealProgress: 'tmpl_progress_0123456789', groupQrExpiry: 'tmpl_qr_0123456789' };
const sla = { standard: { days: 'working', acceptMinutes: 60, onSite: { sameDayCutoff: '16:00', nextDayBy: '10:00' }, resolveDays: 5 } };

it('writes the documents given, then a second call with the same ones writes none', async () => {
  expect(await setup({ action: 'apply', token: TOKEN, documents: { templates, 'sla:GS': sla } })).toEqual({ ok: true, data: { changed: ['templates', 'sla:GS'], unchanged: [] } });
  expect(await readDoc(db, 'settings', 'templates')).toMatchObject(templates);
  expect(await readDoc(db, 'settings', 'sla:GS')).toMatchObject(sla);
  expect(await setup({ action: 'apply', token: TOKEN, documents: { templates, 'sla:GS': sla } })).toEqual({ ok: true, data: { changed: [], unchanged: ['templates', 'sla:GS'] } });
  const next = { ...templates, appealNew: 'tmpl_new_changed_0123' };
  expect(await setup({ action: 'apply', token: TOKEN, documents: { templates: next, 'sla:GS': sla } })).toEqual({ ok: true, data: { changed: ['templates'], unchanged: ['sla:GS'] } });
  expect(await readDoc(db, 'settings', 'templates')).toMatchObject(next);
  expect(await setup({ action: 'read', token: TOKEN, ids: ['templates', 'assessment'] })).toEqual({ ok: true, data: { documents: { templates: next } } });
});

it.each([
  ['a mini-program user, even with the token', TOKEN, 'res-setup-caller'],
  ['a call with another token', 'someone-else-guessing-0123', undefined],
])('refuses %s and writes nothing', async (_, token, openid) => {
  const reply = await setup({ action: 'apply', token, documents: { assessment: { targets: { patrols: 9, visits: 9, reports: 9 } } } }, openid);
  expect(reply).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await setup({ action: 'read', token, ids: ['assessment'] }, openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await readDoc(db, 'settings', 'assessment')).toBeNull();
});

it('refuses documents that do not fit, naming each problem, and writes none of them', async () => {
  const reply = await setup({
    action: 'apply',
    token: TOKEN,
    documents: { 'assessment:QQ': { targets: { patrols: 0, visits: 1, reports: 1 } }, templates: { appealNew: 'x' }, limits: {} },
  });
  expect(reply).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  const message = (reply as { message: string }).message;
  expect(message).toContain('assessment:QQ targets');
  expect(message).toContain('templates.appealNew');
  expect(message).toContain('limits: 不是部署设置');
  expect(await readDoc(db, 'settings', 'assessment:QQ')).toBeNull();
});
