/**
 * The local cloud's query indexes give exactly the documents, in exactly the order, a full scan
 * gives: the same seeded documents in two databases, one with indexes declared and one without,
 * asked the same filters (generated from a seeded generator, so every run asks the same), through
 * writes, transactions and a reopen; and the indexed one reads fewer documents.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { EJSON } from 'bson';
import { openDatabase } from './index';

type Db = ReturnType<typeof openDatabase>;

/** Indexes over every shape the generated documents hold: compound, dot path, multikey, Date. */
const INDEXES: Array<Record<string, 1 | -1>> = [{ g: 1, n: 1 }, { tags: 1 }, { 'addr.city': 1, n: -1 }, { at: 1 }, { 'items.k': 1 }, { n: 1 }, { nick: 1 }, { flag: 1, g: 1 }];

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gridlink-db-indexes-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A small deterministic generator (mulberry32). */
function generator(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  return { next, pick };
}

const MISSING = Symbol('missing');
const DAY = 86_400_000;
const dates = [0, 1, 2, 3].map((d) => new Date(Date.UTC(2026, 10, 20) + d * DAY));
/** Values that look alike across types: 1, '1', true, a Date at 1 ms, null, missing. */
const scalars = [1, 2, 3, 2.5, -1, 0, '1', '2', 'a', 'b', 'B', '', true, false, null, new Date(1), ...dates];
const values = [...scalars, MISSING, [1, 2], ['a', 'b'], [], [null], [[1], 2], ['a', ['b']], { k: 1 }, [dates[0], 'a']] as const;

function documents(count: number, seed: number) {
  const { next, pick } = generator(seed);
  const maybe = (v: unknown) => (v === MISSING ? {} : { v });
  return Array.from({ length: count }, (_, i) => {
    const doc: Record<string, unknown> = { _id: `d${String(i).padStart(3, '0')}` };
    const set = (field: string, v: unknown) => {
      const m = maybe(v);
      if ('v' in m) doc[field] = m.v;
    };
    set('g', pick(['x', 'y', 'z', 'x', null, MISSING, 1]));
    set('n', pick(values));
    set('tags', pick(values));
    set('at', pick([...dates, MISSING, null, 'soon', 5]));
    set('nick', pick([null, MISSING, 'annie', 'bob']));
    set('flag', pick([true, false, MISSING]));
    const city = pick(['SZ', 'BJ', null, MISSING, 1, ['SZ', 'SH']]);
    if (next() < 0.8) doc.addr = city === MISSING ? {} : { city };
    else if (next() < 0.5) doc.addr = [{ city: 'SZ' }, { city: 'BJ' }, { zip: 1 }];
    else doc.addr = pick([null, 'flat', [[{ city: 'SZ' }]]]);
    const n = Math.floor(next() * 3);
    doc.items = next() < 0.1 ? pick([null, 'none', [[{ k: 1 }]]]) : Array.from({ length: n }, () => ({ k: pick([1, 2, 'a', null]) }));
    return doc;
  });
}

/** Filters over the indexed fields and others: points, $in, ranges, $or, $and, negations, null, Dates, arrays. */
function filters(count: number, seed: number) {
  const { next, pick } = generator(seed);
  const fields = ['g', 'n', 'tags', 'at', 'nick', 'flag', 'addr.city', 'items.k', '_id', 'addr', 'items'];
  const value = () => pick([...scalars, ...dates, 'd001', 'd050', 'x', 'SZ', 'BJ']);
  const condition = (): unknown => {
    switch (Math.floor(next() * 12)) {
      case 0:
      case 1:
        return value();
      case 2:
        return { $in: [value(), value(), ...(next() < 0.3 ? [null] : [])] };
      case 3:
        return { [pick(['$gt', '$gte', '$lt', '$lte'])]: value() };
      case 4:
        return { $gt: pick([0, 'a', dates[0]]), $lte: pick([3, 'x', dates[2]]) };
      case 5:
        return { $and: [{ $gte: pick([1, 'a', dates[1]]) }, { $lt: pick([3, 'z', dates[3]]) }] };
      case 6:
        return { $ne: value() };
      case 7:
        return { $exists: next() < 0.5 };
      case 8:
        return { $nin: [value(), null] };
      case 9:
        return { $eq: value() };
      case 10:
        return pick([[1, 2], ['a', 'b'], { city: 'SZ' }, /^a/i]);
      default:
        return { $in: [] };
    }
  };
  const conjunction = () => {
    const out: Record<string, unknown> = {};
    const size = 1 + Math.floor(next() * 3);
    for (let i = 0; i < size; i++) out[pick(fields)] = condition();
    return out;
  };
  return Array.from({ length: count }, () => {
    switch (Math.floor(next() * 5)) {
      case 0:
        return { $or: [conjunction(), conjunction()] };
      case 1:
        return { $and: [conjunction(), conjunction()] };
      case 2:
        return { ...conjunction(), $or: [conjunction(), { g: value() }] };
      default:
        return conjunction();
    }
  });
}

