import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { Me, TemplateKey } from '../../types/appeal';
import type { Failure } from '../../types/envelope';
import { call } from './cloud';

/**
 * `account.me`, fetched once per app session and shared by every page (the grid page's links,
 * the form's subscribe template, the inbox banner, whose name the detail page shows).
 * An identity switch in H5 reloads the app, which starts a new session.
 */
let cached: Promise<Me | Failure> | null = null;
const listeners = new Set<(me: Me) => void>();

export function loadMe(): Promise<Me | Failure> {
  if (!cached) {
    cached = call('account', 'me', {}).then((env) => {
      if (!env.ok) cached = null; // try again next time
      return env.ok ? env.data : env;
    });
  }
  return cached;
}

/** After grantConsents answers a fresh Me, every page shows it. */
export function updateMe(me: Me): void {
  cached = Promise.resolve(me);
  listeners.forEach((fn) => fn(me));
}

/** Tests start each case without a remembered identity. */
export function forgetMe(): void {
  cached = null;
}

export function isMe(x: Me | Failure | null): x is Me {
  return !!x && !('ok' in x);
}

export function useMe(): { me: Me | null; error: Failure | null } {
  const [state, setState] = useState<{ me: Me | null; error: Failure | null }>({ me: null, error: null });
  useEffect(() => {
    let live = true;
    loadMe().then((r) => live && setState(isMe(r) ? { me: r, error: null } : { me: null, error: r }));
    const onUpdate = (me: Me) => live && setState({ me, error: null });
    listeners.add(onUpdate);
    return () => {
      live = false;
      listeners.delete(onUpdate);
    };
  }, []);
  return state;
}

export const isStaff = (me: Me | null): boolean => !!me && me.role !== 'resident';

/**
 * Asks for one-time subscribe consents. Must run inside a tap, before any await (WeChat refuses
 * the dialog otherwise), so the dialog is opened synchronously here. Answers the keys accepted;
 * in H5, where there is no dialog, `null`. A refusal or failure answers [] and never throws.
 */
export function askSubscribe(me: Me | null, keys: TemplateKey[]): Promise<TemplateKey[] | null> {
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve(null);
  const wanted = keys.filter((k) => !!me?.templates[k]);
  if (!me || wanted.length === 0) return Promise.resolve([]);
  let asked: Promise<Record<string, unknown>>;
  try {
    asked = Taro.requestSubscribeMessage({ tmplIds: wanted.map((k) => me.templates[k]) } as Taro.requestSubscribeMessage.Option) as unknown as Promise<
      Record<string, unknown>
    >;
  } catch {
    return Promise.resolve([]);
  }
  return asked.then(
    (res) => wanted.filter((k) => res[me.templates[k]] === 'accept'),
    () => [],
  );
}

/** Tells the cloud which consents were granted; answers the fresh Me (or the failure). */
export async function grantConsents(accepted: TemplateKey[]): Promise<Me | Failure> {
  const res = await call('account', 'grantConsents', { accepted });
  if (res.ok) updateMe(res.data);
  return res.ok ? res.data : res;
}
