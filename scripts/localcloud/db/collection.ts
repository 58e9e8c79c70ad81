/**
 * One collection's committed documents in memory, in natural (insertion) order, with the indexes
 * declared for it kept up to date on every put and delete:
 *
 * - query indexes (`addIndex`): a B+ tree of entries (see indexKeys.ts) over one or more fields;
 *   `candidates` answers a filter whose top-level conjunction constrains an index's first
 *   field(s) by points or a range, or `_id` by points, or whose `$or` branches all can be, with
 *   a superset of the matching documents (the caller tests each);
 * - unique constraints (`addUnique`): the owner of each value of a field (dot path, no array
 *   traversal, the whole value compared, missing counted as null).
 */
import type BTree from 'sorted-btree';
import { bulkLoad } from 'sorted-btree/extended/bulkLoad';
import { encode, getPath, type Doc } from './ejson';
import { boundsOf, compareTuples, entriesOf, RANK, type Tuple } from './indexKeys';
import { conjunctionOf, planFor, type Conjunction, type IndexPlan } from './queryPlan';

/** The B+ tree's branching factor (sorted-btree's default). */
const MAX_NODE_SIZE = 32;

type QueryIndex = { fields: string[]; paths: string[][]; tree: BTree<Tuple, undefined>; wild: Set<string> };

/** The key of a document's value of a unique field. */
export const uniqueKey = (doc: Doc, field: string) => encode({ v: getPath(doc, field) ?? null });

export class Collection {
  private readonly docs = new Map<string, Doc>();
  private readonly order = new Map<string, number>();
  private nextOrder = 0;
  private readonly indexes: QueryIndex[] = [];
  private readonly owners = new Map<string, Map<string, string>>();
  /** Documents whose _id is neither a string nor a number (their id key is not the value itself). */
  private oddIds = 0;

  constructor(private readonly idKey: (id: unknown) => string) {}

  get size(): number {
    return this.docs.size;
  }

  get(k: string): Doc | undefined {
    return this.docs.get(k);
  }

  has(k: string): boolean {
    return this.docs.has(k);
  }

  values(): IterableIterator<Doc> {
    return this.docs.values();
  }

  keys(): IterableIterator<string> {
    return this.docs.keys();
  }

  /** A document's place in natural order (first insertion; an update keeps it). */
  orderOf(k: string): number | undefined {
    return this.order.get(k);
  }

  put(k: string, doc: Doc): void {
    const old = this.docs.get(k);
    if (old) this.unindex(k, old);
    else this.order.set(k, this.nextOrder++);
    this.docs.set(k, doc);
    this.index(k, doc);
  }

  delete(k: string): void {
    const old = this.docs.get(k);
    if (!old) return;
    this.unindex(k, old);
    this.docs.delete(k);
    this.order.delete(k);
  }

  /** Adds a query index over `fields` (dot paths, not yet indexed), built over the documents held now. */
  addIndex(fields: string[]): void {
    const paths = fields.map((f) => f.split('.'));
    const wild = new Set<string>();
    const entries: Tuple[] = [];
    for (const [k, doc] of this.docs) {
      const held = entriesOf(doc, paths, k);
      if (held) entries.push(...held);
      else wild.add(k);
    }
    entries.sort(compareTuples);
    this.indexes.push({ fields, paths, tree: bulkLoad(entries, new Array(entries.length), MAX_NODE_SIZE, compareTuples), wild });
  }

  /** Declares `field` unique; returns the first value held twice (nothing declared then), or undefined. */
  addUnique(field: string): { value: unknown } | undefined {
    if (this.owners.has(field)) return undefined;
    const owners = new Map<string, string>();
    for (const [k, doc] of this.docs) {
      const key = uniqueKey(doc, field);
      if (owners.has(key)) return { value: getPath(doc, field) };
      owners.set(key, k);
    }
    this.owners.set(field, owners);
    return undefined;
  }

  uniqueFields(): IterableIterator<string> {
    return this.owners.keys();
  }

  /** The id key of the committed document holding `key` (a uniqueKey) in unique `field`. */
  ownerOf(field: string, key: string): string | undefined {
    return this.owners.get(field)?.get(key);
  }

  /**
   * Documents in natural order that include every one `query` matches, read through an index;
   * undefined when no index serves the filter (the caller reads the whole collection).
   */
  candidates(query: Doc): Doc[] | undefined {
    const keys = this.candidateKeys(query);
    if (!keys) return undefined;
    const out: Doc[] = [];
    for (const k of [...keys].sort((a, b) => this.order.get(a)! - this.order.get(b)!)) {
      const doc = this.docs.get(k);
      if (doc) out.push(doc);
    }
    return out;
  }

  /** Keys of the candidates for `query` ANDed with the field conditions `outer` (an enclosing filter's). */
  private candidateKeys(query: Doc, outer?: Conjunction['fields']): Set<string> | undefined {
    const { fields, ors } = conjunctionOf(query, { fields: new Map(outer), ors: [] });
    const byId = fields.get('_id');
    if (byId && 'points' in byId && !this.oddIds && byId.points.every(([rank]) => rank === RANK.STRING || rank === RANK.NUMBER)) {
      return new Set(byId.points.map(([, value]) => this.idKey(value)).filter((k) => this.docs.has(k)));
    }
    let best: { index: QueryIndex; plan: IndexPlan } | undefined;
    for (const index of this.indexes) {
      const plan = planFor(index.fields, fields);
      if (plan && (!best || plan.score > best.plan.score)) best = { index, plan };
    }
    if (best) return this.lookUp(best.index, best.plan);
    for (const branches of ors) {
      const parts = branches.map((branch) => this.candidateKeys(branch, fields));
      if (parts.length && parts.every(Boolean)) return new Set(parts.flatMap((keys) => [...keys!]));
    }
    return undefined;
  }

  private lookUp(index: QueryIndex, plan: IndexPlan): Set<string> {
    const keys = new Set(index.wild);
    for (const prefix of plan.prefixes) {
      const [low, high] = boundsOf(prefix, plan.range, index.fields.length);
      index.tree.forRange(low, high, true, (entry) => {
        keys.add(entry[entry.length - 1] as string);
      });
    }
    return keys;
  }

  private index(k: string, doc: Doc): void {
    if (typeof doc._id !== 'string' && typeof doc._id !== 'number') this.oddIds++;
    for (const index of this.indexes) this.enter(index, k, doc, true);
    for (const [field, owners] of this.owners) owners.set(uniqueKey(doc, field), k);
  }

  private unindex(k: string, doc: Doc): void {
    if (typeof doc._id !== 'string' && typeof doc._id !== 'number') this.oddIds--;
    for (const index of this.indexes) this.enter(index, k, doc, false);
    for (const [field, owners] of this.owners) {
      const key = uniqueKey(doc, field);
      if (owners.get(key) === k) owners.delete(key);
    }
  }

  /** Adds (or removes) a document's entries in one index. */
  private enter(index: QueryIndex, k: string, doc: Doc, add: boolean): void {
    const entries = entriesOf(doc, index.paths, k);
    if (!entries) {
      if (add) index.wild.add(k);
      else index.wild.delete(k);
      return;
    }
    for (const entry of entries) {
      if (add) index.tree.set(entry, undefined);
      else index.tree.delete(entry);
    }
  }
}
