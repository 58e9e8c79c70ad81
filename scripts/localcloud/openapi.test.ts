import * as fs from 'fs';
import QRCode from 'qrcode';
import { prepareSdkEnv, startHarness, loadSdk, type Harness } from './testing/sdkHarness';
import { openOutbox, RISKY_WORDS, REVIEW_WORDS, CHECK_FAILURE_WORD } from './openapi';

prepareSdkEnv();

let h: Harness;
let cloud: any;

beforeAll(async () => {
  h = await startHarness();
  cloud = loadSdk();
});
afterAll(async () => { await h.close(); });
beforeEach(() => h.useCallId());

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('subscribeMessage.send', () => {
  const message = (touser: string, thing = '小区路灯不亮') => ({
    touser,
    templateId: 'tpl-appeal-progress',
    page: 'pages/appeal/detail?id=a1',
    data: { thing1: { value: thing }, phrase2: { value: '已受理' }, time3: { value: '2025-01-02 09:30' } },
    miniprogramState: 'developer',
  });

  test('succeeds with errCode 0 and is recorded with the openid and the callId', async () => {
    h.useCallId('call-sub-1');
    const res = await cloud.openapi.subscribeMessage.send(message('o-resident-1'));
    expect(res.errCode).toBe(0);
    expect(res.errMsg).toBe('openapi.subscribeMessage.send:ok');
    expect(typeof res.msgid).toBe('number');
    const last = h.outbox.list().at(-1)!;
    expect(last).toMatchObject({
      api: 'subscribeMessage.send',
      callId: 'call-sub-1',
      openid: 'o-resident-1',
      params: { touser: 'o-resident-1', template_id: 'tpl-appeal-progress', miniprogram_state: 'developer', data: { thing1: { value: '小区路灯不亮' } } },
      reply: { errcode: 0, errmsg: 'ok' },
    });
    expect(new Date(last.at).toString()).not.toBe('Invalid Date');
  });

  test('an openid containing "refuse" makes the SDK throw errCode 43101', async () => {
    await expect(cloud.openapi.subscribeMessage.send(message('o-refuse-2'))).rejects.toMatchObject({ errCode: 43101 });
    expect(h.outbox.list().at(-1)).toMatchObject({ openid: 'o-refuse-2', reply: { errcode: 43101, errmsg: 'user refuse to accept the msg' } });
  });

  test('a thing value over 20 characters is rejected with 47003', async () => {
    await expect(cloud.openapi.subscribeMessage.send(message('o-resident-1', '这'.repeat(21)))).rejects.toMatchObject({ errCode: 47003 });
    await expect(cloud.openapi.subscribeMessage.send(message('o-resident-1', '这'.repeat(20)))).resolves.toMatchObject({ errCode: 0 });
  });
});

describe('security.msgSecCheck v2', () => {
  const check = (content: string) => cloud.openapi.security.msgSecCheck({ content, version: 2, scene: 2, openid: 'o-resident-1' });

  test('pass', async () => {
    const res = await check('楼道里的灯坏了，麻烦修一下');
    expect(res.errCode).toBe(0);
    expect(res.result).toEqual({ suggest: 'pass', label: 100 });
    expect(Array.isArray(res.detail)).toBe(true);
    expect(typeof res.traceId).toBe('string'); // trace_id, camel-cased by the SDK
  });

  test.each(RISKY_WORDS.map((w) => [w]))('risky for %s', async (word) => {
    const res = await check(`有人在这里${word}`);
    expect(res.result.suggest).toBe('risky');
    expect(res.result.label).not.toBe(100);
    expect(res.detail).toEqual(expect.arrayContaining([expect.objectContaining({ strategy: 'keyword', suggest: 'risky', keyword: word })]));
  });

  test.each(REVIEW_WORDS.map((w) => [w]))('review for %s', async (word) => {
    const res = await check(`内容${word}一下`);
    expect(res.result.suggest).toBe('review');
  });

  test('the checker failing makes the SDK throw errCode -1', async () => {
    await expect(check(`这条${CHECK_FAILURE_WORD}`)).rejects.toMatchObject({ errCode: -1 });
  });

  test('recorded with params and reply', () => {
    const entries = h.outbox.list().filter((e) => e.api === 'security.msgSecCheck');
    expect(entries.length).toBe(2 + RISKY_WORDS.length + REVIEW_WORDS.length);
    expect(entries[0]).toMatchObject({ openid: 'o-resident-1', params: { version: 2, scene: 2 }, reply: { errcode: 0, result: { suggest: 'pass' } } });
  });
});

