import { gridCodeOf, inviteCodeOf } from './codes';
import { cleanText } from './typed';

/**
 * How a grid's sign or a staff invite reaches GridLink, turned into one code or the reason there is
 * none. The one parser for the ordinary-QR links (`https://<domain>/g/<code>`, `…/i/<code>`, see
 * links.ts): the local cloud's redirect reads the path it was asked for with it, and the grid and
 * join pages read their `scene`, `q` and `code` parameters with it. Pure, never throws.
 *
 *  - `scene`: a mini-program code's scene, URI-encoded by WeChat (`g%3DGS-0101`, `i%3DABCD2345`)
 *  - `q`:     an ordinary QR's whole link, URI-encoded by WeChat
 *  - `code`:  an in-app or H5 link (`#/pages/grid/index?code=GS-0101`), a share card, the redirect
 *
 * Whatever arrives is forgiven what people, printers and scanners do to it: percent-encoding once
 * or several times, full-width characters, any dash, lower case, http or https, a path prefix in
 * front, a trailing or doubled slash, a query string or fragment after the code. What is left must
 * be exactly one valid code; anything else is `malformed`, which the pages explain.
 */
export type EntryKind = 'grid' | 'invite';

export type Entry = { ok: true; code: string } | { ok: false; reason: 'missing' | 'malformed' };

type Params = Record<string, unknown> | null | undefined;

/** Each kind's scene key and its reader (without zod: the grid page is in the main package). */
const KINDS: Record<EntryKind, { key: string; read: (typed: string) => string | null }> = {
  grid: { key: 'g', read: gridCodeOf },
  invite: { key: 'i', read: inviteCodeOf },
};

const MISSING: Entry = { ok: false, reason: 'missing' };
const MALFORMED: Entry = { ok: false, reason: 'malformed' };

/** A code is at most 20 characters: a few rounds of percent-decoding undo any real double-encoding. */
const DECODE_ROUNDS = 3;

/** Percent-decoded until nothing changes (or a bad `%` sequence stops it: what was decoded so far). */
function decoded(text: string): string {
  let current = text;
  for (let round = 0; round < DECODE_ROUNDS; round += 1) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return current;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

function codeOf(kind: EntryKind, candidate: string | null | undefined): Entry {
  if (candidate === null || candidate === undefined) return MALFORMED;
  const code = KINDS[kind].read(candidate);
  return code === null ? MALFORMED : { ok: true, code };
}

/** `g=GS-0101` (among other `key=value` pairs) → the value of the kind's key. */
function fromScene(kind: EntryKind, scene: string): string | null {
  for (const pair of cleanText(decoded(scene)).split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim().toLowerCase() === KINDS[kind].key) return pair.slice(eq + 1);
  }
  return null;
}

/** Only web links: `javascript:…//g/GS-0101` and the like are not links to a grid. */
const OTHER_SCHEME = /^(?!https?:)[a-z][a-z0-9+.-]*:/i;

/**
 * An ordinary link or the path of one (`https://<domain>/g/GS-0101`, `/g/GS-0101/?from=sign`), as
 * a grid's or an invite's code: the first path segment that is `g` or `i` names the kind, and
 * exactly one segment (the code) may follow it. null when the link is not one of GridLink's.
 */
export function readLink(link: string): { kind: EntryKind; entry: Entry } | null {
  const text = cleanText(decoded(link));
  if (OTHER_SCHEME.test(text)) return null;
  const path = text.replace(/^https?:\/\/[^/?#]*/i, '').split(/[?#]/)[0];
  const segments = path.split('/').filter((s) => s.trim() !== '');
  const at = segments.findIndex((s) => s === 'g' || s === 'i' || s === 'G' || s === 'I');
  if (at < 0) return null;
  const kind: EntryKind = segments[at].toLowerCase() === 'g' ? 'grid' : 'invite';
  const rest = segments.slice(at + 1);
  if (rest.length === 0) return { kind, entry: MISSING };
  return { kind, entry: rest.length === 1 ? codeOf(kind, rest[0]) : MALFORMED };
}

function fromLink(kind: EntryKind, q: string): Entry {
  const link = readLink(q);
  return link && link.kind === kind && link.entry.ok ? link.entry : MALFORMED;
}

const present = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** The page's parameters (`scene` first, then `q`, then `code`) as one code of `kind`, or why not. */
export function entryOf(kind: EntryKind, params: Params): Entry {
  const p = params ?? {};
  if (present(p.scene)) return codeOf(kind, fromScene(kind, p.scene));
  if (present(p.q)) return fromLink(kind, p.q);
  if (present(p.code)) return codeOf(kind, decoded(p.code));
  return MISSING;
}
