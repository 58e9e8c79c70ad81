/**
 * The deploy's inputs: a dry run needs the appid and env id only; a deploy needs every secret and
 * template id; each missing or malformed value is one line naming it and where to find it; a
 * settings file is checked as the setup function checks it; the upload key must parse as a private key.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs } from './inputs';

const dir = mkdtempSync(join(tmpdir(), 'gridlink-inputs-'));
const keyFile = join(dir, 'private.key');
writeFileSync(keyFile, generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }));
const BASE = { TARO_APP_ID: 'wx0123456789abcdef', TARO_APP_CLOUD_ENV: 'gridlink-prod-1a2b' };
const FULL = {
  ...BASE,
  GRIDLINK_UPLOAD_KEY_PATH: keyFile,
  TENCENTCLOUD_SECRETID: 'AKIDexample000000',
  TENCENTCLOUD_SECRETKEY: 'secret-key-of-the-city-0000',
  GRIDLINK_TEMPLATE_APPEAL_NEW: 'tmpl_new_0123456789',
  GRIDLINK_TEMPLATE_APPEAL_PROGRESS: 'tmpl_progress_0123456789',
  GRIDLINK_TEMPLATE_GROUP_QR_EXPIRY: 'tmpl_qr_0123456789',
};

it('a dry run needs only the appid and env id, and says what a deploy would still need', () => {
  const { inputs, problems, missingForDeploy } = readInputs(BASE, true);
  expect(problems).toEqual([]);
  expect(inputs).toMatchObject({ appid: BASE.TARO_APP_ID, envId: BASE.TARO_APP_CLOUD_ENV, secretKey: null, settings: {} });
  expect(missingForDeploy).toEqual(['GRIDLINK_UPLOAD_KEY_PATH', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY', 'GRIDLINK_TEMPLATE_APPEAL_NEW', 'GRIDLINK_TEMPLATE_APPEAL_PROGRESS', 'GRIDLINK_TEMPLATE_GROUP_QR_EXPIRY']);
});

it.each(Object.keys(FULL))('a deploy without %s names it and where to find it', (name) => {
  const { inputs, problems } = readInputs({ ...FULL, [name]: '' }, false);
  expect(inputs).toBeNull();
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatch(new RegExp(`^缺少 ${name}：.*(→|同上)`));
});

it('a deploy with every value gives the template ids as the templates document', () => {
  const { inputs, problems } = readInputs(FULL, false);
  expect(problems).toEqual([]);
  expect(inputs!.settings).toEqual({ templates: { appealNew: 'tmpl_new_0123456789', appealProgress: 'tmpl_progress_0123456789', groupQrExpiry: 'tmpl_qr_0123456789' } });
});

it('malformed values and a settings file that does not fit are each named', () => {
  const file = join(dir, 'settings.json');
  writeFileSync(file, JSON.stringify({ assessment: { targets: { patrols: 0, visits: 1, reports: 1 } }, 'sla:GS': { standard: { acceptMinutes: 'soon' } } }));
  const { problems } = readInputs({ ...FULL, TARO_APP_ID: 'gridlink', GRIDLINK_UPLOAD_KEY_PATH: join(dir, 'missing.key'), GRIDLINK_SETTINGS_FILE: file }, false);
  expect(problems).toEqual([
    expect.stringMatching(/^TARO_APP_ID 不正确（应为 wx 开头/),
    expect.stringMatching(/^GRIDLINK_UPLOAD_KEY_PATH 不正确（文件 .*missing\.key 不存在/),
    expect.stringMatching(/^设置：assessment targets/),
    expect.stringMatching(/^设置：sla:GS standard/),
  ]);
});

it('an upload key file that is not a private key is named, with what it should be and where to get it', () => {
  const notAKey = join(dir, 'private.wx0123456789abcdef.key');
  writeFileSync(notAKey, 'key');
  const { inputs, problems } = readInputs({ ...FULL, GRIDLINK_UPLOAD_KEY_PATH: notAKey }, false);
  expect(inputs).toBeNull();
  expect(problems).toEqual([expect.stringMatching(/^GRIDLINK_UPLOAD_KEY_PATH 不正确（文件 .*private\.wx0123456789abcdef\.key 不是可用的私钥（.*）：应为下载的 private\.<appid>\.key 原文件）：.*生成上传密钥/)]);
});

it('a malformed template id is named by its .env variable', () => {
  const { inputs, problems } = readInputs({ ...FULL, GRIDLINK_TEMPLATE_APPEAL_PROGRESS: 'tmpl progress!' }, false);
  expect(inputs).toBeNull();
  expect(problems).toEqual([expect.stringMatching(/^GRIDLINK_TEMPLATE_APPEAL_PROGRESS 不正确（模板 ID 应为 8–64 位字母、数字、_ 或 -）：.*诉求进度通知/)]);
});
