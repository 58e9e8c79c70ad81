/**
 * The local cloud's CloudBase document database.
 *
 * Answers the HTTP requests the real wx-server-sdk 4.0.2 sends (`database.*` actions, EJSON
 * payloads; see shared/notes-cloud-emulator.md), evaluates queries, updates and aggregations with
 * mingo, and keeps every document in SQLite (better-sqlite3, WAL). Decisions:
 *
 * - Durability: each acknowledged write is one committed SQLite transaction before `handle`
 *   resolves (synchronous=NORMAL in WAL: survives a killed process; a power cut may lose the last
 *   commits, which is fine for a dev emulator). Parsed documents are cached in memory per
 *   collection (write-through; committed objects are never mutated in place).
 * - Collections: created on first write (insert, upsert, set, seeding) or by db.createCollection;
 *   reads of a collection never written return nothing instead of DATABASE_COLLECTION_NOT_EXIST,
 *   so a fresh local cloud behaves like a provisioned environment (the real collections are
 *   created by the rules/indexes script).
 * - Caps, like the platform from cloud functions: one get() returns at most 100 documents
 *   (`maxGetLimit`; the SDK itself sends limit 100 when unset and caps at 1000). An aggregate
 *   without a $limit stage returns at most 20 documents (observed platform behaviour).
 * - _id: 32 lowercase hex chars when not given; a duplicate _id, or a duplicate value of a field
 *   declared with ensureUniqueIndex (missing counts as null, as in a non-sparse Mongo index),
 *   fails the whole write with DATABASE_REQUEST_FAILED "E11000 duplicate key …"; nothing is written.
 *   A multi-document insert is all-or-nothing.
 * - Indexes: those declared with ensureIndex (the local cloud declares cloudfunctions/database/
 *   indexes.json at start) live in memory beside each collection's documents (collection.ts),
 *   rebuilt at open and kept on every committed write. A query, count, where-update or -remove,
 *   or aggregate opening with $match, whose filter puts points or a range on an index's first
 *   field(s) (or points on _id) tests only the documents the index points to; any other filter
 *   tests the whole collection. Either way mingo decides, so answers and natural order are the
 *   same; `documentsExamined()` counts what was read.
 * - Transactions (optimistic): startTransaction gives an id; reads inside see committed state plus
 *   the transaction's own buffered writes; others see nothing of it until commit. Every document
 *   the transaction reads or writes is recorded with the version it had when first seen; at commit,
 *   if any of them was changed by someone else since, the commit fails with
 *   DATABASE_TRANSACTION_CONFLICT (runTransaction retries on exactly that code) and nothing is
 *   written; otherwise all buffered writes are applied in one SQLite transaction. Abort, or no
 *   commit within 30 s, drops the buffer. Where-queries inside a transaction are not protected
 *   against phantoms (CloudBase only allows doc-level operations in transactions anyway).
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'crypto';
import { mkdirSync } from 'fs';
import { dirname } from 'path';
import { Aggregator, Query, update as mingoUpdate } from 'mingo';
import { Collection, uniqueKey } from './collection';
import { clone, decode, Doc, encode, getPath, isPlainObject, parseStored } from './ejson';

export interface LocalDatabase {
  /** Answers one SDK database request. `action` is e.g. "database.getDocument"; `body` is the
   *  parsed JSON request body the SDK sent. Resolves to the JSON reply body (HTTP 200). */
  handle(action: string, body: Record<string, any>): Promise<Record<string, any>>;
  /** Direct access for seeding and dev endpoints (plain JS documents, no EJSON). */
  insertMany(collection: string, docs: object[]): void;
  find(collection: string, query?: object): object[];
  isEmpty(): boolean;
  close(): void;
  /** Declares `field` (dot path allowed) unique in `collection`; enforced on every later write.
   *  Throws if existing documents already violate it. Not persisted: declare at every start. */
  ensureUniqueIndex?(collection: string, field: string): void;
}

/** An index as cloudfunctions/database/indexes.json declares it: fields in order (1 or -1), unique or not. */
export type IndexSpec = { keys: Record<string, 1 | -1>; unique?: boolean };

