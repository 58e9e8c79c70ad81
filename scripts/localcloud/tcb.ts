/**
 * The `/admin` endpoint the real wx-server-sdk talks to (TCB_CONTEXT_CNFG.URL), answering like CloudBase:
 * `POST /admin?env=…&seqId=…` or `POST /admin/c/<callId>?env=…&seqId=…` (the function runner puts the
 * callId in the path so each request is attributed to the call that made it).
 *
 * - multipart/form-data (`wx.openApi`) → openapi.handle, raw protobuf reply.
 * - JSON → by `action`: `database.*` → database.handle (onRoundTrip first), `storage.*` → storage.handle,
 *   anything else → `{code, message}`.
 * SDK-level errors are HTTP 200 with `{code, message, requestId}` (content-type `application/json; charset=utf-8`):
 * the SDK throws them with errCode from its TCB_ERR_CODE table (e.g. INVALID_PARAM → -501007, SYS_ERR → -501001).
 * Only loopback clients are served: this endpoint is full admin access to the data.
 */
import * as crypto from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';
import type { LocalDatabase } from './db';
import type { LocalStorage } from './storage';
import type { OpenApiHandler } from './openapi';

/** The part of `LocalDatabase` the endpoint needs (tests pass a fake with just this). */
export type DatabaseEndpoint = Pick<LocalDatabase, 'handle'>;

export interface TcbDeps {
  database: DatabaseEndpoint;
  storage: Pick<LocalStorage, 'handle'>;
  openapi: OpenApiHandler;
  onRoundTrip?: (callId: string | undefined, action: string) => void;
  /** Largest request body accepted (default 64 MiB). */
  maxBodyBytes?: number;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const ADMIN_RE = /^\/admin(?:\/c\/([^/]+))?\/?$/;

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/** Parses `/admin` / `/admin/c/<callId>`; null when the path is not the admin endpoint. */
export function parseAdminPath(url: string | undefined): { callId?: string } | null {
  const pathname = new URL(url ?? '/', 'http://local').pathname;
  const m = ADMIN_RE.exec(pathname);
  if (!m) return null;
  return m[1] ? { callId: decodeURIComponent(m[1]) } : {};
}

function sendJson(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

const rid = () => crypto.randomBytes(12).toString('hex');
const sdkError = (code: string, message: string) => ({ code, message, requestId: rid() });

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export function tcbHandler(deps: TcbDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const limit = deps.maxBodyBytes ?? 64 * 1024 * 1024;
  return async (req, res) => {
    const route = parseAdminPath(req.url);
    if (!route) {
      req.resume();
      sendJson(res, 404, sdkError('INVALID_PARAM', `not the admin endpoint: ${req.url}`));
      return;
    }
    if (!isLoopback(req.socket.remoteAddress)) {
      req.resume();
      sendJson(res, 403, sdkError('INVALID_REQUEST_SOURCE', 'the local cloud admin endpoint only serves loopback clients'));
      return;
    }
    if ((req.method ?? '').toUpperCase() !== 'POST') {
      req.resume();
      sendJson(res, 200, sdkError('INVALID_PARAM', `${req.method} is not supported, the SDK POSTs`));
      return;
    }
    const { callId } = route;
    let body: Buffer | null;
    try {
      body = await readBody(req, limit);
    } catch (e) {
      if (!res.headersSent) sendJson(res, 200, sdkError('SYS_ERR', `cannot read request: ${(e as Error).message}`));
      return;
    }
    if (!body) {
      req.resume();
      sendJson(res, 200, sdkError('INVALID_PARAM', `request body larger than ${limit} bytes`));
      return;
    }

    const contentType = String(req.headers['content-type'] ?? '');
    try {
      if (/^multipart\/form-data/i.test(contentType)) {
        const reply = await deps.openapi.handle(body, contentType, callId);
        res.writeHead(200, { 'Content-Type': reply.contentType, 'Content-Length': reply.body.length });
        res.end(reply.body);
        return;
      }

      let params: Record<string, any>;
      try {
        params = JSON.parse(body.toString('utf8'));
        if (!params || typeof params !== 'object' || Array.isArray(params)) throw new Error('not an object');
      } catch (e) {
        sendJson(res, 200, sdkError('INVALID_PARAM', `request body is not a JSON object: ${(e as Error).message}`));
        return;
      }
      const action = typeof params.action === 'string' ? params.action : '';
      let reply: Record<string, any>;
      if (action.startsWith('database.')) {
        deps.onRoundTrip?.(callId, action);
        reply = await deps.database.handle(action, params);
      } else if (action.startsWith('storage.')) {
        reply = await deps.storage.handle(action, params);
      } else {
        reply = sdkError('INVALID_PARAM', action
          ? `action ${action} is not supported by the local cloud`
          : 'request has no action');
      }
      sendJson(res, 200, reply && typeof reply === 'object' && !('requestId' in reply) ? { ...reply, requestId: rid() } : reply);
    } catch (e) {
      const err = e as Error;
      console.error(`[localcloud] /admin ${callId ?? ''} failed:`, err);
      if (!res.headersSent) sendJson(res, 200, sdkError('SYS_ERR', `local cloud error: ${err?.message ?? String(e)}`));
      else res.destroy();
    }
  };
}
