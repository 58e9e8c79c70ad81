/**
 * `wx.openApi` calls of the local cloud (cloud.openapi.* in wx-server-sdk 4.0.2).
 *
 * Wire, as the SDK sends it: POST multipart/form-data with the fields `action` ("wx.openApi"),
 * `apiName` (e.g. "subscribeMessage.send"), `envName`, token fields, and `requestData`
 * (application/octet-stream) = protobuf `CommApiData {apiType:0 (OPEN_API), openapiData:{pairs:[{key, value}]}, appid}`
 * where each pair is one snake_case parameter and `value` its JSON bytes.
 * Reply: the raw protobuf `CommOpenApiResp {respData, contentType, errorCode, httpCode}` with an HTTP
 * content-type that is NOT exactly `application/json; charset=utf-8` (that one makes the SDK JSON-parse
 * the body as a TCB error `{code, message}`, which is how SDK-level errors are sent).
 * A JSON respData with `errcode` ≠ 0 makes the SDK throw `{errCode: errcode}`; any non-JSON
 * contentType comes back as `{contentType, buffer}`.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import busboy from 'busboy';
import protobuf from 'protobufjs';
import { openCloudID } from './openData';
import QRCode from 'qrcode';

// ---------------------------------------------------------------- outbox

export interface OutboxEntry {
  at: string;
  callId?: string;
  api: string;
  openid?: string;
  appid?: string;
  params: Record<string, unknown>;
  reply: unknown;
}

export interface Outbox {
  record(entry: OutboxEntry): void;
  /** Every recorded entry, oldest first (newest last). */
  list(): OutboxEntry[];
}

/** Append-only JSON-lines file; each record is written and fsynced before `record` returns. */
export function openOutbox(opts: { file: string }): Outbox {
  fs.mkdirSync(path.dirname(path.resolve(opts.file)), { recursive: true });
  const entries: OutboxEntry[] = [];
  let text = '';
  try { text = fs.readFileSync(opts.file, 'utf8'); } catch { /* new outbox */ }
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try { entries.push(JSON.parse(line)); } catch { /* a torn last line from a killed process */ }
  }
  const fd = fs.openSync(opts.file, 'a');
  if (text && !text.endsWith('\n')) fs.writeSync(fd, '\n');
  return {
    record(entry) {
      const line = JSON.stringify(entry) + '\n';
      fs.writeSync(fd, line);
      fs.fsyncSync(fd);
      entries.push(JSON.parse(line));
    },
    list() {
      return entries.map((e) => JSON.parse(JSON.stringify(e)));
    },
  };
}

// ---------------------------------------------------------------- protobuf (field numbers as in wx-server-sdk 4.0.2 src/protobuf/openapi.js)

const root = protobuf.Root.fromJSON({
  nested: {
    KeyValuePair: { fields: { key: { type: 'string', id: 1 }, value: { type: 'bytes', id: 2 }, contenttype: { type: 'string', id: 3 }, filename: { type: 'string', id: 4 } } },
    OpenApiData: { fields: { pairs: { rule: 'repeated', type: 'KeyValuePair', id: 1 } } },
    TokenApiData: { fields: { resourceAppid: { type: 'string', id: 1 }, resourceEnv: { type: 'string', id: 2 } } },
    SvrkitApiData: { fields: { apiName: { type: 'string', id: 1 }, reqData: { type: 'bytes', id: 2 } } },
    CommApiData: {
      fields: {
        apiType: { type: 'int32', id: 1 },
        openapiData: { type: 'OpenApiData', id: 2 },
        svrkitData: { type: 'SvrkitApiData', id: 4 },
        tokenData: { type: 'TokenApiData', id: 5 },
        appid: { type: 'string', id: 6 },
      },
    },
    ApiGetOpenDataByCloudIdReq: { fields: { cloudidList: { rule: 'repeated', type: 'string', id: 2 }, appid: { type: 'string', id: 3 } } },
    OpDataItem: { fields: { cloudId: { type: 'string', id: 1 }, json: { type: 'string', id: 2 } } },
    ApiGetOpenDataByCloudIdResp: { fields: { dataList: { rule: 'repeated', type: 'OpDataItem', id: 1 } } },
    HttpHeader: { fields: { key: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } } },
    CommOpenApiResp: {
      fields: {
        respData: { type: 'bytes', id: 1 },
        contentType: { type: 'string', id: 2 },
        errorCode: { type: 'int32', id: 3 },
        httpCode: { type: 'uint32', id: 4 },
        headers: { rule: 'repeated', type: 'HttpHeader', id: 5 },
        svrkitErrorCode: { type: 'int32', id: 6 },
      },
    },
  },
});
export const CommApiData = root.lookupType('CommApiData');
export const CommOpenApiResp = root.lookupType('CommOpenApiResp');
const GetOpenDataReq = root.lookupType('ApiGetOpenDataByCloudIdReq');
const GetOpenDataResp = root.lookupType('ApiGetOpenDataByCloudIdResp');
const SVRKIT_API = 2;
const OPEN_DATA_API = 'ApiGetOpenDataByCloudId';

