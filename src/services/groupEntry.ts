import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { entryOf } from '../../types/entry';
import type { GroupEntry } from '../../types/groupChat';
import { call, cloudID } from './cloud';
import { getDevOpenId } from './devIdentity';

/**
 * The app opened from a grid's share card inside a WeChat group: tell the cloud which group
 * (`grid.groupEnter`), so the grid's staff can bind it, or the page can say whose group it is.
 * The group is only ever a CloudID here; the opengid exists for the function alone.
 */

/** A share card opened in a group chat: 1044 carries a shareTicket (`withShareTicket`), 1008 not. */
const GROUP_CARD_SCENES = new Set([1008, 1044]);

/** H5's stand-in for getGroupEnterInfo; a build-time constant keeps it out of the weapp bundle. */
const devGroups: typeof import('./devGroupEntry') | null = process.env.TARO_ENV === 'h5' ? require('./devGroupEntry') : null;

type Found = { key: string; code: string; cloudID: () => Promise<string | null> };

/** Needs base library 2.17.3 for cards (2.10.4 for group tools); fails with 40097 anywhere else. */
async function weappGroupCloudID(): Promise<string | null> {
  try {
    const res = (await Taro.getGroupEnterInfo()) as { cloudID?: string };
    return res.cloudID ?? null;
  } catch {
    return null;
  }
}

function findEntry(): Found | null {
  if (devGroups) {
    const dev = devGroups.devGroupOfLocation(window.location.href);
    const grid = dev?.code ? entryOf('grid', { code: dev.code }) : null;
    if (!dev || !grid?.ok) return null;
    const openid = getDevOpenId();
    return { key: `${window.location.href}|${openid}`, code: grid.code, cloudID: async () => devGroups.localGroupCloudID(dev.group, openid) };
  }
  if (typeof Taro.getEnterOptionsSync !== 'function' || typeof Taro.getGroupEnterInfo !== 'function') return null;
  const enter = Taro.getEnterOptionsSync();
  if (!enter || !GROUP_CARD_SCENES.has(enter.scene)) return null;
  const q = (enter.query ?? {}) as Record<string, unknown>;
  const grid = entryOf('grid', q);
  if (!grid.ok) return null;
  return { key: `${enter.scene}|${enter.shareTicket ?? ''}|${enter.path}|${grid.code}`, code: grid.code, cloudID: weappGroupCloudID };
}

let reportedKey: string | null = null;
let answer: { code: string; entry: GroupEntry } | null = null;
const listeners = new Set<() => void>();

function settle(next: { code: string; entry: GroupEntry } | null) {
  answer = next;
  listeners.forEach((l) => l());
}

/** On each app show: report a new entry from a group card once (a return to the app is not one). */
export async function reportGroupEntry(): Promise<void> {
  const found = findEntry();
  if (!found || found.key === reportedKey) return;
  reportedKey = found.key;
  const id = await found.cloudID();
  if (!id) return;
  const res = await call('grid', 'groupEnter', { code: found.code, group: cloudID(id) });
  if (res.ok) settle({ code: found.code, entry: res.data });
}

/** After the grid's staff confirmed on the spot, the group is this grid's. */
export function groupEntryBound(code: string, grid: { code: string; name: string }) {
  if (answer?.code === code) settle({ code, entry: { status: 'bound', grid, here: grid.code === code } });
}

/** What opening grid `code` from a group led to, once the cloud answered; null otherwise. */
export function useGroupEntry(code: string | null): GroupEntry | null {
  const [, rerender] = useState(0);
  useEffect(() => {
    const listener = () => rerender((n) => n + 1);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return answer && answer.code === code ? answer.entry : null;
}
