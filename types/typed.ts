/**
 * What people type or paste, made comparable: the one place GridLink normalises text, grid
 * codes and phone numbers, used by every schema and parser where they enter (resolve, search,
 * submit, transfer, invite, import, links). Pure, never throws.
 */

/** Zero-width characters, the BOM, soft hyphens and direction marks that web pages and Excel leave in text. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/** Every dash a keyboard, an input method or a word processor produces, as ASCII `-`. */
const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D\u30FC\u2500]/g;

/**
 * Unicode NFKC (full-width letters, digits and spaces become ASCII), invisible characters
 * removed, runs of whitespace (including the ideographic space) made one space, ends trimmed.
 */
export function cleanText(value: string): string {
  return value.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** `cleanText` with every dash variant made ASCII `-`. */
export const withAsciiDashes = (value: string) => cleanText(value).replace(DASHES, '-');

/**
 * A grid (or invite) code as typed: `ＧＳ－０１０１`, ` gs—0101 ` → `GS-0101`. Spaces inside are
 * dropped; whether the result is a valid code is the schema's question.
 */
export function normalizeCode(value: string): string {
  return withAsciiDashes(value).replace(/\s+/g, '').toUpperCase();
}

/**
 * A phone number as typed: full-width digits, spaces and dashes between groups, a +86 / 0086
 * prefix. A mobile becomes its 11 digits (`139 0000 0001` → `13900000001`); a landline keeps one
 * dash after its area code when it was written with one (`0537－1234567` → `0537-1234567`).
 */
export function normalizePhone(value: string): string {
  const text = withAsciiDashes(value).replace(/[()（）]/g, ' ');
  const digits = text.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
  if (/^1\d{10}$/.test(digits)) return digits;
  const landline = /^(0\d{2,3})[\s-]+(\d{7,8})$/.exec(text.replace(/^(\+86|0086)[\s-]*/, '').trim());
  if (landline) return `${landline[1]}-${landline[2]}`;
  return digits;
}
