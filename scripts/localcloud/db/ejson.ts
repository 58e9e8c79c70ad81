// Wire format helpers: the SDK sends canonical EJSON strings; we answer with relaxed EJSON strings
// (the SDK decodes them with bson's EJSON.parse, relaxed by default: numbers stay numbers,
// {"$date":"…"} becomes a Date).
import { BSONRegExp, EJSON } from 'bson';

export type Doc = Record<string, any>;

export function isPlainObject(v: unknown): v is Record<string, any> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Parses one EJSON string from the SDK into plain JS values: Date for $date, RegExp for
 *  $regularExpression/db.RegExp, now+offset for $tcb_server_date (serverDate()). */
export function decode(text: unknown, now: number): any {
  if (text === undefined || text === null || text === '') return undefined;
  if (typeof text !== 'string') return fixSpecials(text, now);
  return fixSpecials(EJSON.parse(text, { relaxed: true }), now);
}

export function fixSpecials(v: any, now: number): any {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Date || v instanceof RegExp) return v;
  if (v instanceof BSONRegExp) return new RegExp(v.pattern, dedupe(v.options.replace(/[^imsu]/g, '')));
  if (Array.isArray(v)) return v.map((x) => fixSpecials(x, now));
  if (isPlainObject(v)) {
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === '$tcb_server_date') {
      const offset = Number(v.$tcb_server_date?.offset ?? 0) || 0;
      return new Date(now + offset);
    }
    const out: Doc = {};
    for (const k of keys) out[k] = fixSpecials(v[k], now);
    return out;
  }
  return v; // other BSON values (ObjectId, Long, Binary…) pass through
}

function dedupe(flags: string): string {
  return [...new Set(flags.split(''))].join('');
}

/** One document → the EJSON string the SDK expects in a reply (and that we store). */
export function encode(doc: unknown): string {
  return EJSON.stringify(doc as any, { relaxed: true });
}

export function parseStored(text: string): Doc {
  return EJSON.parse(text, { relaxed: true }) as Doc;
}

/** Deep copy that keeps Dates as Dates (structuredClone would drop BSON prototypes). */
export function clone<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Date) return new Date(v.getTime()) as any;
  if (Array.isArray(v)) return v.map(clone) as any;
  if (isPlainObject(v)) {
    const o: Doc = {};
    for (const k of Object.keys(v)) o[k] = clone((v as Doc)[k]);
    return o as T;
  }
  return v; // RegExp and BSON value objects are treated as immutable
}

/** Value at a dot path (no array traversal), for unique-index keys. */
export function getPath(doc: Doc, path: string): any {
  let cur: any = doc;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[part];
  }
  return cur;
}
