/**
 * Cloud storage of the local cloud: files on disk under `dir`, answered the way CloudBase answers
 * the real wx-server-sdk 4.0.2 (@cloudbase/node-sdk 3.17):
 *
 * - `storage.getUploadMetadata {path, method:"put"}` → `{requestId, data:{url, token, authorization, fileId, cosFileId, download_url}}`.
 *   The SDK then sends `PUT <data.url>` with the raw bytes as a chunked body (no content-type, no
 *   content-length) and the headers `Signature`/`authorization` (= data.authorization),
 *   `x-cos-security-token` (= data.token), `x-cos-meta-fileid` (= data.cosFileId), `key`. COS answers
 *   200 with an empty body; on failure an XML `<Error><Code/><Message/><RequestId/><TraceId/></Error>`
 *   which the SDK turns into a thrown error.
 * - `storage.batchGetDownloadUrl {file_list:[{fileid, max_age}]}` → `{data:{download_list:[{fileID, tempFileURL, code, maxAge}]}}`.
 *   The SDK's downloadFile GETs `encodeURI(tempFileURL)`, so a temp URL carries the path unencoded.
 * - `storage.batchDeleteFile {fileid_list}` → `{data:{delete_list:[{fileID, code}]}}`.
 *
 * fileIDs look like CloudBase's: `cloud://<env>.<bucket>/<cloudPath>`, bucket `<hex(env[0..2])>-<env>-<appid-ish>`.
 * Byte routes: `PUT /storage/<env>/<cloudPath>` (signed by the upload metadata) and
 * `GET|HEAD /storage/<env>/<cloudPath>?sign=…&t=<expiry seconds>` (temp URLs expire like the real ones).
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { IncomingMessage, ServerResponse } from 'http';

export interface LocalStorage {
  /** Answers one SDK storage request (`storage.*`); resolves to the JSON reply body (HTTP 200). */
  handle(action: string, body: Record<string, any>): Promise<Record<string, any>>;
  /** Serves the byte routes under `/storage/` (PUT upload, GET/HEAD download). False when the request is not for it. */
  serve(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** The file on disk behind a fileID, or null when the fileID is malformed / foreign / missing. */
  localPath(fileID: string): string | null;
  /** Stores bytes the way a mini-program's `wx.cloud.uploadFile` would; returns the fileID. */
  put(cloudPath: string, bytes: Buffer): string;
  /** Whether a file is stored at this cloud path (of the default env). */
  has(cloudPath: string): boolean;
  /** A signed download URL for a fileID, or null when it names no stored file. */
  tempUrl(fileID: string, maxAge?: number): string | null;
}

export interface StorageOptions {
  dir: string;
  /** e.g. () => 'http://127.0.0.1:3000' — read on every reply so the port may be known late. */
  baseUrl: () => string;
  /** env used when a request carries none (default 'local-env'). */
  defaultEnv?: string;
  /** Largest accepted upload (default 50 MiB). */
  maxUploadBytes?: number;
  /** Clock, for tests of expiry. */
  now?: () => number;
}

export const STORAGE_ROUTE = '/storage/';
const APPID_SUFFIX = '1300000000';
const DEFAULT_MAX_AGE = 86400; // seconds
const UPLOAD_TTL = 900; // seconds an upload authorization stays valid
const ENV_RE = /^[a-z0-9_-]{1,40}$/;

/** The bucket CloudBase would give an env: hex of its first two chars, the env, a numeric account id. */
export function bucketFor(env: string): string {
  return `${Buffer.from(env.slice(0, 2)).toString('hex')}-${env}-${APPID_SUFFIX}`;
}

export function makeFileId(env: string, cloudPath: string): string {
  return `cloud://${env}.${bucketFor(env)}/${cloudPath}`;
}

/**
 * Validates a cloudPath by the documented naming rules (not empty, no leading '/', no '//', ≤850 bytes,
 * no control characters) plus what a local disk and URLs need: no '.'/'..' segments, no '\\', '%', '#', '?'.
 * Returns an error message or null when valid.
 */
