/**
 * Keys of the local cloud's query indexes. An index entry is a flat tuple
 * `[rank₀, value₀, …, rankₙ₋₁, valueₙ₋₁, ID_RANK, idKey]`: one (rank, value) pair per indexed
 * field, then the document's id key, so every entry is distinct. Tuples order by rank, then by
 * value with JavaScript's `<` (the comparison mingo's $gt/$lt use within one type), pair by pair.
 *
 * An entry is a superset device: a document gets one entry per combination of the values it holds
 * at the indexed paths (every element of an array, at any depth: a multikey index), a missing
 * field or a path that runs out counts as null, so any document mingo would match on a point or a
 * range of one of those values has an entry there. A document whose values cannot be listed that
 * way (an array inside an array on the way down a dot path, a non-plain object on the path, too
 * many combinations) has no entries and is "wild": a candidate for every lookup.
 */
import { isPlainObject } from './ejson';

/** One field's key: a rank (the type's place in the order) and a value compared with `<`. */
export type Scalar = [rank: number, value: number | string];
export type Tuple = Array<number | string>;

/** Ranks of the values a document holds; the two sentinels sort before and after all of them. */
export const RANK = { MIN: 0, NULL: 1, NUMBER: 2, STRING: 3, BOOLEAN: 4, DATE: 5, OBJECT: 6, OTHER: 7, ID: 8, MAX: 9 } as const;
const MIN: Scalar = [RANK.MIN, 0];
const MAX: Scalar = [RANK.MAX, 0];

/** At most this many entries for one document in one index (combinations of multikey fields). */
const MAX_ENTRIES = 256;

/** The key of one value; equal keys for every pair of values mingo's equality treats as equal. */
export function scalarOf(v: unknown): Scalar {
  if (v === null || v === undefined) return [RANK.NULL, 0];
  if (typeof v === 'number') return Number.isNaN(v) ? [RANK.OTHER, 0] : [RANK.NUMBER, v];
  if (typeof v === 'string') return [RANK.STRING, v];
  if (typeof v === 'boolean') return [RANK.BOOLEAN, v ? 1 : 0];
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? [RANK.OTHER, 0] : [RANK.DATE, v.getTime()];
  if (isPlainObject(v)) return [RANK.OBJECT, 0];
  return [RANK.OTHER, 0];
}

/** Ranks a query value may name as a point (equality, $in) or a bound ($gt…$lte). */
export const POINT_RANKS: ReadonlySet<number> = new Set([RANK.NULL, RANK.NUMBER, RANK.STRING, RANK.BOOLEAN, RANK.DATE]);
export const RANGE_RANKS: ReadonlySet<number> = new Set([RANK.NUMBER, RANK.STRING, RANK.DATE]);

export function compareTuples(a: Tuple, b: Tuple): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== y) {
      if (x < y) return -1;
      if (x > y) return 1;
    }
  }
  return 0;
}

const NULL_KEY: Scalar = [RANK.NULL, 0];
const INDEX_PART = /^\d+$/;

/** Adds the keys of a value at the end of a path: itself, or every element of an array at any depth (an empty one counts as null). */
function addKeys(value: unknown, out: Scalar[]): void {
  if (!Array.isArray(value)) out.push(scalarOf(value));
  else if (!value.length) out.push(NULL_KEY);
  else for (const el of value) addKeys(el, out);
}

/** Adds the keys `cur` holds at `parts[i…]`; false when it is wild there. */
function collectKeys(cur: unknown, parts: string[], i: number, out: Scalar[]): boolean {
  if (i === parts.length) {
    addKeys(cur, out);
    return true;
  }
  if (Array.isArray(cur)) {
    if (!cur.length) out.push(NULL_KEY);
    let ok = !INDEX_PART.test(parts[i]) || collectKeys(cur[Number(parts[i])], parts, i + 1, out);
    for (const el of cur) {
      if (Array.isArray(el)) return false;
      ok = collectKeys(el, parts, i, out) && ok;
    }
    return ok;
  }
  if (isPlainObject(cur)) return collectKeys(cur[parts[i]], parts, i + 1, out);
  if (cur === null || typeof cur !== 'object' || cur instanceof Date) {
    out.push(NULL_KEY);
    return true;
  }
  return false;
}

/** Every key the document holds at a path (each once), or null when it is wild there. */
function keysAt(doc: unknown, parts: string[]): Scalar[] | null {
  const out: Scalar[] = [];
  if (!collectKeys(doc, parts, 0, out)) return null;
  if (out.length < 2) return out;
  const distinct = new Map<string, Scalar>();
  for (const key of out) distinct.set(`${key[0]}:${key[1]}`, key);
  return [...distinct.values()];
}

const NOT_PLAIN = Symbol('not plain');

/** The value at a path with no array on the way nor at its end (the common case), else NOT_PLAIN. */
function plainAt(doc: unknown, parts: string[]): unknown {
  let cur = doc;
  for (const part of parts) {
    if (cur === null || typeof cur !== 'object' || cur instanceof Date) return undefined;
    if (!isPlainObject(cur)) return NOT_PLAIN;
    cur = cur[part];
  }
  return Array.isArray(cur) ? NOT_PLAIN : cur;
}

/** A document's entries in an index over `paths` (split dot paths), or null when it is wild. */
export function entriesOf(doc: Record<string, unknown>, paths: string[][], id: string): Tuple[] | null {
  const single: Tuple = [];
  for (const parts of paths) {
    const value = plainAt(doc, parts);
    if (value === NOT_PLAIN) return multikeyEntriesOf(doc, paths, id);
    const [rank, key] = scalarOf(value);
    single.push(rank, key);
  }
  single.push(RANK.ID, id);
  return [single];
}

function multikeyEntriesOf(doc: Record<string, unknown>, paths: string[][], id: string): Tuple[] | null {
  let tuples: Tuple[] = [[]];
  for (const parts of paths) {
    const keys = keysAt(doc, parts);
    if (!keys || tuples.length * keys.length > MAX_ENTRIES) return null;
    tuples = tuples.flatMap((t) => keys.map((key) => [...t, ...key]));
  }
  return tuples.map((t) => [...t, RANK.ID, id]);
}

/** A range over one field's keys, within one rank; a missing bound is open. */
export type Range = { rank: number; lo?: { value: number | string; inclusive: boolean }; hi?: { value: number | string; inclusive: boolean } };

/**
 * The [low, high] tuples bounding every entry whose first fields equal `points` and whose next
 * field (when `range` is given) lies in it; `width` is the index's number of fields.
 */
export function boundsOf(points: Scalar[], range: Range | undefined, width: number): [Tuple, Tuple] {
  const low: Tuple = points.flat();
  const high: Tuple = points.flat();
  if (range) {
    // a missing bound sits between this rank and the next, a bound before or after its own value's entries
    low.push(...(range.lo ? [range.rank, range.lo.value, ...(range.lo.inclusive ? MIN : MAX)] : [range.rank - 0.5, 0]));
    high.push(...(range.hi ? [range.rank, range.hi.value, ...(range.hi.inclusive ? MAX : MIN)] : [range.rank + 0.5, 0]));
  }
  while (low.length < 2 * (width + 1)) low.push(...MIN);
  while (high.length < 2 * (width + 1)) high.push(...MAX);
  return [low, high];
}