function open(file: string, indexed: boolean): Db {
  const db = openDatabase({ file, maxGetLimit: 1000 });
  if (indexed) for (const keys of INDEXES) db.ensureIndex('c', { keys });
  return db;
}

const wire = (v: unknown) => EJSON.stringify(v as never, { relaxed: false });

/** Every filter gives the same documents in the same order from both (inside `txs` when given), the indexed one never reading more. */
async function sameAnswers(indexed: Db, plain: Db, queries: object[], txs: [string | undefined, string | undefined] = [undefined, undefined]) {
  const ask = async (db: Db, query: object, transactionId?: string) => {
    const before = db.documentsExamined();
    const reply = await db.handle('database.getDocument', { collectionName: 'c', query: wire(query), limit: 1000, transactionId });
    return { list: reply.code ? `${reply.code}: ${reply.message}` : (reply.data.list as string[]), read: db.documentsExamined() - before };
  };
  for (const query of queries) {
    const [a, b] = await Promise.all([ask(indexed, query, txs[0]), ask(plain, query, txs[1])]);
    expect({ query, list: a.list }).toEqual({ query, list: b.list });
    expect(a.read).toBeLessThanOrEqual(b.read);
  }
}

const all = (db: Db) => db.find('c');

/** The same documents in a database with the indexes declared and in one without. */
function pair(docs: object[]) {
  const indexed = open(path.join(tmp, 'a.sqlite'), true);
  const plain = open(path.join(tmp, 'b.sqlite'), false);
  indexed.insertMany('c', docs);
  plain.insertMany('c', docs);
  return { indexed, plain };
}

type Pair = ReturnType<typeof pair>;

/**
 * One request to collection `c` of both (each inside its transaction when given); expects the
 * same reply from both, returns the documents each read for it.
 */
async function both({ indexed, plain }: Pair, action: string, body: Record<string, unknown>, txs: [string, string] | [] = []) {
  const reads = [indexed.documentsExamined(), plain.documentsExamined()];
  const [a, b] = await Promise.all([indexed.handle(action, { collectionName: 'c', transactionId: txs[0], ...body }), plain.handle(action, { collectionName: 'c', transactionId: txs[1], ...body })]);
  expect({ ...a, requestId: null }).toEqual({ ...b, requestId: null });
  return [indexed.documentsExamined() - reads[0], plain.documentsExamined() - reads[1]];
}

test('generated filters over generated documents: the same answers with and without indexes, fewer documents read', async () => {
  const { indexed, plain } = pair(documents(400, 7));
  const queries = filters(600, 11);
  await sameAnswers(indexed, plain, queries);
  // the indexes were used: far fewer documents read for the same answers
  const read = (db: Db) => db.documentsExamined();
  expect(read(indexed)).toBeLessThan(read(plain) * 0.6);
  indexed.close();
  plain.close();
});