export interface OpenDatabaseOptions {
  file: string;
  /** Max documents one getDocument returns (platform, from cloud functions: 100). */
  maxGetLimit?: number;
  /** Max documents an aggregate without $limit returns (platform: 20). */
  aggregateDefaultLimit?: number;
  /** A transaction not committed within this many ms is rolled back (default 30 000). */
  transactionTimeoutMs?: number;
  /** The time `db.serverDate()` stands for, in ms since the epoch: the local cloud's clock (real time by default). */
  now?: () => number;
}

export function openDatabase(opts: OpenDatabaseOptions): LocalDatabase & {
  ensureUniqueIndex(collection: string, field: string): void;
  ensureIndex(collection: string, spec: IndexSpec): void;
  documentsExamined(): number;
} {
  return new SqliteDatabase(opts);
}

/** An error reply the SDK turns into its own error ({code, message}). */
class DbError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

interface Tx {
  id: string;
  /** collection → id key → buffered final state (null = deleted) */
  writes: Map<string, Map<string, Doc | null>>;
  /** "coll\0idKey" → committed version when first seen */
  seen: Map<string, number>;
  timer: NodeJS.Timeout;
}

type Changes = Map<string, Doc | null>; // id key → new state (null = delete)

const DOC_SEP = '\u0000';

function idKey(id: unknown): string {
  return typeof id === 'string' ? id : '\u0001' + encode({ v: id });
}

function newId(): string {
  return randomBytes(16).toString('hex');
}

class SqliteDatabase implements LocalDatabase {
  private readonly sql: Database.Database;
  private readonly colls = new Map<string, Collection>();
  /** Indexes declared per collection name, built into a collection when it exists. */
  private readonly declared = new Map<string, { indexes: string[][]; unique: string[] }>();
  private readonly versions = new Map<string, number>();
  private examined = 0;
  private readonly txs = new Map<string, Tx>();
  private seq = 0;
  private reqSeq = 0;
  private readonly maxGetLimit: number;
  private readonly aggregateDefaultLimit: number;
  private readonly txTimeoutMs: number;
  private readonly now: () => number;
  private readonly stmt: {
    insert: Database.Statement;
    update: Database.Statement;
    remove: Database.Statement;
    addColl: Database.Statement;
  };

  constructor(opts: OpenDatabaseOptions) {
    this.maxGetLimit = opts.maxGetLimit ?? 100;
    this.aggregateDefaultLimit = opts.aggregateDefaultLimit ?? 20;
    this.txTimeoutMs = opts.transactionTimeoutMs ?? 30_000;
    this.now = opts.now ?? Date.now;
    mkdirSync(dirname(opts.file), { recursive: true });
    this.sql = new Database(opts.file);
    this.sql.pragma('journal_mode = WAL');
    this.sql.pragma('synchronous = NORMAL');
    this.sql.pragma('busy_timeout = 5000');
    this.sql.exec(`
      CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY);
      CREATE TABLE IF NOT EXISTS docs (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        coll TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL,
        UNIQUE (coll, id));
    `);
    this.stmt = {
      insert: this.sql.prepare('INSERT INTO docs (coll, id, body) VALUES (?, ?, ?)'),
      update: this.sql.prepare('UPDATE docs SET body = ? WHERE coll = ? AND id = ?'),
      remove: this.sql.prepare('DELETE FROM docs WHERE coll = ? AND id = ?'),
      addColl: this.sql.prepare('INSERT OR IGNORE INTO collections (name) VALUES (?)'),
    };
    for (const row of this.sql.prepare('SELECT name FROM collections').all() as { name: string }[]) {
      this.create(row.name);
    }
    const rows = this.sql.prepare('SELECT coll, id, body FROM docs ORDER BY seq').all() as {
      coll: string; id: string; body: string;
    }[];
    for (const row of rows) {
      (this.colls.get(row.coll) ?? this.create(row.coll)).put(row.id, parseStored(row.body));
    }
  }

