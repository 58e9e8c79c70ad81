import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../types/api';
import type { Envelope, Failure } from '../../types/envelope';
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
