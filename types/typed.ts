/**
 * What people type or paste, made comparable: the one place GridLink normalises text, grid
 * codes and phone numbers, used by every schema and parser where they enter (resolve, search,
 * submit, transfer, invite, import, links, the app's inputs). Pure, never throws. Without zod, so
 * the mini-program's main package can read a scanned code without carrying a schema library; the
 * schema every typed text field uses is `typedText` (typedText.ts).
 */

/**
 * Characters that show nothing, so that text made of them is empty to the eye: Unicode's
 * default-ignorable code points (the soft hyphen, zero-width spaces and joiners, the BOM,
 * variation selectors, the Hangul fillers, invisible operators, tag characters…), which include
 * every direction mark, embedding, override and isolate (U+061C, U+200E/F, U+202A–U+202E,
 * U+2066–U+2069) that makes a name read backwards; the blank braille pattern, the interlinear
 * annotation marks (U+FFF9–FFFB), the private-use area (no font GridLink ships draws it) and the
 * Egyptian hieroglyph format controls (U+13430–1343F). Written out
 * rather than as `\p{Default_Ignorable_Code_Point}` so that the mini-program's older JavaScript
 * engines read it too (the last three alternatives are astral ranges as surrogate pairs).
 */
const INVISIBLE =
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u2800\u3164\uE000-\uF8FF\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFFB]|\uD80D[\uDC30-\uDC3F]|\uD82F[\uDCA0-\uDCA3]|\uD834[\uDD73-\uDD7A]|[\uDB40-\uDB43][\uDC00-\uDFFF]/g;

/**
 * Combining marks, which draw only on a letter before them (accents, enclosing circles, Thai
 * vowel signs): text made of them alone shows nothing and counts as empty.
 */
const COMBINING = /[\u0300-\u036F\u0483-\u0489\u0591-\u05BD\u064B-\u065F\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\u302A-\u302F\u3099\u309A\uFE20-\uFE2F]/g;

/** The text, or '' when nothing in it would show (only spaces and combining marks are left). */
const visibleOrEmpty = (text: string) => (text.replace(COMBINING, '').trim() ? text : '');

/** Control characters (C0 but tab, line feed and carriage return; DEL; C1): NUL and its kind never belong in text. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Every way a line ends (CR LF, CR, NEL, the Unicode line and paragraph separators), for `\n`. */
const LINE_BREAK = /\r\n?|[\u0085\u2028\u2029]/g;

/**
 * The text without invisible and control characters (tab, line feed and carriage return stay),
 * nothing else changed: what a page or a print shows of text stored before it was cleaned.
 */
export const withoutInvisible = (value: string) => value.replace(CONTROL, '').replace(INVISIBLE, '');

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
 * A name, a code or a sheet's cell: Unicode NFKC (full-width letters, digits, punctuation and
 * spaces become ASCII), invisible and control characters removed, runs of whitespace (including
 * the ideographic space and line breaks) made one space, ends trimmed. Empty when nothing visible
 * was typed.
 */
export function cleanText(value: string): string {
  return visibleOrEmpty(withoutInvisible(value.normalize('NFKC')).replace(/\s+/g, ' ').trim());
}

/**
 * Words people write for others to read on one line (a notice's title): as written (Unicode NFC
 * only, so Chinese full-width punctuation stays full-width), invisible and control characters
 * removed, runs of whitespace made one space, ends trimmed. Empty when nothing visible was typed.
 */
export function cleanLine(value: string): string {
  return visibleOrEmpty(withoutInvisible(value.normalize('NFC')).replace(/\s+/g, ' ').trim());
}

/**
 * Words over several lines (an appeal, a reply, a notice's body): as `cleanLine`, but every line
 * break becomes `\n` and stays, tabs and spaces inside a line stay, spaces at the end of a line go,
 * at most one blank line in a row, and the whole is trimmed. Empty when nothing visible was typed.
 */
export function cleanLines(value: string): string {
  return visibleOrEmpty(
    withoutInvisible(value.normalize('NFC').replace(LINE_BREAK, '\n'))
      .replace(/[^\S\n]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
  );
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
