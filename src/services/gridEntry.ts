import { GridCode } from '../../types/grid';

/**
 * How the grid page was opened, turned into one grid code or a reason it can't be:
 *  - `scene`: mini-program code, arrives URI-encoded (`g%3DGS-0101`) → decode once → query string, key `g`
 *  - `q`:     ordinary QR, URI-encoded full link `https://<domain>/g/<code>` → decode once → segment after `/g/`
 *  - `code`:  H5 / in-app links (`#/pages/grid/index?code=GS-0101`)
 * Pure, never throws.
 */
export type GridEntry =
  | { ok: true; code: string; source: 'scene' | 'q' | 'code' }
  | { ok: false; reason: 'missing' | 'malformed' };

type Params = Record<string, unknown> | null | undefined;

const MALFORMED = { ok: false, reason: 'malformed' } as const;

function decodeOnce(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null; // bad % sequence
  }
}

function present(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

function fromScene(raw: string): string | null {
  const decoded = decodeOnce(raw);
  if (decoded === null) return null;
  for (const pair of decoded.split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    if (pair.slice(0, eq).trim() === 'g') return pair.slice(eq + 1);
  }
  return null;
}

function fromLink(raw: string): string | null {
  const decoded = decodeOnce(raw);
  if (decoded === null) return null;
  const m = /^https?:\/\/[^/?#]+(\/[^?#]*)/i.exec(decoded.trim());
  if (!m) return null;
  const path = m[1].replace(/\/+$/, '');
  const at = path.lastIndexOf('/g/');
  if (at < 0) return null;
  const segment = path.slice(at + 3);
  return segment.includes('/') ? null : segment;
}

function validate(candidate: string | null, source: 'scene' | 'q' | 'code'): GridEntry {
  if (candidate === null) return MALFORMED;
  const parsed = GridCode.safeParse(candidate);
  return parsed.success ? { ok: true, code: parsed.data, source } : MALFORMED;
}

export function gridEntry(params: Params): GridEntry {
  try {
    const p = params ?? {};
    if (present(p.scene)) return validate(fromScene(p.scene), 'scene');
    if (present(p.q)) return validate(fromLink(p.q), 'q');
    if (present(p.code)) return validate(decodeOnce(p.code), 'code');
    return { ok: false, reason: 'missing' };
  } catch {
    return MALFORMED;
  }
}