export function cloudPathError(cloudPath: unknown): string | null {
  if (typeof cloudPath !== 'string' || cloudPath.length === 0) return 'cloudPath must be a non-empty string';
  if (cloudPath.startsWith('/')) return 'cloudPath must not start with /';
  if (cloudPath.endsWith('/')) return 'cloudPath must name a file, not a folder';
  if (cloudPath.includes('//')) return 'cloudPath must not contain //';
  if (Buffer.byteLength(cloudPath, 'utf8') > 850) return 'cloudPath is longer than 850 bytes';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(cloudPath)) return 'cloudPath must not contain control characters';
  if (/[\\%#?]/.test(cloudPath)) return 'cloudPath must not contain \\ % # ?';
  for (const seg of cloudPath.split('/')) {
    if (seg === '.' || seg === '..') return 'cloudPath must not contain . or .. segments';
  }
  return null;
}

export type ParsedFileId = { env: string; bucket: string; cloudPath: string };

/** Parses `cloud://<env>.<bucket>/<cloudPath>`; null when malformed. */
export function parseFileId(fileID: unknown): ParsedFileId | null {
  if (typeof fileID !== 'string') return null;
  const m = /^cloud:\/\/([^./]+)\.([^/]+)\/(.+)$/.exec(fileID);
  if (!m) return null;
  const [, env, bucket, cloudPath] = m;
  if (!ENV_RE.test(env) || cloudPathError(cloudPath)) return null;
  return { env, bucket, cloudPath };
}

const MIME: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp',
  bmp: 'image/bmp', svg: 'image/svg+xml', ico: 'image/x-icon', heic: 'image/heic',
  mp4: 'video/mp4', mov: 'video/quicktime', webm: 'video/webm', m4v: 'video/x-m4v',
  mp3: 'audio/mpeg', m4a: 'audio/mp4', aac: 'audio/aac', wav: 'audio/wav', amr: 'audio/amr', silk: 'audio/silk',
  txt: 'text/plain; charset=utf-8', csv: 'text/csv; charset=utf-8', json: 'application/json',
  html: 'text/html; charset=utf-8', htm: 'text/html; charset=utf-8', css: 'text/css', js: 'text/javascript',
  pdf: 'application/pdf', zip: 'application/zip', xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Content type by extension, as COS serves an object uploaded without one. */
export function contentTypeFor(cloudPath: string): string {
  const ext = path.posix.extname(cloudPath).slice(1).toLowerCase();
  return MIME[ext] ?? 'application/octet-stream';
}

function requestId(): string {
  return crypto.randomBytes(12).toString('hex');
}

function cosError(res: ServerResponse, status: number, code: string, message: string, resource: string): void {
  const esc = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const rid = requestId();
  const xml = `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n<Code>${esc(code)}</Code>\n<Message>${esc(message)}</Message>\n`
    + `<Resource>${esc(resource)}</Resource>\n<RequestId>${rid}</RequestId>\n<TraceId>${rid}</TraceId>\n</Error>`;
  res.writeHead(status, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(xml), 'x-cos-request-id': rid });
  res.end(xml);
}

