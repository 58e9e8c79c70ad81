import { normalizeCode } from './typed';

/**
 * What a grid's code and an invite's code look like, and typed text read as one: plain functions
 * without zod, so that the mini-program's main package (the grid page reads a scanned code) carries
 * no schema library. The schemas `GridCode` (grid.ts) and `InviteCode` (staff.ts) check with these
 * same patterns and normalisers.
 */

/**
 * A grid's uniform code ("一网一码"). Short enough that `g=<code>` fits the 32-character
 * scene of a mini-program code, and only characters that scene allows.
 */
export const GRID_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{2,19}$/;

/** Invite codes: 8 characters without look-alikes (no 0/O, 1/I/L), typed in either case. */
export const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITE_CODE_LENGTH = 8;
export const INVITE_CODE_PATTERN = new RegExp(`^[${INVITE_ALPHABET}]{${INVITE_CODE_LENGTH}}$`);

/** An invite code as typed: `normalizeCode`, and written in two groups (`ABCD-2345`) it is still the code: the alphabet has no dash. */
export const normalizeInviteCode = (typed: string) => normalizeCode(typed).replace(/-/g, '');

/** The grid code typed text is (`ｇｓ－０１０１` → `GS-0101`), or null when it is none. */
export function gridCodeOf(typed: string): string | null {
  const code = normalizeCode(typed);
  return GRID_CODE_PATTERN.test(code) ? code : null;
}

/** The invite code typed text is (`abcd-2345` → `ABCD2345`), or null when it is none. */
export function inviteCodeOf(typed: string): string | null {
  const code = normalizeInviteCode(typed);
  return INVITE_CODE_PATTERN.test(code) ? code : null;
}
