import { InviteCode } from '../../../../types/staff';

/**
 * How the join page was opened, turned into one invite code or a reason it can't be:
 *  - `scene`: the invite's mini-program code; WeChat passes it URI-encoded (`i%3DABCD2345`), key `i`
 *  - `q`:     an ordinary QR of `https://<domain>/i/<code>` (config/links.ts), URI-encoded
 *  - `code`:  the share card, the local cloud's `/i/<code>` redirect, or a link
 * Pure, never throws.
 */
export type InviteEntry = { ok: true; code: string } | { ok: false; reason: 'missing' | 'malformed' };

type Params = Record<string, unknown> | null | undefined;

function decodeOnce(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

function fromScene(raw: string): string | null {
  const decoded = decodeOnce(raw);
  const pair = decoded?.split('&').find((p) => p.trim().startsWith('i='));
  return pair ? pair.trim().slice(2) : null;
}

function fromLink(raw: string): string | null {
  const m = /^https?:\/\/[^/?#]+\/i\/([^/?#]+)\/?$/i.exec(decodeOnce(raw)?.trim() ?? '');
  return m ? decodeOnce(m[1]) : null;
}

const present = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** A code as typed or carried: trimmed, upper-cased, checked against the alphabet. */
export function inviteCodeOf(candidate: string | null): InviteEntry {
  if (candidate === null) return { ok: false, reason: 'malformed' };
  const parsed = InviteCode.safeParse(candidate);
  return parsed.success ? { ok: true, code: parsed.data } : { ok: false, reason: 'malformed' };
}

export function inviteEntry(params: Params): InviteEntry {
  const p = params ?? {};
  if (present(p.scene)) return inviteCodeOf(fromScene(p.scene));
  if (present(p.q)) return inviteCodeOf(fromLink(p.q));
  if (present(p.code)) return inviteCodeOf(decodeOnce(p.code));
  return { ok: false, reason: 'missing' };
}