test('an index declared over documents already held, then writes of every kind: answers stay the same', async () => {
  const docs = documents(300, 3);
  const dbs = { indexed: open(path.join(tmp, 'a.sqlite'), false), plain: open(path.join(tmp, 'b.sqlite'), false) };
  const { indexed, plain } = dbs;
  indexed.insertMany('c', docs.slice(0, 200));
  plain.insertMany('c', docs.slice(0, 200));
  for (const keys of INDEXES) indexed.ensureIndex('c', { keys });
  const queries = filters(150, 5);
  await sameAnswers(indexed, plain, queries);
  await both(dbs, 'database.insertDocument', { data: docs.slice(200).map((d) => wire(d)) });
  await both(dbs, 'database.modifyDocument', { query: wire({ g: 'x' }), data: wire({ $set: { g: 'y', n: 7 }, $push: { tags: 'new' } }), multi: true, merge: true });
  await both(dbs, 'database.modifyDocument', { query: wire({ n: { $gte: 2 } }), data: wire({ $unset: { nick: '' }, $set: { 'addr.city': 'GZ' } }), multi: true, merge: true });
  await both(dbs, 'database.modifyDocument', { query: wire({ _id: 'd010' }), data: wire({ replaced: true, g: 'z' }), multi: false, merge: false, upsert: true });
  await both(dbs, 'database.modifyDocument', { query: wire({ _id: 'fresh' }), data: wire({ g: 'x', tags: ['a'], at: dates[1] }), multi: false, merge: false, upsert: true });
  await both(dbs, 'database.removeDocument', { query: wire({ tags: { $in: ['a', 1] } }), multi: true });
  await both(dbs, 'database.removeDocument', { query: wire({ at: { $lt: dates[2] } }), multi: false });
  await both(dbs, 'database.removeDocument', { query: wire({ _id: 'd001' }), multi: false });
  await both(dbs, 'database.insertDocument', { data: [wire({ _id: 'd001', g: 'again' })] }); // re-added after removal: natural order puts it last
  expect(all(indexed)).toEqual(all(plain));
  await sameAnswers(indexed, plain, [...queries, ...filters(150, 6)]);
  indexed.close();
  plain.close();
});

test('counts, where-updates and -removes, and aggregates opening with $match read only what the index points to', async () => {
  const dbs = pair(documents(300, 9));
  const { indexed, plain } = dbs;
  const query = { g: 'y', n: { $in: [1, 2, '1'] } };
  const matching = all(plain).filter((d: any) => d.g === 'y' && [1, 2, '1'].some((v) => d.n === v || (Array.isArray(d.n) && d.n.includes(v)))).length;
  expect(matching).toBeGreaterThan(0);
  expect(await both(dbs, 'database.calculateDocument', { query: wire(query) })).toEqual([matching, 300]);
  const stages = [{ stageKey: '$match', stageValue: wire(query) }, { stageKey: '$group', stageValue: wire({ _id: '$n', count: { $sum: 1 } }) }, { stageKey: '$sort', stageValue: wire({ _id: 1 }) }];
  expect(await both(dbs, 'database.aggregateDocuments', { stages })).toEqual([matching, 300]);
  expect(await both(dbs, 'database.modifyDocument', { query: wire(query), data: wire({ $set: { touched: true } }), multi: true, merge: true })).toEqual([matching, 300]);
  expect(await both(dbs, 'database.removeDocument', { query: wire(query), multi: true })).toEqual([matching, 300]);
  expect(all(indexed)).toEqual(all(plain));
  expect(await both(dbs, 'database.calculateDocument', { query: wire({ touched: true }) })).toEqual([300 - matching, 300 - matching]);
  indexed.close();
  plain.close();
});

test('inside a transaction a query sees its own writes through the index; abort and commit keep the index true', async () => {
  const dbs = pair(documents(120, 13));
  const { indexed, plain } = dbs;
  const queries = [{ g: 'x' }, { g: 'moved' }, { n: { $gte: 2 } }, { tags: 'tx' }, { at: { $gte: dates[1] } }, { $or: [{ g: 'moved' }, { tags: 'tx' }] }];
  const start = async () => [(await indexed.handle('database.startTransaction', {})).transactionId, (await plain.handle('database.startTransaction', {})).transactionId] as [string, string];
  const inBoth = (txs: [string, string], action: string, body: Record<string, unknown>) => both(dbs, action, body, txs);
  const writeIn = async (txs: [string, string]) => {
    await inBoth(txs, 'database.modifyDocument', { query: wire({ _id: 'd001' }), data: wire({ $set: { g: 'moved', n: 9 } }), multi: false, merge: true });
    await inBoth(txs, 'database.modifyDocument', { query: wire({ _id: 'd002' }), data: wire({ g: 'x', tags: ['tx'], at: dates[3] }), multi: false, merge: false });
    await inBoth(txs, 'database.insertDocument', { data: [wire({ _id: 'tx-new', g: 'moved', tags: 'tx', n: 3 })] });
    await inBoth(txs, 'database.removeDocument', { query: wire({ _id: 'd003' }), multi: false });
  };
  const aborted = await start();
  await writeIn(aborted);
  await sameAnswers(indexed, plain, queries, aborted);
  await sameAnswers(indexed, plain, queries);
  await indexed.handle('database.abortTransaction', { transactionId: aborted[0] });
  await plain.handle('database.abortTransaction', { transactionId: aborted[1] });
  await sameAnswers(indexed, plain, queries);
  expect(indexed.find('c', { g: 'moved' })).toEqual([]);

  const committed = await start();
  await writeIn(committed);
  expect((await indexed.handle('database.commitTransaction', { transactionId: committed[0] })).code).toBeUndefined();
  expect((await plain.handle('database.commitTransaction', { transactionId: committed[1] })).code).toBeUndefined();
  expect(indexed.find('c', { g: 'moved' }).map((d: any) => d._id)).toEqual(['d001', 'tx-new']);
  await sameAnswers(indexed, plain, [...queries, ...filters(100, 17)]);
  indexed.close();
  plain.close();
});