  /** A new, empty collection in memory with the indexes declared for its name. */
  private create(name: string): Collection {
    const coll = new Collection(idKey);
    const declared = this.declared.get(name);
    for (const fields of declared?.indexes ?? []) coll.addIndex(fields);
    for (const field of declared?.unique ?? []) coll.addUnique(field);
    this.colls.set(name, coll);
    return coll;
  }

  private declare(collection: string) {
    let declared = this.declared.get(collection);
    if (!declared) this.declared.set(collection, (declared = { indexes: [], unique: [] }));
    return declared;
  }

  // ───────────────────────── public API ─────────────────────────

  async handle(action: string, body: Record<string, any>): Promise<Record<string, any>> {
    const requestId = `local-db-${++this.reqSeq}`;
    try {
      const reply = this.dispatch(action, body ?? {});
      return { requestId, ...reply };
    } catch (e: any) {
      if (e instanceof DbError) return { code: e.code, message: e.message, requestId };
      return { code: 'DATABASE_REQUEST_FAILED', message: String(e?.message ?? e), requestId };
    }
  }

  insertMany(collection: string, docs: object[]): void {
    const changes: Changes = new Map();
    for (const d of docs) {
      const doc = clone(d as Doc);
      if (doc._id === undefined) doc._id = newId();
      const k = idKey(doc._id);
      if (changes.has(k) || this.colls.get(collection)?.has(k)) throw new DbError('DATABASE_REQUEST_FAILED', dupMessage(collection, '_id', doc._id));
      changes.set(k, doc);
    }
    this.write(collection, changes, undefined, true);
  }

  find(collection: string, query: object = {}): object[] {
    return this.select(collection, query as Doc, undefined).map(clone);
  }

  isEmpty(): boolean {
    for (const m of this.colls.values()) if (m.size > 0) return false;
    return true;
  }

  ensureUniqueIndex(collection: string, field: string): void {
    const declared = this.declare(collection);
    if (declared.unique.includes(field)) return;
    const dup = this.colls.get(collection)?.addUnique(field);
    if (dup) throw new DbError('DATABASE_REQUEST_FAILED', dupMessage(collection, field, dup.value));
    declared.unique.push(field);
  }

  /**
   * Declares an index: queries, counts, where-updates and -removes, and aggregates opening with
   * $match, whose filter constrains its first field(s) read only the documents it points to;
   * a unique one (single field) is also enforced as ensureUniqueIndex does. Not persisted:
   * declare at every start (built over the documents held then, kept on every write).
   */
  ensureIndex(collection: string, spec: IndexSpec): void {
    const fields = Object.keys(spec.keys);
    if (spec.unique) this.ensureUniqueIndex(collection, fields[0]);
    const declared = this.declare(collection);
    if (declared.indexes.some((known) => known.join('\0') === fields.join('\0'))) return;
    declared.indexes.push(fields);
    this.colls.get(collection)?.addIndex(fields);
  }

  /** How many documents queries have read (tested against a filter or fed to a pipeline) since opening: for tests and the bench. */
  documentsExamined(): number {
    return this.examined;
  }

  close(): void {
    for (const tx of this.txs.values()) clearTimeout(tx.timer);
    this.txs.clear();
    if (this.sql.open) this.sql.close();
  }

  // ───────────────────────── dispatch ─────────────────────────

