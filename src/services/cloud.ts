import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../types/api';
import type { Envelope, Failure } from '../../types/envelope';
import type { FilePurpose } from '../../types/files';
import { H5_CLOUD_ID_FIELD, type SealedCloudID } from '../../types/cloudId';
import { getDevOpenId } from './devIdentity';

/**
 * The one place that knows the platform: WeChat cloud functions in the mini-program,
 * the local cloud's `POST /api/fn/<name>` in H5. Every call resolves to an Envelope; it never throws.
 */

const NETWORK_DOWN: Failure = { ok: false, code: 'INTERNAL', message: '网络不通，请稍后重试' };

let cloudReady = false;

/** weapp: Taro.cloud.init once, with the env id from TARO_APP_CLOUD_ENV (else the default env). */
export function initCloud(): void {
  if (process.env.TARO_ENV === 'weapp' && !cloudReady) {
    const env = process.env.TARO_APP_CLOUD_ENV;
    Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true });
    cloudReady = true;
  }
}

/**
 * Open data (e.g. `getGroupEnterInfo`'s cloudID) for a function to receive decrypted: put it as a
 * top-level field of the call, and the platform replaces it with `{ cloudID, data }` before the
 * function runs. In H5 the local cloud does the same for the ids its dev tools mint.
 */
export function cloudID(id: string): SealedCloudID {
  if (process.env.TARO_ENV === 'h5') return { [H5_CLOUD_ID_FIELD]: id } as unknown as SealedCloudID;
  return Taro.cloud.CloudID(id) as unknown as SealedCloudID;
}

function isEnvelope(x: unknown): x is Envelope<unknown> {
  return !!x && typeof x === 'object' && typeof (x as { ok?: unknown }).ok === 'boolean';
}

export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: ActionInput<F, A>,
): Promise<Envelope<ActionOutput<F, A>>> {
  const event = { action, ...(input as object) };
  try {
    if (process.env.TARO_ENV === 'h5') {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const openid = getDevOpenId();
      if (openid) headers['X-Dev-OpenId'] = openid;
      const res = await fetch('/api/fn/' + fn, { method: 'POST', headers, body: JSON.stringify(event) });
      const body: unknown = await res.json();
      return isEnvelope(body) ? (body as Envelope<ActionOutput<F, A>>) : NETWORK_DOWN;
    }
    initCloud();
    const res = await Taro.cloud.callFunction({ name: fn, data: event });
    const result: unknown = res.result;
    return isEnvelope(result) ? (result as Envelope<ActionOutput<F, A>>) : NETWORK_DOWN;
  } catch {
    return NETWORK_DOWN;
  }
}

/** A file to upload: a temp file path (weapp, or an H5 blob: URL from chooseMedia) or an H5 File. */
export type UploadSource = string | File;

const uploadFailed = (purpose: FilePurpose): Failure => ({ ok: false, code: 'INTERNAL', message: purpose === 'registrySheet' ? '表格上传失败，请重试' : '图片上传失败，请重试' });

function extensionOf(source: UploadSource, type?: string): string {
  const name = typeof source === 'string' ? source.split(/[?#]/)[0] : source.name;
  const m = /\.([A-Za-z0-9]{1,5})$/.exec(name);
  if (m && !name.startsWith('blob:')) return m[1].toLowerCase();
  const t = type ?? (typeof source === 'string' ? '' : source.type);
  if (/png/.test(t)) return 'png';
  if (/gif/.test(t)) return 'gif';
  if (/webp/.test(t)) return 'webp';
  return 'jpg';
}

/**
 * Puts one file into cloud storage for `purpose` and answers its fileID (`cloud://…`), never
 * throwing. `file.ticket` first says where it goes (an unguessable path recorded as the caller's
 * upload for that purpose: functions accept the fileID for nothing else, from nobody else); then
 * weapp uploads exactly there with Taro.cloud.uploadFile, and H5 posts the bytes to the local
 * cloud's `/api/dev/upload?path=…` as the same identity.
 */
export async function upload(source: UploadSource, purpose: FilePurpose): Promise<Envelope<{ fileID: string }>> {
  const failed = uploadFailed(purpose);
  try {
    const blob: Blob | null = process.env.TARO_ENV !== 'h5' ? null : typeof source === 'string' ? await (await fetch(source)).blob() : source;
    const ticket = await call('file', 'ticket', { purpose, name: `file.${extensionOf(source, blob?.type)}` });
    if (!ticket.ok) return ticket;
    const { cloudPath } = ticket.data;
    if (blob) {
      const headers: Record<string, string> = { 'content-type': blob.type || 'application/octet-stream' };
      const openid = getDevOpenId();
      if (openid) headers['X-Dev-OpenId'] = openid;
      const res = await fetch('/api/dev/upload?path=' + encodeURIComponent(cloudPath), { method: 'POST', headers, body: blob });
      const body: unknown = await res.json();
      if (!isEnvelope(body)) return failed;
      if (!body.ok) return body;
      const fileID = (body.data as { fileID?: unknown } | null)?.fileID;
      return typeof fileID === 'string' ? { ok: true, data: { fileID } } : failed;
    }
    if (typeof source !== 'string') return failed;
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath: source });
    return res.fileID ? { ok: true, data: { fileID: res.fileID } } : failed;
  } catch {
    return failed;
  }
}

/**
 * What an <Image> or previewImage can load for a stored fileID. weapp shows `cloud://` ids itself;
 * in H5 the local cloud answers `/api/dev/file?id=<fileID>` (a redirect to a signed temp URL).
 */
export function fileUrl(fileID: string): string {
  if (process.env.TARO_ENV === 'h5' && fileID.startsWith('cloud://')) {
    return '/api/dev/file?id=' + encodeURIComponent(fileID);
  }
  return fileID;
}

export type CallState<T> = { loading: boolean; data: T | null; error: Failure | null; reload: () => void };

/** Calls once per distinct input; `input: null` means "don't call" (e.g. no valid code). */
export function useCall<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: ActionInput<F, A> | null,
): CallState<ActionOutput<F, A>> {
  const key = input === null ? null : JSON.stringify(input);
  const [state, setState] = useState<{ loading: boolean; data: ActionOutput<F, A> | null; error: Failure | null }>({
    loading: key !== null,
    data: null,
    error: null,
  });
  const [nonce, setNonce] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    if (key === null) {
      setState({ loading: false, data: null, error: null });
      return;
    }
    const ticket = ++latest.current;
    setState({ loading: true, data: null, error: null });
    call(fn, action, JSON.parse(key) as ActionInput<F, A>).then((env) => {
      if (ticket !== latest.current) return; // a newer call superseded this one
      setState(env.ok ? { loading: false, data: env.data, error: null } : { loading: false, data: null, error: env });
    });
  }, [fn, action, key, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { ...state, reload };
}
