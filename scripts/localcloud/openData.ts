import { createHash } from 'node:crypto';
import { LOCAL_GROUP_PREFIX } from '../../src/services/devGroupEntry';
import { H5_CLOUD_ID_FIELD } from '../../types/groupChat';

/**
 * What the platform does to a client call's event before the function runs: every top-level field
 * the app sent as `wx.cloud.CloudID(id)` becomes `{ cloudID, data }`, the open data decrypted for
 * the calling user (nested ones stay as they are). The base library's wire form of a CloudID is
 * not documented; the H5 client marks one as `{ cloudIDRef }` (H5_CLOUD_ID_FIELD). Any other
 * object passes through as sent, even one shaped like an opened CloudID: the platform would not
 * stop it either, which is why functions open a CloudID again themselves (`getOpenData`, also
 * answered here through `openCloudID`).
 *
 * Only the H5 dev group ids (`local-group.…`, see src/services/devGroupEntry.ts) resolve; any
 * other id, or one minted for another user, comes back as the platform's error object with
 * wx-server-sdk's codes (-601005 invalid cloudID, -601007 cloudID and calling user do not match).
 */

type CloudIDRef = { [H5_CLOUD_ID_FIELD]: string };
type Resolved = { cloudID: string; data: Record<string, unknown> } | { cloudID: string; errCode: number; errMsg: string };

const isCloudIDRef = (v: unknown): v is CloudIDRef =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Record<string, unknown>)[H5_CLOUD_ID_FIELD] === 'string';

/**
 * The opengid WeChat would give this mini-program for the dev group named `group`: the same name
 * always the same group, shaped like a real one (28 URL-safe characters starting "tG").
 */
export const localOpengid = (group: string): string =>
  'tG' + createHash('sha256').update(`gridlink-local-group:${group}`).digest('base64url').slice(0, 26);

/** One CloudID opened for `openid`: its data, or the platform's error object. */
export function openCloudID(cloudID: string, openid: string | null): Resolved {
  const invalid = { cloudID, errCode: -601005, errMsg: 'invalid cloudID' };
  if (!cloudID.startsWith(LOCAL_GROUP_PREFIX)) return invalid;
  let minted: unknown;
  try {
    minted = JSON.parse(Buffer.from(cloudID.slice(LOCAL_GROUP_PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    return invalid;
  }
  const { group, openid: mintedFor } = (minted ?? {}) as { group?: unknown; openid?: unknown };
  if (typeof group !== 'string' || !group.trim()) return invalid;
  if (mintedFor !== openid) return { cloudID, errCode: -601007, errMsg: 'cloudID and calling user does not match' };
  return { cloudID, data: { opengid: localOpengid(group.trim()) } };
}

/** The event as the function receives it from a client call by `openid`. */
export function resolveCloudIDs(event: Record<string, unknown>, openid: string | null): Record<string, unknown> {
  return Object.fromEntries(Object.entries(event).map(([key, value]) => [key, isCloudIDRef(value) ? openCloudID(value[H5_CLOUD_ID_FIELD], openid) : value]));
}
