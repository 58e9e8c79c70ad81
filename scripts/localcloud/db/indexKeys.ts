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

/** Every key the document holds at `path`, or null when it is wild there. */
function keysAt(doc: unknown, parts: string[]): Map<string, Scalar> | null {
  const out = new Map<string, Scalar>();
  const add = (v: unknown) => {
    if (Array.isArray(v)) {
      if (!v.length) add(null);
      for (const el of v) add(el);
      return;
    }
    const s = scalarOf(v);
    out.set(`${s[0]}:${s[1]}`, s);
  };
  const walk = (cur: unknown, i: number): boolean => {
    if (i === parts.length) {
      add(cur);
      return true;
    }
    if (Array.isArray(cur)) {
      if (!cur.length) add(null);
      let ok = !/^\d+$/.test(parts[i]) || walk(cur[Number(parts[i])], i + 1);
      for (const el of cur) {
        if (Array.isArray(el)) return false;
        ok = walk(el, i) && ok;
      }
      return ok;
    }
    if (isPlainObject(cur)) return walk(cur[parts[i]], i + 1);
    if (cur === null || cur === undefined || typeof cur !== 'object' || cur instanceof Date) {
      add(null);
      return true;
    }
    return false;
  };
  return walk(doc, 0) ? out : null;
}

/** A document's entries in an index over `paths` (split dot paths), or null when it is wild. */
export function entriesOf(doc: Record<string, unknown>, paths: string[][], id: string): Tuple[] | null {
  let tuples: Tuple[] = [[]];
  for (const parts of paths) {
    const keys = keysAt(doc, parts);
    if (!keys || tuples.length * keys.size > MAX_ENTRIES) return null;
    tuples = tuples.flatMap((t) => [...keys.values()].map((s) => [...t, ...s]));
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
