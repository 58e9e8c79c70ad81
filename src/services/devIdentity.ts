/**
 * H5 only: which demo identity the browser acts as. The local cloud reads it from the
 * `X-Dev-OpenId` header; nothing here exists in the mini-program (WeChat supplies the identity).
 */
export const DEV_OPENID_KEY = 'gridlink.devOpenId';

export function getDevOpenId(): string | null {
  try {
    const v = globalThis.localStorage?.getItem(DEV_OPENID_KEY);
    return v ? v : null;
  } catch {
    return null;
  }
}

export function setDevOpenId(openid: string | null): void {
  try {
    if (openid) globalThis.localStorage?.setItem(DEV_OPENID_KEY, openid);
    else globalThis.localStorage?.removeItem(DEV_OPENID_KEY);
  } catch {
    /* storage unavailable (private mode): the choice lasts until reload */
  }
}