describe('other apis', () => {
  test('mediaCheckAsync answers a trace_id', async () => {
    const res = await cloud.openapi.security.mediaCheckAsync({ mediaUrl: 'http://127.0.0.1/x.png', mediaType: 2, version: 2, scene: 2, openid: 'o-resident-1' });
    expect(res).toMatchObject({ errCode: 0 });
    expect(typeof res.traceId).toBe('string');
  });

  test('wxacode.getUnlimited returns a PNG QR code of scene and page', async () => {
    const res = await cloud.openapi.wxacode.getUnlimited({ scene: 'g=GS-001', page: 'pages/grid/index', checkPath: false, width: 430 });
    expect(res.contentType).toBe('image/png');
    expect(Buffer.isBuffer(res.buffer)).toBe(true);
    expect(res.buffer.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(res.buffer.readUInt32BE(16)).toBe(430); // IHDR width
    const expected = await QRCode.toBuffer(`scene=${encodeURIComponent('g=GS-001')}&page=pages/grid/index`, { type: 'png', width: 430, margin: 2, errorCorrectionLevel: 'M' });
    expect(res.buffer.equals(expected)).toBe(true);
    expect(h.outbox.list().at(-1)).toMatchObject({ api: 'wxacode.getUnlimited', params: { scene: 'g=GS-001', page: 'pages/grid/index', check_path: false }, reply: { contentType: 'image/png' } });
  });

  test('getUnlimited refuses a scene over 32 characters (40169)', async () => {
    await expect(cloud.openapi.wxacode.getUnlimited({ scene: 'x'.repeat(33), page: 'pages/grid/index' })).rejects.toMatchObject({ errCode: 40169 });
  });

  test('any other api answers errcode 0 and is recorded', async () => {
    const res = await cloud.openapi.customerServiceMessage.send({ touser: 'o-1', msgtype: 'text', text: { content: 'hi' } });
    expect(res.errCode).toBe(0);
    expect(h.outbox.list().at(-1)).toMatchObject({ api: 'customerServiceMessage.send', openid: 'o-1', reply: { errcode: 0 } });
  });
});

describe('outbox', () => {
  test('the file holds every call after reopening, newest last', () => {
    const live = h.outbox.list();
    expect(live.length).toBeGreaterThanOrEqual(12);
    const reopened = openOutbox({ file: h.outboxFile }).list();
    expect(reopened).toEqual(live);
    expect(fs.readFileSync(h.outboxFile, 'utf8').trim().split('\n')).toHaveLength(live.length);
  });

  test('a torn last line (killed process) is skipped and appending continues', () => {
    const file = `${h.dir}/torn.jsonl`;
    const a = openOutbox({ file });
    a.record({ at: '2025-01-01T00:00:00.000Z', api: 'x.y', params: {}, reply: { errcode: 0 } });
    fs.appendFileSync(file, '{"at":"2025-01-01T00:00:01.000Z","api":"x');
    const b = openOutbox({ file });
    expect(b.list()).toHaveLength(1);
    b.record({ at: '2025-01-01T00:00:02.000Z', api: 'x.z', params: {}, reply: { errcode: 0 } });
    expect(openOutbox({ file }).list().map((e) => e.api)).toEqual(['x.y', 'x.z']);
  });
});
