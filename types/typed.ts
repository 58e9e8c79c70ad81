/**
 * What people type or paste, made comparable: the one place GridLink normalises text, grid
 * codes and phone numbers, used by every schema and parser where they enter (resolve, search,
 * submit, transfer, invite, import, links, the app's inputs). Pure, never throws.
 */

/** Zero-width characters, the BOM, soft hyphens and direction marks that web pages and Excel leave in text. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/**
 * Every dash a keyboard, an input method or a word processor produces, as ASCII `-`: Unicode's
 * dash punctuation (Pd: hyphens, figure/en/em dashes, the horizontal bar, wave dashes, the
 * presentation forms), the minus signs, and the look-alikes Chinese and Japanese input methods
 * offer in their place (the prolonged sound mark ー, box-drawing lines). Written out rather than
 * as `\p{Pd}` so that the mini-program's older JavaScript engines read it too.
 */
const DASHES =
  /[\u058A\u05BE\u1400\u1806\u2010-\u2015\u2E17\u2E1A\u2E3A\u2E3B\u2E40\u301C\u3030\u30A0\uFE31\uFE32\uFE58\uFE63\uFF0D\u02D7\u2043\u2212\u2796\u30FC\uFF70\u2500\u2501]/g;

/**
 * Unicode NFKC (full-width letters, digits, punctuation and spaces become ASCII), invisible
 * characters removed, runs of whitespace (including the ideographic space) made one space, ends
 * trimmed.
 */
export function cleanText(value: string): string {
  return value.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/**
 * `cleanText` with every dash variant made ASCII `-`, and a run of dashes one (a Chinese input
 * method's dash is two em dashes).
 */
export const withAsciiDashes = (value: string) => cleanText(value).replace(DASHES, '-').replace(/-{2,}/g, '-');

/**
 * A grid (or invite) code as typed: `ＧＳ－０１０１`, ` gs—0101 `, `GS——0101` → `GS-0101`. Spaces
 * inside are dropped; whether the result is a valid code is the schema's question.
 */
export function normalizeCode(value: string): string {
  return withAsciiDashes(value).replace(/\s+/g, '').replace(/-{2,}/g, '-').toUpperCase();
}

/**
 * How many characters an app input takes for a phone or a code: room for what people paste
 * (`+86 139 0000 0001`, a code with spaces around it or dashes between groups), which the
 * normalisers then reduce. A smaller `maxlength` cuts a paste short before anyone can clean it.
 */
/**
 * A person's name as typed: `cleanText`, and no space between Chinese characters (`王　强`,
 * `周 新` padded to line up → `王强`, `周新`); a space between Latin words stays.
 */
export function personName(value: string): string {
  return cleanText(value).replace(/(\p{Script=Han}) (?=\p{Script=Han})/gu, '$1');
}

/**
 * The ways a code may be stored when someone typed it without its dash: `GS0201` is also tried as
 * `GS-0201` (street letters, then digits: how GridLink numbers grids). The typed form comes first,
 * so a code really stored without a dash still wins. Case is kept (search matches either).
 */
export function codeSpellings(code: string): string[] {
  const parts = /^([A-Za-z]+)(\d+)$/.exec(code);
  return parts ? [code, `${parts[1]}-${parts[2]}`] : [code];
}

export const TYPED_PHONE_MAX = 24;
export const TYPED_CODE_MAX = 32;

/** The country prefix of a Chinese number: `+86`, `0086`, or a bare `86` before a whole mobile number. */
const COUNTRY = /^(\+86|0086)[\s-]*/;

/**
 * A phone number as typed: full-width digits, spaces, dots and dashes between groups, brackets
 * round an area code, a +86 / 0086 prefix. A mobile becomes its 11 digits (`+86 139 0000 0001`
 * → `13900000001`); a landline keeps one dash after its area code when it was written apart
 * from it (`（0537）1234567`, `0537－1234567` → `0537-1234567`; `+86 537 1234567` gets its trunk
 * 0 back). Anything else comes back without its separators, for the schema to refuse.
 */
export function normalizePhone(value: string): string {
  const text = withAsciiDashes(value).replace(/[().]/g, ' ').trim();
  const international = COUNTRY.test(text);
  const national = text.replace(COUNTRY, '');
  const digits = national.replace(/[\s-]/g, '');
  const mobile = /^(?:86)?(1\d{10})$/.exec(digits);
  if (mobile) return mobile[1];
  const landline = /^(0?)(\d{2,3})[\s-]+(\d{7,8})$/.exec(national);
  if (landline && (landline[1] === '0' || international)) return `0${landline[2]}-${landline[3]}`;
  return digits;
}