// ---------------------------------------------------------------- deterministic fakes

/** Words that make security.msgSecCheck answer `risky`, with the label the real checker would give. */
export const RISKY_WORDS: readonly string[] = ['违禁', '赌博', '枪支'];
const RISKY_LABELS: Record<string, number> = { 违禁: 21000, 赌博: 20006, 枪支: 20006 };
/** Words that make security.msgSecCheck answer `review`. */
export const REVIEW_WORDS: readonly string[] = ['待审'];
/** A content containing this makes security.msgSecCheck fail with errcode -1 (system error). */
export const CHECK_FAILURE_WORD = '检测失败';
/** A subscribeMessage.send to an openid containing this is refused with 43101. */
export const REFUSING_OPENID_MARK = 'refuse';

type JsonReply = Record<string, unknown>;
type Reply = { json: JsonReply } | { contentType: string; bytes: Buffer };

function traceId(seed: string): string {
  const h = crypto.createHash('sha1').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 16)}-${h.slice(16, 24)}`;
}

const ok = (extra: JsonReply = {}): JsonReply => ({ errcode: 0, errmsg: 'ok', ...extra });
const fail = (errcode: number, errmsg: string): JsonReply => ({ errcode, errmsg });

/** Limits of subscribe message data values by the key's type prefix (value length in characters). */
const SUBSCRIBE_LIMITS: Array<[RegExp, number]> = [
  [/^thing\d+$/, 20],
  [/^phrase\d+$/, 5],
  [/^name\d+$/, 20],
  [/^character_string\d+$/, 32],
  [/^number\d+$/, 32],
  [/^letter\d+$/, 32],
  [/^symbol\d+$/, 5],
  [/^phone_number\d+$/, 17],
  [/^car_number\d+$/, 8],
  [/^amount\d+$/, 32],
];

function subscribeSend(p: Record<string, any>): JsonReply {
  const touser = p.touser;
  if (typeof touser !== 'string' || !touser) return fail(40003, 'invalid openid');
  if (typeof p.template_id !== 'string' || !p.template_id) return fail(40037, 'invalid template_id');
  if (p.data !== undefined && (typeof p.data !== 'object' || p.data === null)) return fail(47001, 'data format error');
  for (const [k, v] of Object.entries((p.data ?? {}) as Record<string, any>)) {
    const value = v && typeof v === 'object' ? v.value : undefined;
    if (typeof value !== 'string' && typeof value !== 'number') return fail(47003, `argument invalid! data.${k}.value empty`);
    const limit = SUBSCRIBE_LIMITS.find(([re]) => re.test(k))?.[1];
    if (String(value).length === 0 || (limit !== undefined && [...String(value)].length > limit)) {
      return fail(47003, `argument invalid! data.${k}.value invalid`);
    }
  }
  if (touser.includes(REFUSING_OPENID_MARK)) return fail(43101, 'user refuse to accept the msg');
  return ok({ msgid: Number(BigInt('0x' + crypto.createHash('sha1').update(JSON.stringify(p)).digest('hex').slice(0, 12))) });
}

function msgSecCheck(p: Record<string, any>): JsonReply {
  const content = typeof p.content === 'string' ? p.content : '';
  if (!content) return fail(40003, 'invalid content');
  if (content.includes(CHECK_FAILURE_WORD)) return fail(-1, 'system error');
  const risky = RISKY_WORDS.find((w) => content.includes(w));
  const review = REVIEW_WORDS.find((w) => content.includes(w));
  if (Number(p.version) !== 2) {
    // v1: errcode 87014 for risky content, ok otherwise.
    return risky ? fail(87014, 'risky content') : ok();
  }
  if (typeof p.openid !== 'string' || !p.openid) return fail(40003, 'invalid openid');
  if (![1, 2, 3, 4].includes(Number(p.scene))) return fail(40003, 'invalid scene');
  const suggest = risky ? 'risky' : review ? 'review' : 'pass';
  const label = risky ? RISKY_LABELS[risky] : review ? 21000 : 100;
  const keyword = risky ?? review;
  return ok({
    detail: [
      { strategy: 'content_model', errcode: 0, suggest, label, prob: suggest === 'pass' ? 0 : 90 },
      keyword
        ? { strategy: 'keyword', errcode: 0, suggest, label, level: 20, keyword }
        : { strategy: 'keyword', errcode: 0 },
    ],
    trace_id: traceId(`msgSecCheck\n${content}\n${p.openid}`),
    result: { suggest, label },
  });
}

function mediaCheckAsync(p: Record<string, any>, seq: number): JsonReply {
  if (typeof p.media_url !== 'string' || !/^https?:\/\//.test(p.media_url)) return fail(40003, 'invalid media_url');
  if (![1, 2].includes(Number(p.media_type))) return fail(40003, 'invalid media_type');
  return ok({ trace_id: traceId(`mediaCheckAsync\n${p.media_url}\n${seq}`) });
}

/** Allowed scene characters and length of wxacode.getUnlimited. */
const SCENE_RE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

async function getUnlimited(p: Record<string, any>): Promise<Reply> {
  const scene = typeof p.scene === 'string' ? p.scene : p.scene === undefined ? '' : String(p.scene);
  if (!SCENE_RE.test(scene)) return { json: fail(40169, 'invalid length for scene, or the data is not json string') };
  const page = typeof p.page === 'string' ? p.page : '';
  if (page.startsWith('/') || page.includes('?')) return { json: fail(41030, 'invalid page') };
  const width = Math.min(1280, Math.max(280, Number(p.width) || 430));
  const text = `scene=${encodeURIComponent(scene)}&page=${page}`;
  const bytes = await QRCode.toBuffer(text, { type: 'png', width, margin: 2, errorCorrectionLevel: 'M' });
  return { contentType: 'image/png', bytes };
}

// ---------------------------------------------------------------- the handler

export interface OpenApiHandler {
  /** Answers a multipart `wx.openApi` request; resolves to the raw reply (always HTTP 200). */
  handle(raw: Buffer, contentType: string, callId?: string): Promise<{ contentType: string; body: Buffer }>;
}

type Parsed = { fields: Record<string, string>; files: Record<string, Buffer> };

function parseMultipart(raw: Buffer, contentType: string): Promise<Parsed> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    const files: Record<string, Buffer> = {};
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: { 'content-type': contentType }, limits: { fieldSize: 32 * 1024 * 1024, fileSize: 32 * 1024 * 1024 } });
    } catch (e) {
      reject(e);
      return;
    }
    bb.on('field', (name, value) => { fields[name] = value; });
    bb.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => { files[name] = Buffer.concat(chunks); });
    });
    bb.on('error', reject);
    bb.on('close', () => resolve({ fields, files }));
    bb.end(raw);
  });
}

const JSON_ERROR_TYPE = 'application/json; charset=utf-8';
const PB_TYPE = 'application/octet-stream';
const sdkError = (code: string, message: string) => ({
  contentType: JSON_ERROR_TYPE,
  body: Buffer.from(JSON.stringify({ code, message, requestId: crypto.randomBytes(12).toString('hex') })),
});

/**
 * `callerOf(callId)`: the openid of the function call that sent a request, so open data (a
 * CloudID) opens only for the user it was issued to, as WeChat's does.
 */
export function openApi(opts: { outbox: Outbox; now?: () => Date; callerOf?: (callId: string | undefined) => string | null }): OpenApiHandler {
  const now = opts.now ?? (() => new Date());
  let seq = 0;

  async function answer(api: string, params: Record<string, any>): Promise<Reply> {
    switch (api) {
      case 'subscribeMessage.send': return { json: subscribeSend(params) };
      case 'security.msgSecCheck': return { json: msgSecCheck(params) };
      case 'security.mediaCheckAsync': return { json: mediaCheckAsync(params, seq) };
      case 'wxacode.getUnlimited': return getUnlimited(params);
      default: return { json: ok() };
    }
  }

  /** cloud.getOpenData: each CloudID opened for the calling user, or its error object. */
  function openData(reqData: Buffer, at: string, callId: string | undefined) {
    const { cloudidList = [] } = GetOpenDataReq.toObject(GetOpenDataReq.decode(reqData)) as { cloudidList?: string[] };
    const openid = opts.callerOf?.(callId) ?? null;
    const dataList = cloudidList.map((cloudId) => ({ cloudId, json: JSON.stringify(openCloudID(cloudId, openid)) }));
    const entry: OutboxEntry = { at, api: 'cloudbase.getOpenData', params: { cloudidList }, reply: { dataList: dataList.length } };
    if (callId) entry.callId = callId;
    if (openid) entry.openid = openid;
    opts.outbox.record(entry);
    const respData = Buffer.from(GetOpenDataResp.encode(GetOpenDataResp.fromObject({ dataList })).finish());
    const resp = { respData, contentType: PB_TYPE, errorCode: 0, httpCode: 200, svrkitErrorCode: 0 };
    return { contentType: PB_TYPE, body: Buffer.from(CommOpenApiResp.encode(CommOpenApiResp.fromObject(resp)).finish()) };
  }

  async function handle(raw: Buffer, contentType: string, callId?: string) {
    seq += 1;
    const at = now().toISOString();
    let parsed: Parsed;
    try {
      parsed = await parseMultipart(raw, contentType);
    } catch (e) {
      const message = `malformed multipart request: ${(e as Error).message}`;
      opts.outbox.record({ at, callId, api: 'unknown', params: {}, reply: { code: 'INVALID_PARAM', message } });
      return sdkError('INVALID_PARAM', message);
    }
    const action = parsed.fields.action;
    const api = parsed.fields.apiName ?? 'unknown';
    if (action !== 'wx.openApi') {
      const message = `${action ?? '(no action)'} is not supported by the local cloud`;
      opts.outbox.record({ at, callId, api, params: {}, reply: { code: 'INVALID_PARAM', message } });
      return sdkError('INVALID_PARAM', message);
    }
    const data = parsed.files.requestData ?? (parsed.fields.requestData !== undefined ? Buffer.from(parsed.fields.requestData, 'latin1') : undefined);
    let params: Record<string, any> = {};
    let appid: string | undefined;
    try {
      if (!data) throw new Error('requestData missing');
      const msg = CommApiData.toObject(CommApiData.decode(data), { defaults: false }) as any;
      appid = msg.appid || undefined;
      if (msg.apiType === SVRKIT_API && msg.svrkitData?.apiName === OPEN_DATA_API) {
        return openData(Buffer.from(msg.svrkitData.reqData ?? []), at, callId);
      }
      for (const pair of msg.openapiData?.pairs ?? []) {
        const value: Buffer = Buffer.from(pair.value ?? []);
        if (pair.contenttype || pair.filename) {
          params[pair.key] = { contentType: pair.contenttype, filename: pair.filename, size: value.length };
        } else {
          params[pair.key] = JSON.parse(value.toString('utf8'));
        }
      }
    } catch (e) {
      const message = `cannot decode requestData of ${api}: ${(e as Error).message}`;
      opts.outbox.record({ at, callId, api, params, reply: { code: 'INVALID_PARAM', message } });
      return sdkError('INVALID_PARAM', message);
    }

    const reply = await answer(api, params);
    const openid = typeof params.touser === 'string' ? params.touser : typeof params.openid === 'string' ? params.openid : undefined;
    const entry: OutboxEntry = { at, api, params, reply: 'json' in reply ? reply.json : { contentType: reply.contentType, bytes: reply.bytes.length } };
    if (callId) entry.callId = callId;
    if (openid) entry.openid = openid;
    if (appid) entry.appid = appid;
    opts.outbox.record(entry);

    const resp = 'json' in reply
      ? { respData: Buffer.from(JSON.stringify(reply.json)), contentType: 'application/json; encoding=utf-8', errorCode: 0, httpCode: 200 }
      : { respData: reply.bytes, contentType: reply.contentType, errorCode: 0, httpCode: 200 };
    return { contentType: PB_TYPE, body: Buffer.from(CommOpenApiResp.encode(CommOpenApiResp.fromObject(resp)).finish()) };
  }

  return { handle };
}