  private dispatch(action: string, body: Record<string, any>): Record<string, any> {
    const now = this.now();
    switch (action) {
      case 'database.startTransaction':
        return { transactionId: this.startTx() };
      case 'database.commitTransaction':
        this.commitTx(this.tx(body.transactionId));
        return {};
      case 'database.abortTransaction': {
        // aborting a transaction that already ended (conflict, expiry) is a no-op
        const tx = this.txs.get(body.transactionId);
        if (tx) this.dropTx(tx);
        return {};
      }
      case 'database.addCollection': {
        const name = collName(body);
        if (this.colls.has(name)) throw new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${name} already exists`);
        this.stmt.addColl.run(name);
        this.create(name);
        return {};
      }
    }
    const coll = collName(body);
    const tx = body.transactionId ? this.tx(body.transactionId) : undefined;
    switch (action) {
      case 'database.getDocument':
        return this.getDocument(coll, body, tx, now);
      case 'database.calculateDocument':
        return { data: { total: this.select(coll, decode(body.query, now) ?? {}, tx).length } };
      case 'database.insertDocument':
        return this.insertDocument(coll, body, tx, now);
      case 'database.modifyDocument':
        return this.modifyDocument(coll, body, tx, now, false);
      case 'database.modifyAndReturnDoc':
        return this.modifyDocument(coll, { ...body, multi: false, merge: true }, tx, now, true);
      case 'database.removeDocument':
        return this.removeDocument(coll, body, tx, now);
      case 'database.aggregateDocuments':
        return this.aggregate(coll, body, now);
      default:
        throw new DbError('INVALID_PARAM', `unsupported database action ${action}`);
    }
  }

  private getDocument(coll: string, body: Record<string, any>, tx: Tx | undefined, now: number) {
    const query = decode(body.query, now) ?? {};
    let docs = this.select(coll, query, tx);
    const order = normalizeOrder(decode(body.order, now));
    const offset = Math.max(0, Number(body.offset) || 0);
    const requested = Number(body.limit) > 0 ? Number(body.limit) : this.maxGetLimit;
    const limit = Math.min(requested, this.maxGetLimit);
    if (order && Object.keys(order).length) {
      docs = new Query({}).find(docs).sort(order).all() as Doc[];
    }
    docs = docs.slice(offset, offset + limit);
    if (tx) for (const d of docs) this.observe(tx, coll, idKey(d._id));
    // A doc().get() that finds nothing still saw "absent": another writer creating that document
    // before this transaction commits is a conflict (CloudBase's snapshot says so), not a phantom
    // that lets two transactions both start a counter at 1.
    if (tx && !docs.length && isPointQuery(query)) this.observe(tx, coll, idKey(query._id));
    const projection = decode(body.projection, now);
    if (projection && Object.keys(projection).length) {
      docs = new Query({}).find(docs, projection).all() as Doc[];
    }
    return { data: { list: docs.map(encode) } };
  }

  private insertDocument(coll: string, body: Record<string, any>, tx: Tx | undefined, now: number) {
    const raw: unknown[] = Array.isArray(body.data) ? body.data : [body.data];
    const changes: Changes = new Map();
    const ids: unknown[] = [];
    for (const item of raw) {
      const doc = decode(item, now);
      if (!isPlainObject(doc)) throw new DbError('INVALID_PARAM', 'document must be an object');
      if (doc._id === undefined || doc._id === null) doc._id = newId();
      const k = idKey(doc._id);
      if (tx) this.observe(tx, coll, k);
      if (changes.has(k) || this.getOne(coll, k, tx)) {
        throw new DbError('DATABASE_REQUEST_FAILED', dupMessage(coll, '_id', doc._id));
      }
      changes.set(k, doc);
      ids.push(doc._id);
    }
    this.write(coll, changes, tx, true);
    return { data: { insertedIds: ids } };
  }

  private modifyDocument(coll: string, body: Record<string, any>, tx: Tx | undefined, now: number, returnDoc: boolean) {
    const query = decode(body.query, now) ?? {};
    const data = decode(body.data, now) ?? {};
    if (!isPlainObject(data)) throw new DbError('INVALID_PARAM', 'data must be an object');
    const multi = body.multi === true;
    let targets = this.select(coll, query, tx);
    if (!multi) targets = targets.slice(0, 1);
    if (tx) for (const t of targets) this.observe(tx, coll, idKey(t._id));
    const changes: Changes = new Map();
    let updated = 0;
    let upsertId: unknown = null;
    let created = false;

    if (body.merge === false) {
      // doc().set(): replace the whole document, keep its _id
      const { _id: givenId, ...rest } = data;
      for (const t of targets) {
        if (givenId !== undefined && idKey(givenId) !== idKey(t._id)) throw new DbError('DATABASE_REQUEST_FAILED', "cannot change the immutable field '_id'");
        changes.set(idKey(t._id), { _id: t._id, ...rest });
        updated++;
      }
      if (!targets.length && body.upsert) {
        const id = query._id !== undefined && !isPlainObject(query._id) ? query._id : givenId ?? newId();
        changes.set(idKey(id), { _id: id, ...rest });
        upsertId = id;
        created = true;
      }
    } else {
      const modifier = toModifier(data);
      for (const t of targets) {
        const next = clone(t);
        const fields = mingoUpdate(next, modifier, undefined, undefined, { cloneMode: 'deep' });
        if (fields.length) {
          changes.set(idKey(t._id), next);
          updated++;
        }
      }
      if (!targets.length && body.upsert) {
        const id = query._id !== undefined && !isPlainObject(query._id) ? query._id : newId();
        const next: Doc = { _id: id };
        mingoUpdate(next, modifier, undefined, undefined, { cloneMode: 'deep' });
        changes.set(idKey(id), next);
        upsertId = id;
        created = true;
      }
    }
    if (created && tx) this.observe(tx, coll, idKey(upsertId));
    this.write(coll, changes, tx, created);
    if (returnDoc) {
      const doc = targets[0] ? changes.get(idKey(targets[0]._id)) ?? targets[0] : null;
      return { data: { updated, doc: doc ? encode(doc) : null } };
    }
    return { data: { updated, upsert_id: upsertId } };
  }

  private removeDocument(coll: string, body: Record<string, any>, tx: Tx | undefined, now: number) {
    const query = decode(body.query, now) ?? {};
    let targets = this.select(coll, query, tx);
    if (body.multi !== true) targets = targets.slice(0, 1);
    const changes: Changes = new Map();
    for (const t of targets) {
      const k = idKey(t._id);
      if (tx) this.observe(tx, coll, k);
      changes.set(k, null);
    }
    this.write(coll, changes, tx, false);
    return { data: { deleted: targets.length } };
  }

  private aggregate(coll: string, body: Record<string, any>, now: number) {
    const stages: { stageKey: string; stageValue: unknown }[] = Array.isArray(body.stages) ? body.stages : [];
    const pipeline = stages.map((s) => ({ [s.stageKey]: decode(s.stageValue, now) }));
    const hasLimit = pipeline.some((s) => '$limit' in s);
    // An opening $match is a query like any other: through the indexes.
    const opening = pipeline[0] && isPlainObject(pipeline[0].$match) && Object.keys(pipeline[0]).length === 1 ? (pipeline.shift()!.$match as Doc) : undefined;
    const input = opening ? this.select(coll, opening, undefined) : this.read(this.view(coll, undefined));
    const agg = new Aggregator(pipeline, {
      collectionResolver: (name: string) => this.read(this.view(name, undefined)).map(clone),
    });
    let out = agg.run(input.map(clone)) as Doc[];
    if (!hasLimit) out = out.slice(0, this.aggregateDefaultLimit);
    return { data: { list: out.map(encode) } };
  }

  // ───────────────────────── reads ─────────────────────────

  /** Documents of a collection in natural (insertion) order, as seen by `tx` (or committed). */
  private view(coll: string, tx: Tx | undefined): Doc[] {
    const base = this.colls.get(coll);
    const over = tx?.writes.get(coll);
    if (!over) return base ? [...base.values()] : [];
    const out: Doc[] = [];
    if (base) {
      for (const k of base.keys()) {
        if (!over.has(k)) out.push(base.get(k)!);
        else {
          const o = over.get(k);
          if (o) out.push(o);
        }
      }
    }
    for (const [k, o] of over) if (o && !base?.has(k)) out.push(o);
    return out;
  }

  private getOne(coll: string, k: string, tx: Tx | undefined): Doc | undefined {
    const over = tx?.writes.get(coll);
    if (over?.has(k)) return over.get(k) ?? undefined;
    return this.colls.get(coll)?.get(k);
  }

  /** The documents `query` matches as `tx` (or committed state) sees them, in natural order. */
  private select(coll: string, query: Doc, tx: Tx | undefined): Doc[] {
    if (!isPlainObject(query)) throw new DbError('INVALID_PARAM', 'query must be an object');
    if (isPointQuery(query)) {
      const d = this.getOne(coll, idKey(query._id), tx);
      return d ? this.read([d]) : [];
    }
    if (!Object.keys(query).length) return this.read(this.view(coll, tx));
    const q = new Query(query);
    const candidates = this.colls.get(coll)?.candidates(query);
    const docs = candidates ? this.overlay(coll, candidates, tx) : this.view(coll, tx);
    return this.read(docs).filter((d) => q.test(d));
  }

  /** Counts documents as read by a query; returns them. */
  private read(docs: Doc[]): Doc[] {
    this.examined += docs.length;
    return docs;
  }

  /**
   * Committed candidates (natural order) as `tx` sees them: those it changed replaced or dropped,
   * and every document it wrote added (its own writes are few; the filter decides), in the order
   * view() gives.
   */
  private overlay(coll: string, candidates: Doc[], tx: Tx | undefined): Doc[] {
    const over = tx?.writes.get(coll);
    if (!over?.size) return candidates;
    const base = this.colls.get(coll)!;
    const placed: [number, Doc][] = [];
    for (const d of candidates) if (!over.has(idKey(d._id))) placed.push([base.orderOf(idKey(d._id))!, d]);
    let after = Number.MAX_SAFE_INTEGER - over.size;
    for (const [k, d] of over) {
      const order = base.orderOf(k) ?? after++;
      if (d) placed.push([order, d]);
    }
    return placed.sort((a, b) => a[0] - b[0]).map(([, d]) => d);
  }

  // ───────────────────────── writes ─────────────────────────

  /** Applies a set of changes to one collection: buffered in `tx`, or committed to SQLite now. */
  private write(coll: string, changes: Changes, tx: Tx | undefined, mayCreate: boolean): void {
    if (!changes.size && !(mayCreate && !tx && !this.colls.has(coll))) return;
    this.checkUnique(coll, changes, tx);
    if (tx) {
      let over = tx.writes.get(coll);
      if (!over) tx.writes.set(coll, (over = new Map()));
      for (const [k, d] of changes) over.set(k, d);
      return;
    }
    this.apply([[coll, changes]]);
  }

  /** One SQLite transaction, then the cache and versions. */
  private apply(batches: [string, Changes][]): void {
    const run = this.sql.transaction(() => {
      for (const [coll, changes] of batches) {
        const base = this.colls.get(coll);
        if (!base) this.stmt.addColl.run(coll);
        for (const [k, d] of changes) {
          const exists = base?.has(k) ?? false;
          if (d === null) {
            if (exists) this.stmt.remove.run(coll, k);
          } else if (exists) this.stmt.update.run(encode(d), coll, k);
          else this.stmt.insert.run(coll, k, encode(d));
        }
      }
    });
    run();
    for (const [coll, changes] of batches) {
      const base = this.colls.get(coll) ?? this.create(coll);
      for (const [k, d] of changes) {
        if (d === null) base.delete(k);
        else base.put(k, d);
        this.versions.set(coll + DOC_SEP + k, ++this.seq);
      }
    }
  }

  /**
   * Refuses `changes` (over `tx`'s own writes, over committed state) when two documents would
   * then hold one value of a unique field: among the documents written, and against the committed
   * owner of each value they hold, unless that owner is among them (its new state counts).
   */
  private checkUnique(coll: string, changes: Changes, tx: Tx | undefined): void {
    const fields = this.declared.get(coll)?.unique;
    if (!fields?.length) return;
    const base = this.colls.get(coll);
    const over = tx?.writes.get(coll);
    const written = new Set([...changes.keys(), ...(over?.keys() ?? [])]);
    const stateOf = (k: string) => (changes.has(k) ? changes.get(k) : over?.has(k) ? over.get(k) : base?.get(k));
    for (const field of fields) {
      const seen = new Map<string, string>();
      for (const k of written) {
        const d = stateOf(k);
        if (!d) continue;
        const key = uniqueKey(d, field);
        const owner = seen.get(key) ?? base?.ownerOf(field, key);
        if (owner !== undefined && owner !== k && (seen.has(key) || !written.has(owner))) {
          throw new DbError('DATABASE_REQUEST_FAILED', dupMessage(coll, field, getPath(d, field)));
        }
        seen.set(key, k);
      }
    }
  }

  // ───────────────────────── transactions ─────────────────────────

  private startTx(): string {
    const id = newId();
    const timer = setTimeout(() => this.txs.delete(id), this.txTimeoutMs);
    timer.unref?.();
    this.txs.set(id, { id, writes: new Map(), seen: new Map(), timer });
    return id;
  }

  private tx(id: unknown): Tx {
    const tx = typeof id === 'string' ? this.txs.get(id) : undefined;
    if (!tx) throw new DbError('DATABASE_REQUEST_FAILED', `transaction ${String(id)} does not exist (aborted, committed or expired)`);
    return tx;
  }

  private observe(tx: Tx, coll: string, k: string): void {
    const key = coll + DOC_SEP + k;
    if (!tx.seen.has(key)) tx.seen.set(key, this.versions.get(key) ?? 0);
  }

  private dropTx(tx: Tx): void {
    clearTimeout(tx.timer);
    this.txs.delete(tx.id);
  }

  private commitTx(tx: Tx): void {
    this.dropTx(tx);
    for (const [key, version] of tx.seen) {
      if ((this.versions.get(key) ?? 0) !== version) {
        throw new DbError('DATABASE_TRANSACTION_CONFLICT', 'database transaction conflict: a document read or written by this transaction was changed by another writer');
      }
    }
    const batches: [string, Changes][] = [];
    for (const [coll, changes] of tx.writes) {
      this.checkUnique(coll, changes, undefined);
      batches.push([coll, changes]);
    }
    if (batches.length) this.apply(batches);
  }
}

// ───────────────────────── helpers ─────────────────────────

/** `{ _id: <string|number> }` and nothing else: the query doc(id) sends. */
function isPointQuery(query: Doc): query is Doc & { _id: string | number } {
  const keys = Object.keys(query);
  return keys.length === 1 && keys[0] === '_id' && (typeof query._id === 'string' || typeof query._id === 'number');
}

function collName(body: Record<string, any>): string {
  const name = body.collectionName;
  if (typeof name !== 'string' || !name) throw new DbError('INVALID_PARAM', 'collectionName is required');
  return name;
}

function normalizeOrder(order: unknown): Record<string, 1 | -1> | undefined {
  if (!order) return undefined;
  if (Array.isArray(order)) {
    const out: Record<string, 1 | -1> = {};
    for (const o of order) if (o && typeof o.field === 'string') out[o.field] = o.direction === 'desc' ? -1 : 1;
    return out;
  }
  if (isPlainObject(order)) {
    const out: Record<string, 1 | -1> = {};
    for (const [k, v] of Object.entries(order)) out[k] = v === -1 || v === 'desc' ? -1 : 1;
    return out;
  }
  return undefined;
}

/** Update data from the SDK is operator-keyed; bare fields (not sent by the SDK) mean $set. */
function toModifier(data: Doc): Doc {
  const mod: Doc = {};
  const bare: Doc = {};
  for (const [k, v] of Object.entries(data)) {
    if (k.startsWith('$')) mod[k] = v;
    else bare[k] = v;
  }
  if (Object.keys(bare).length) mod.$set = { ...(mod.$set ?? {}), ...bare };
  return mod;
}

function dupMessage(coll: string, field: string, value: unknown): string {
  const index = field === '_id' ? '_id_' : `${field}_1`;
  return `E11000 duplicate key error collection: ${coll} index: ${index} dup key: { ${field}: ${encode({ v: value ?? null }).slice(5, -1)} }`;
}