export function openStorage(opts: StorageOptions): LocalStorage {
  const root = path.resolve(opts.dir);
  const tmpDir = path.join(root, '.tmp');
  fs.mkdirSync(tmpDir, { recursive: true });
  const defaultEnv = opts.defaultEnv ?? 'local-env';
  const maxUpload = opts.maxUploadBytes ?? 50 * 1024 * 1024;
  const now = opts.now ?? Date.now;
  const key = loadKey(path.join(root, '.sign-key'));

  const base = () => opts.baseUrl().replace(/\/+$/, '');
  const hmac = (...parts: string[]) => crypto.createHmac('sha256', key).update(parts.join('\n')).digest('hex');
  const safeEqual = (a: string, b: string) =>
    a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

  /** Absolute path of an object; null if it would leave the env's folder (defence in depth). */
  function diskPath(env: string, cloudPath: string): string | null {
    if (!ENV_RE.test(env) || cloudPathError(cloudPath)) return null;
    const envRoot = path.join(root, env);
    const p = path.resolve(envRoot, ...cloudPath.split('/'));
    return p.startsWith(envRoot + path.sep) ? p : null;
  }

  function isFile(p: string): boolean {
    try { return fs.statSync(p).isFile(); } catch { return false; }
  }

  type Resolved = { ok: true; env: string; cloudPath: string; file: string } | { ok: false; code: string };
  function resolveFileId(fileID: unknown): Resolved {
    const parsed = parseFileId(fileID);
    if (!parsed) return { ok: false, code: 'INVALID_PARAM' };
    if (parsed.bucket !== bucketFor(parsed.env)) return { ok: false, code: 'STORAGE_EXCEED_AUTHORITY' };
    const file = diskPath(parsed.env, parsed.cloudPath);
    if (!file) return { ok: false, code: 'INVALID_PARAM' };
    return { ok: true, env: parsed.env, cloudPath: parsed.cloudPath, file };
  }

  const encodePath = (cloudPath: string) => cloudPath.split('/').map(encodeURIComponent).join('/');

  function tempUrl(env: string, cloudPath: string, maxAge: number): string {
    const t = Math.floor(now() / 1000) + maxAge;
    // Unencoded path on purpose: the SDK GETs encodeURI(tempFileURL), as with the real tcb.qcloud.la URLs.
    return `${base()}${STORAGE_ROUTE}${env}/${cloudPath}?sign=${hmac('GET', env, cloudPath, String(t))}&t=${t}`;
  }

  async function handle(action: string, body: Record<string, any>): Promise<Record<string, any>> {
    const env = typeof body.envName === 'string' && body.envName ? body.envName : defaultEnv;
    const rid = requestId();
    switch (action) {
      case 'storage.getUploadMetadata': {
        const cloudPath = body.path;
        const err = cloudPathError(cloudPath);
        if (err) return { code: 'INVALID_PARAM', message: `[storage.getUploadMetadata] ${err}`, requestId: rid };
        if (!ENV_RE.test(env)) return { code: 'INVALID_PARAM', message: `invalid env ${JSON.stringify(env)}`, requestId: rid };
        const expires = Math.floor(now() / 1000) + UPLOAD_TTL;
        const authorization = `q-sign-algorithm=sha256&q-ak=local&q-sign-time=${expires}&q-signature=${hmac('PUT', env, cloudPath, String(expires))}`;
        const fileId = makeFileId(env, cloudPath);
        return {
          requestId: rid,
          data: {
            url: `${base()}${STORAGE_ROUTE}${env}/${encodePath(cloudPath)}`,
            token: crypto.randomBytes(16).toString('hex'),
            authorization,
            fileId,
            cosFileId: Buffer.from(fileId).toString('base64'),
            download_url: `${base()}${STORAGE_ROUTE}${env}/${cloudPath}`,
          },
        };
      }
      case 'storage.batchGetDownloadUrl': {
        if (!Array.isArray(body.file_list)) return { code: 'INVALID_PARAM', message: 'file_list must be an array', requestId: rid };
        const download_list = body.file_list.map((item: any) => {
          const fileID = item?.fileid;
          const maxAge = Number.isFinite(Number(item?.max_age)) && Number(item.max_age) > 0 ? Math.floor(Number(item.max_age)) : DEFAULT_MAX_AGE;
          const r = resolveFileId(fileID);
          if (!r.ok) return { fileID, tempFileURL: '', code: r.code, maxAge };
          if (!isFile(r.file)) return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', maxAge };
          return { fileID, tempFileURL: tempUrl(r.env, r.cloudPath, maxAge), code: 'SUCCESS', maxAge };
        });
        return { requestId: rid, data: { download_list } };
      }
      case 'storage.batchDeleteFile': {
        if (!Array.isArray(body.fileid_list)) return { code: 'INVALID_PARAM', message: 'fileid_list must be an array', requestId: rid };
        const delete_list = body.fileid_list.map((fileID: any) => {
          const r = resolveFileId(fileID);
          if (!r.ok) return { fileID, code: r.code };
          try {
            fs.unlinkSync(r.file);
          } catch (e: any) {
            return { fileID, code: e?.code === 'ENOENT' ? 'STORAGE_FILE_NONEXIST' : 'STORAGE_REQUEST_FAIL' };
          }
          return { fileID, code: 'SUCCESS' };
        });
        return { requestId: rid, data: { delete_list } };
      }
      default:
        return { code: 'INVALID_PARAM', message: `${action} is not supported by the local cloud storage`, requestId: rid };
    }
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://local');
    if (!url.pathname.startsWith(STORAGE_ROUTE)) return false;
    const rest = url.pathname.slice(STORAGE_ROUTE.length);
    const slash = rest.indexOf('/');
    let env = '';
    let cloudPath = '';
    try {
      env = decodeURIComponent(rest.slice(0, slash));
      cloudPath = rest.slice(slash + 1).split('/').map(decodeURIComponent).join('/');
    } catch {
      /* malformed escape: falls through to the invalid key reply */
    }
    const file = slash > 0 ? diskPath(env, cloudPath) : null;
    if (!file) {
      req.resume();
      cosError(res, 400, 'InvalidURI', 'invalid object key', url.pathname);
      return true;
    }
    const method = (req.method ?? 'GET').toUpperCase();
    if (method === 'PUT') {
      await upload(req, res, env, cloudPath, file);
    } else if (method === 'GET' || method === 'HEAD') {
      download(req, res, url, env, cloudPath, file, method === 'HEAD');
    } else {
      req.resume();
      res.setHeader('Allow', 'GET, HEAD, PUT');
      cosError(res, 405, 'MethodNotAllowed', `${method} is not allowed`, url.pathname);
    }
    return true;
  }

  async function upload(req: IncomingMessage, res: ServerResponse, env: string, cloudPath: string, file: string): Promise<void> {
    const resource = `/${env}/${cloudPath}`;
    const auth = String(req.headers.authorization ?? '');
    const m = /q-sign-time=(\d+)&q-signature=([0-9a-f]+)/.exec(auth);
    if (!m || !safeEqual(m[2], hmac('PUT', env, cloudPath, m[1]))) {
      req.resume();
      cosError(res, 403, 'SignatureDoesNotMatch', 'The upload authorization does not match this object', resource);
      return;
    }
    if (Number(m[1]) < Math.floor(now() / 1000)) {
      req.resume();
      cosError(res, 403, 'AccessDenied', 'Request has expired', resource);
      return;
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxUpload) {
      req.resume();
      cosError(res, 400, 'EntityTooLarge', `Your proposed upload exceeds the maximum allowed object size (${maxUpload} bytes)`, resource);
      return;
    }
    const tmp = path.join(tmpDir, `${process.pid}-${crypto.randomBytes(8).toString('hex')}`);
    const fd = fs.openSync(tmp, 'w');
    let size = 0;
    const hash = crypto.createHash('md5');
    let tooLarge = false;
    try {
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > maxUpload) { tooLarge = true; break; }
        hash.update(chunk);
        let off = 0;
        while (off < chunk.length) off += fs.writeSync(fd, chunk, off);
      }
      if (!tooLarge) fs.fsyncSync(fd);
    } catch (e) {
      fs.closeSync(fd);
      fs.rmSync(tmp, { force: true });
      if (!res.headersSent) cosError(res, 400, 'IncompleteBody', `upload interrupted: ${(e as Error).message}`, resource);
      return;
    }
    fs.closeSync(fd);
    if (tooLarge) {
      fs.rmSync(tmp, { force: true });
      req.resume();
      cosError(res, 400, 'EntityTooLarge', `Your proposed upload exceeds the maximum allowed object size (${maxUpload} bytes)`, resource);
      return;
    }
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.renameSync(tmp, file);
      fsyncDir(path.dirname(file));
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      cosError(res, 409, 'InvalidObjectState', `cannot store ${cloudPath}: ${(e as Error).message}`, resource);
      return;
    }
    res.writeHead(200, { ETag: `"${hash.digest('hex')}"`, 'x-cos-request-id': requestId(), 'Content-Length': 0 });
    res.end();
  }

  function download(req: IncomingMessage, res: ServerResponse, url: URL, env: string, cloudPath: string, file: string, head: boolean): void {
    const resource = `/${env}/${cloudPath}`;
    req.resume();
    const t = url.searchParams.get('t') ?? '';
    const sign = url.searchParams.get('sign') ?? '';
    if (!/^\d+$/.test(t) || !safeEqual(sign, hmac('GET', env, cloudPath, t))) {
      cosError(res, 403, 'AccessDenied', 'Access Denied (bad or missing sign)', resource);
      return;
    }
    if (Number(t) < Math.floor(now() / 1000)) {
      cosError(res, 403, 'AccessDenied', 'Request has expired', resource);
      return;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
      if (!stat.isFile()) throw new Error('not a file');
    } catch {
      cosError(res, 404, 'NoSuchKey', 'The specified key does not exist.', resource);
      return;
    }
    res.writeHead(200, {
      'Content-Type': contentTypeFor(cloudPath),
      'Content-Length': stat.size,
      'Last-Modified': stat.mtime.toUTCString(),
      'Cache-Control': 'private, max-age=60',
      'Access-Control-Allow-Origin': '*',
      'X-Content-Type-Options': 'nosniff',
      // User content is served from the dev server's origin: never let an uploaded html/svg run script there.
      'Content-Security-Policy': 'sandbox',
      'x-cos-request-id': requestId(),
    });
    if (head) { res.end(); return; }
    fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
  }

  return {
    handle,
    serve,
    localPath(fileID: string) {
      const r = resolveFileId(fileID);
      return r.ok && isFile(r.file) ? r.file : null;
    },
    put(cloudPath: string, bytes: Buffer) {
      const file = diskPath(defaultEnv, cloudPath);
      if (!file) throw new Error(`bad cloud path: ${cloudPath}`);
      if (bytes.length > maxUpload) throw new Error('file too large');
      const tmp = path.join(tmpDir, `${process.pid}-${crypto.randomBytes(8).toString('hex')}`);
      fs.writeFileSync(tmp, bytes, { flush: true });
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.renameSync(tmp, file);
      fsyncDir(path.dirname(file));
      return makeFileId(defaultEnv, cloudPath);
    },
    has(cloudPath: string) {
      const file = diskPath(defaultEnv, cloudPath);
      return file !== null && isFile(file);
    },
    tempUrl(fileID: string, maxAge = DEFAULT_MAX_AGE) {
      const r = resolveFileId(fileID);
      return r.ok && isFile(r.file) ? tempUrl(r.env, r.cloudPath, maxAge) : null;
    },
  };
}

function loadKey(file: string): Buffer {
  try {
    const k = fs.readFileSync(file);
    if (k.length >= 32) return k;
  } catch { /* first start */ }
  const k = crypto.randomBytes(32);
  fs.writeFileSync(file, k, { mode: 0o600 });
  return k;
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
  } catch { /* not supported everywhere; the file itself is fsynced */ }
}
