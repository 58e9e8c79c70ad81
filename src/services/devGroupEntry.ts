/**
 * H5 only (required behind a build-time constant, so the weapp bundle never has it): the local
 * stand-in for `wx.getGroupEnterInfo`. A page opened with `devGroup=<name>` in its query acts as
 * if opened from a share card inside WeChat group <name>; the CloudID minted here means something
 * only to the local cloud, which resolves it into the group's opengid as the platform would.
 */
export const LOCAL_GROUP_PREFIX = 'local-group.';

const toBase64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** A CloudID for "`openid` opened the app from group `group`": like the platform's, bound to its user. */
export const localGroupCloudID = (group: string, openid: string | null): string =>
  LOCAL_GROUP_PREFIX + toBase64Url(JSON.stringify({ group, openid }));

/** The group name and grid code of the page's H5 address (`#/pages/grid/index?code=…&devGroup=…`), if any. */
export function devGroupOfLocation(href: string): { group: string; code: string | null } | null {
  const query = href.includes('?') ? href.slice(href.lastIndexOf('?') + 1).split('#')[0] : '';
  const params = new URLSearchParams(query);
  const group = params.get('devGroup')?.trim();
  return group ? { group, code: params.get('code') } : null;
}
