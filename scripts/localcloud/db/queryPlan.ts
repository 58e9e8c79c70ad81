/**
 * What a query's filter says that an index can use: per field of its top-level conjunction
 * (implicit, or `$and`), the points (equality, `$eq`, `$in` of plain values) or the range
 * (`$gt`/`$gte`/`$lt`/`$lte` on a number, string or Date) it must lie in; and its `$or` lists.
 * Everything else (`$ne`, `$nin`, `$exists`, `$not`, `$elemMatch`, RegExp, embedded documents,
 * arrays…) says nothing here: it is left to the full test each candidate goes through, so a
 * plan only ever narrows to a superset of the matching documents.
 */
import { isPlainObject, type Doc } from './ejson';
import { POINT_RANKS, RANGE_RANKS, scalarOf, type Range, type Scalar } from './indexKeys';

export type FieldCondition = { points: Scalar[] } | { range: Range };
export type Conjunction = { fields: Map<string, FieldCondition>; ors: Doc[][] };

/** A plan over one index: look up each prefix (points of its first fields), then the range on the next field if any. */
export type IndexPlan = { prefixes: Scalar[][]; range?: Range; score: number };

/** At most this many point lookups in one plan (the product of its `$in` lists). */
const MAX_LOOKUPS = 1000;

export function conjunctionOf(query: Doc, out: Conjunction = { fields: new Map(), ors: [] }): Conjunction {
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const sub of value) if (isPlainObject(sub)) conjunctionOf(sub, out);
    } else if (key === '$or' && Array.isArray(value) && value.every(isPlainObject)) {
      out.ors.push(value);
    } else if (!key.startsWith('$')) {
      const condition = conditionOf(value);
      if (condition) out.fields.set(key, narrower(out.fields.get(key), condition) ?? condition);
    }
  }
  return out;
}

/** The points or range a field's value in a filter names, if any. */
function conditionOf(value: unknown): FieldCondition | undefined {
  if (!isPlainObject(value)) {
    const point = scalarOf(value);
    return POINT_RANKS.has(point[0]) ? { points: [point] } : undefined;
  }
  const ops = Object.keys(value);
  if (!ops.length || !ops.every((op) => op.startsWith('$'))) return undefined;
  let found: FieldCondition | undefined;
  for (const op of ops) {
    const operand = value[op];
    let condition: FieldCondition | undefined;
    if (op === '$eq') condition = isPlainObject(operand) ? undefined : conditionOf(operand);
    else if (op === '$in') condition = pointsOf(operand);
    else if (op === '$and' && Array.isArray(operand)) {
      for (const sub of operand) if (isPlainObject(sub)) found = narrower(found, conditionOf(sub));
    } else condition = boundOf(op, operand);
    found = narrower(found, condition);
  }
  return found;
}

function pointsOf(list: unknown): FieldCondition | undefined {
  if (!Array.isArray(list)) return undefined;
  const points = list.map(scalarOf);
  return points.every((p) => POINT_RANKS.has(p[0])) ? { points } : undefined;
}

function boundOf(op: string, operand: unknown): FieldCondition | undefined {
  const [rank, value] = scalarOf(operand);
  if (!RANGE_RANKS.has(rank)) return undefined;
  switch (op) {
    case '$gt':
    case '$gte':
      return { range: { rank, lo: { value, inclusive: op === '$gte' } } };
    case '$lt':
    case '$lte':
      return { range: { rank, hi: { value, inclusive: op === '$lte' } } };
    default:
      return undefined;
  }
}

/** Two conditions both of which hold: the one that narrows more (points before a range; two ranges of one type intersected). */
function narrower(a: FieldCondition | undefined, b: FieldCondition | undefined): FieldCondition | undefined {
  if (!a || !b) return a ?? b;
  if ('points' in a) return 'points' in b && b.points.length < a.points.length ? b : a;
  if ('points' in b) return b;
  if (a.range.rank !== b.range.rank) return a;
  const pick = (x: Range['lo'], y: Range['lo'], higher: boolean) => {
    if (!x || !y) return x ?? y;
    if (x.value === y.value) return x.inclusive ? y : x;
    return x.value > y.value === higher ? x : y;
  };
  return { range: { rank: a.range.rank, lo: pick(a.range.lo, b.range.lo, true), hi: pick(a.range.hi, b.range.hi, false) } };
}

/**
 * The plan for an index over `fields` under `conditions`, or undefined when its first field has
 * none. Score: 2 per field looked up by points, 1 for a range after them.
 */
export function planFor(fields: string[], conditions: Map<string, FieldCondition>): IndexPlan | undefined {
  let prefixes: Scalar[][] = [[]];
  let score = 0;
  for (const field of fields) {
    const condition = conditions.get(field);
    if (!condition) break;
    if ('range' in condition) return { prefixes, range: condition.range, score: score + 1 };
    if (prefixes.length * condition.points.length > MAX_LOOKUPS) break;
    prefixes = prefixes.flatMap((prefix) => condition.points.map((point) => [...prefix, point]));
    score += 2;
  }
  return score ? { prefixes, score } : undefined;
}