test('after a reopen the declared indexes are built again over what the file holds', async () => {
  const file = path.join(tmp, 'a.sqlite');
  const first = open(file, true);
  first.insertMany('c', documents(200, 21));
  await first.handle('database.removeDocument', { collectionName: 'c', query: wire({ g: 'z' }), multi: true });
  await first.handle('database.modifyDocument', { collectionName: 'c', query: wire({ g: 'x' }), data: wire({ $set: { n: 42 } }), multi: true, merge: true });
  first.close();
  const indexed = open(file, true);
  const plain = open(file, false);
  expect(all(indexed)).toEqual(all(plain));
  await sameAnswers(indexed, plain, [{ n: 42 }, { g: 'z' }, ...filters(200, 23)]);
  const before = indexed.documentsExamined();
  const fortyTwo = indexed.find('c', { n: 42 });
  expect(fortyTwo.length).toBeGreaterThan(0);
  expect(indexed.documentsExamined() - before).toBe(fortyTwo.length);
  indexed.close();
  plain.close();
});

test('a unique index refuses a duplicate through its in-memory owners, in and out of transactions', async () => {
  const db = openDatabase({ file: path.join(tmp, 'u.sqlite') });
  db.ensureIndex('grids', { keys: { code: 1 }, unique: true });
  db.insertMany('grids', [{ _id: 'g1', code: 'A' }, { _id: 'g2', code: 'B' }, { _id: 'g3' }]);
  const add = (data: object, transactionId?: string) => db.handle('database.insertDocument', { collectionName: 'grids', data: [wire(data)], transactionId });
  expect((await add({ code: 'A' })).message).toMatch(/E11000 duplicate key .* code/);
  expect((await add({ other: 1 })).message).toMatch(/E11000/); // a second missing code is a second null
  const set = (id: string, data: object, transactionId?: string) =>
    db.handle('database.modifyDocument', { collectionName: 'grids', query: wire({ _id: id }), data: wire(data), multi: false, merge: false, upsert: true, transactionId });
  // a value freed by the same write can be taken by another document in it (a swap inside one transaction)
  const { transactionId } = await db.handle('database.startTransaction', {});
  expect((await set('g1', { code: 'C' }, transactionId)).code).toBeUndefined();
  expect((await add({ _id: 'g4', code: 'A' }, transactionId)).code).toBeUndefined();
  expect((await add({ _id: 'g5', code: 'C' }, transactionId)).message).toMatch(/E11000/);
  // someone else takes C before the commit: the commit is refused, nothing written
  expect((await set('g2', { code: 'C' })).code).toBeUndefined();
  expect((await db.handle('database.commitTransaction', { transactionId })).message).toMatch(/E11000|conflict/);
  expect(db.find('grids', { code: 'A' }).map((d: any) => d._id)).toEqual(['g1']);
  expect(db.find('grids', { code: 'C' }).map((d: any) => d._id)).toEqual(['g2']);
  expect((await set('g2', { code: 'B' })).code).toBeUndefined();
  expect((await add({ code: 'C' })).code).toBeUndefined();
  db.close();
});
