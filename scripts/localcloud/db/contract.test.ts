/**
 * Contract test: the REAL wx-server-sdk 4.0.2, pointed at a tiny HTTP server that answers with
 * openDatabase().handle(), exactly like the local cloud's /admin endpoint.
 */
import http from 'http';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { openDatabase } from './index';
import { sdkEnvironment } from '../sdkEnv';

jest.setTimeout(30_000);

let server: http.Server;
let ldb: ReturnType<typeof openDatabase>;
let tmp: string;
let cloud: any;
let db: any;
let _: any;
let $: any;
/** every reply's (action, code) in order, to check what the SDK saw */
const log: { action: string; code?: string }[] = [];

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gridlink-db-'));
  ldb = openDatabase({ file: path.join(tmp, 'db.sqlite') });
  server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', async () => {
      const body = JSON.parse(raw || '{}');
      const reply = await ldb.handle(body.action, body);
      log.push({ action: body.action, code: reply.code });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as any).port;
  Object.assign(process.env, sdkEnvironment(`http://127.0.0.1:${port}/admin`), { SILENCE: 'true' });
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  cloud = require('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  db = cloud.database();
  _ = db.command;
  $ = _.aggregate;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  ldb.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const ids = (r: { data: any[] }) => r.data.map((d) => d._id);

describe('documents and EJSON', () => {
  test('add, doc().get, Date round trip, serverDate, generated _id', async () => {
    const when = new Date('2024-05-06T07:08:09.123Z');
    const before = Date.now();
    const r = await db.collection('things').add({
      data: { n: 3, f: 1.5, when, at: db.serverDate(), later: db.serverDate({ offset: 60_000 }), nested: { list: [1, 'a'] } },
    });
    const after = Date.now();
    expect(r._id).toMatch(/^[0-9a-f]{32}$/);
    const { data } = await db.collection('things').doc(r._id).get();
    expect(data.n).toBe(3);
    expect(data.f).toBe(1.5);
    expect(data.when).toBeInstanceOf(Date);
    expect(data.when.getTime()).toBe(when.getTime());
    expect(data.at).toBeInstanceOf(Date);
    expect(data.at.getTime()).toBeGreaterThanOrEqual(before);
    expect(data.at.getTime()).toBeLessThanOrEqual(after);
    expect(data.later.getTime() - data.at.getTime()).toBe(60_000);
    expect(data.nested).toEqual({ list: [1, 'a'] });
    // dates are queryable as dates
    const q = await db.collection('things').where({ when: _.gt(new Date('2024-01-01')).and(_.lt(new Date('2025-01-01'))) }).get();
    expect(ids(q)).toEqual([r._id]);
    expect((await db.collection('things').where({ at: _.lte(db.serverDate()) }).count()).total).toBe(1);
  });

  test('add with own _id; duplicate _id fails', async () => {
    await db.collection('things').add({ data: { _id: 'fixed', v: 1 } });
    await expect(db.collection('things').add({ data: { _id: 'fixed', v: 2 } })).rejects.toMatchObject({ errCode: -502001 });
    expect((await db.collection('things').doc('fixed').get()).data.v).toBe(1);
  });

  test('missing doc: get throws, reads of a never-written collection are empty', async () => {
    await expect(db.collection('things').doc('nope').get()).rejects.toThrow(/does not exist/);
    expect((await db.collection('never').get()).data).toEqual([]);
    expect((await db.collection('never').count()).total).toBe(0);
  });
});

describe('queries', () => {
  beforeAll(async () => {
    await db.collection('people').add({
      data: [
        { _id: 'p1', name: 'Ann', age: 30, city: 'SZ', tags: ['a', 'b'], addr: { city: 'Shenzhen', zip: '518000' }, nick: 'annie' },
        { _id: 'p2', name: 'Bob', age: 25, city: 'BJ', tags: ['b'], addr: { city: 'Beijing', zip: '100000' } },
        { _id: 'p3', name: 'Cid', age: 35, city: 'SZ', tags: ['c'], addr: { city: 'Shenzhen', zip: '518100' }, nick: null },
        { _id: 'p4', name: 'Dee', age: 25, city: 'SH', tags: [], addr: { city: 'Shanghai', zip: '200000' } },
        { _id: 'p5', name: 'eve', age: 40, city: 'SZ', tags: ['a'], addr: { city: 'Shenzhen', zip: '518200' } },
      ],
    });
  });
  const where = async (q: object) => ids(await db.collection('people').where(q).orderBy('_id', 'asc').get());

  test('comparison operators', async () => {
    expect(await where({ city: 'SZ' })).toEqual(['p1', 'p3', 'p5']);
    expect(await where({ city: _.eq('BJ') })).toEqual(['p2']);
    expect(await where({ city: _.neq('SZ') })).toEqual(['p2', 'p4']);
    expect(await where({ age: _.gt(30) })).toEqual(['p3', 'p5']);
    expect(await where({ age: _.gte(30) })).toEqual(['p1', 'p3', 'p5']);
    expect(await where({ age: _.lt(30) })).toEqual(['p2', 'p4']);
    expect(await where({ age: _.lte(25) })).toEqual(['p2', 'p4']);
    expect(await where({ city: _.in(['BJ', 'SH']) })).toEqual(['p2', 'p4']);
    expect(await where({ city: _.nin(['BJ', 'SH']) })).toEqual(['p1', 'p3', 'p5']);
    expect(await where({ tags: 'b' })).toEqual(['p1', 'p2']);
    expect(await where({ tags: _.in(['c', 'a']) })).toEqual(['p1', 'p3', 'p5']);
  });

  test('and, or, exists, dot paths, RegExp', async () => {
    expect(await where({ age: _.gt(20).and(_.lt(31)), city: 'SZ' })).toEqual(['p1']);
    expect(await where(_.and([{ city: 'SZ' }, { age: _.gte(35) }]))).toEqual(['p3', 'p5']);
    expect(await where(_.or([{ city: 'BJ' }, { age: _.gte(40) }]))).toEqual(['p2', 'p5']);
    expect(await where({ age: _.lt(26).or(_.gt(36)) })).toEqual(['p2', 'p4', 'p5']);
    expect(await where({ nick: _.exists(true) })).toEqual(['p1', 'p3']);
    expect(await where({ nick: _.exists(false) })).toEqual(['p2', 'p4', 'p5']);
    expect(await where({ 'addr.city': 'Shenzhen' })).toEqual(['p1', 'p3', 'p5']);
    expect(await where({ addr: { city: 'Beijing' } })).toEqual(['p2']);
    expect(await where({ 'addr.zip': _.gt('518050') })).toEqual(['p3', 'p5']);
    expect(await where({ name: db.RegExp({ regexp: '^[a-c]', options: 'i' }) })).toEqual(['p1', 'p2', 'p3']);
    expect(await where({ name: /^e/ })).toEqual(['p5']);
    expect(await where({ name: /^E/ })).toEqual([]);
  });

  test('orderBy several keys, skip, limit, field', async () => {
    const r = await db.collection('people').orderBy('age', 'asc').orderBy('name', 'desc').get();
    expect(r.data.map((d: any) => d.name)).toEqual(['Dee', 'Bob', 'Ann', 'Cid', 'eve']);
    const page = await db.collection('people').orderBy('age', 'desc').orderBy('_id', 'asc').skip(1).limit(2).get();
    expect(ids(page)).toEqual(['p3', 'p1']);
    const proj = await db.collection('people').where({ _id: 'p1' }).field({ name: true, 'addr.city': true }).get();
    expect(proj.data).toEqual([{ _id: 'p1', name: 'Ann', addr: { city: 'Shenzhen' } }]);
    const excl = await db.collection('people').doc('p2').field({ tags: false, addr: false, _id: false }).get();
    expect(excl.data).toEqual({ name: 'Bob', age: 25, city: 'BJ' });
    expect((await db.collection('people').where({ city: 'SZ' }).count()).total).toBe(3);
  });

  test('100 per get, pages via skip read everything', async () => {
    const docs = Array.from({ length: 250 }, (_x, i) => ({ i, even: i % 2 === 0 }));
    await db.collection('bulk').add({ data: docs });
    expect((await db.collection('bulk').count()).total).toBe(250);
    expect((await db.collection('bulk').get()).data).toHaveLength(100);
    expect((await db.collection('bulk').limit(500).get()).data).toHaveLength(100);
    const seen: number[] = [];
    for (let skip = 0; skip < 300; skip += 100) {
      const r = await db.collection('bulk').orderBy('i', 'asc').skip(skip).limit(100).get();
      seen.push(...r.data.map((d: any) => d.i));
    }
    expect(seen).toEqual(docs.map((d) => d.i));
    expect((await db.collection('bulk').where({ even: true }).count()).total).toBe(125);
  });
});

describe('updates', () => {
  const doc = async (id: string) => (await db.collection('upd').doc(id).get()).data;

  test('update operators on one doc', async () => {
    await db.collection('upd').add({
      data: {
        _id: 'u1', n: 1, m: 3, lo: 5, hi: 5, old: 'x', gone: 1, keep: 'k',
        arr: [3, 1], pulls: [1, 5, 7, 2], pa: [1, 2, 1, 3], set: ['a'], obj: { a: 1, b: 2 },
      },
    });
    const r = await db.collection('upd').doc('u1').update({
      data: {
        n: _.inc(2),
        m: _.mul(4),
        lo: _.min(2),
        hi: _.max(9),
        old: _.rename('renamed'),
        gone: _.remove(),
        arr: _.push({ each: [9, 8], position: 0, sort: -1, slice: 3 }),
        pulls: _.pull(_.gt(4)),
        pa: _.pullAll([1, 3]),
        set: _.addToSet({ $each: ['a', 'b'] }),
        obj: { b: 3, c: 4 },
        'deep.x.y': 'z',
        at: db.serverDate(),
      },
    });
    expect(r.stats.updated).toBe(1);
    const d = await doc('u1');
    expect(d).toMatchObject({
      n: 3, m: 12, lo: 2, hi: 9, renamed: 'x', keep: 'k',
      arr: [9, 8, 3], pulls: [1, 2], pa: [2], set: ['a', 'b'],
      obj: { a: 1, b: 3, c: 4 }, deep: { x: { y: 'z' } },
    });
    expect(d.old).toBeUndefined();
    expect(d.gone).toBeUndefined();
    expect(d.at).toBeInstanceOf(Date);

    await db.collection('upd').doc('u1').update({ data: { arr: _.push(['p']), obj: _.set({ only: true }), set: _.addToSet('c') } });
    expect(await doc('u1')).toMatchObject({ arr: [9, 8, 3, 'p'], obj: { only: true }, set: ['a', 'b', 'c'] });
    expect((await doc('u1')).obj.a).toBeUndefined();

    await db.collection('upd').doc('u1').update({ data: { arr: _.push({ each: ['first'], position: 0 }) } });
    expect((await doc('u1')).arr).toEqual(['first', 9, 8, 3, 'p']);
    const none = await db.collection('upd').doc('missing').update({ data: { n: 1 } });
    expect(none.stats.updated).toBe(0);
  });

  test('where().update is multi; set replaces; set upserts', async () => {
    await db.collection('upd').add({ data: [{ _id: 'w1', g: 1, v: 0 }, { _id: 'w2', g: 1, v: 0 }, { _id: 'w3', g: 2, v: 0 }] });
    const r = await db.collection('upd').where({ g: 1 }).update({ data: { v: _.inc(5) } });
    expect(r.stats.updated).toBe(2);
    expect((await db.collection('upd').where({ v: 5 }).orderBy('_id', 'asc').get()).data.map((d: any) => d._id)).toEqual(['w1', 'w2']);

    const s = await db.collection('upd').doc('w1').set({ data: { only: 'this', when: new Date(1000) } });
    expect(s.stats.updated).toBe(1);
    expect(await doc('w1')).toEqual({ _id: 'w1', only: 'this', when: new Date(1000) });

    const up = await db.collection('upd').doc('fresh').set({ data: { created: true } });
    expect(up._id).toBe('fresh');
    expect(await doc('fresh')).toEqual({ _id: 'fresh', created: true });
  });

  test('remove one and many', async () => {
    await db.collection('rm').add({ data: [{ _id: 'r1', k: 1 }, { _id: 'r2', k: 2 }, { _id: 'r3', k: 2 }, { _id: 'r4', k: 3 }] });
    expect((await db.collection('rm').doc('r1').remove()).stats.removed).toBe(1);
    expect((await db.collection('rm').doc('r1').remove()).stats.removed).toBe(0);
    expect((await db.collection('rm').where({ k: 2 }).remove()).stats.removed).toBe(2);
    expect(ids(await db.collection('rm').get())).toEqual(['r4']);
  });
});

describe('aggregate', () => {
  beforeAll(async () => {
    await db.collection('orders').add({
      data: [
        { _id: 'o1', cust: 'c1', amount: 10, items: ['x', 'y'] },
        { _id: 'o2', cust: 'c1', amount: 5, items: ['x'] },
        { _id: 'o3', cust: 'c2', amount: 7, items: [] },
        { _id: 'o4', cust: 'c3', amount: 1, items: ['z'] },
      ],
    });
    await db.collection('customers').add({ data: [{ _id: 'c1', name: 'One' }, { _id: 'c2', name: 'Two' }] });
  });

  test('match, group, sort, project, skip, limit, count', async () => {
    const r = await db.collection('orders').aggregate()
      .match({ amount: _.gt(2) })
      .group({ _id: '$cust', total: $.sum('$amount'), n: $.sum(1) })
      .sort({ total: -1 })
      .project({ _id: 0, cust: '$_id', total: 1, n: 1 })
      .end();
    expect(r.list).toEqual([{ cust: 'c1', total: 15, n: 2 }, { cust: 'c2', total: 7, n: 1 }]);
    const page = await db.collection('orders').aggregate().sort({ amount: 1 }).skip(1).limit(2).project({ amount: 1 }).end();
    expect(page.list).toEqual([{ _id: 'o2', amount: 5 }, { _id: 'o3', amount: 7 }]);
    const c = await db.collection('orders').aggregate().match({ cust: 'c1' }).count('n').end();
    expect(c.list).toEqual([{ n: 2 }]);
  });

  test('lookup, unwind, addFields', async () => {
    const r = await db.collection('orders').aggregate()
      .lookup({ from: 'customers', localField: 'cust', foreignField: '_id', as: 'customer' })
      .unwind('$customer')
      .addFields({ who: '$customer.name', double: $.multiply(['$amount', 2]) })
      .project({ who: 1, double: 1 })
      .sort({ _id: 1 })
      .end();
    expect(r.list).toEqual([
      { _id: 'o1', who: 'One', double: 20 },
      { _id: 'o2', who: 'One', double: 10 },
      { _id: 'o3', who: 'Two', double: 14 },
    ]);
    const items = await db.collection('orders').aggregate().unwind('$items').group({ _id: '$items', n: $.sum(1) }).sort({ _id: 1 }).end();
    expect(items.list).toEqual([{ _id: 'x', n: 2 }, { _id: 'y', n: 1 }, { _id: 'z', n: 1 }]);
  });

  test('aggregate without limit returns at most 20 (platform default)', async () => {
    expect((await db.collection('bulk').aggregate().match({}).end()).list).toHaveLength(20);
    expect((await db.collection('bulk').aggregate().match({}).limit(1000).end()).list).toHaveLength(250);
  });
});

describe('declared indexes change what is read, never what is answered', () => {
  const day = (d: number) => new Date(Date.UTC(2026, 10, d));
  const people = [
    { _id: 'i1', name: 'Ann', age: 30, city: 'SZ', tags: ['a', 'b'], addr: { city: 'Shenzhen' }, nick: 'annie', when: day(3), kids: [{ name: 'Kay' }, { name: 'Lu' }] },
    { _id: 'i2', name: 'Bob', age: 25, city: 'BJ', tags: ['b'], addr: { city: 'Beijing' }, when: day(1), kids: [] },
    { _id: 'i3', name: 'Cid', age: 35, city: 'SZ', tags: ['c'], addr: { city: 'Shenzhen' }, nick: null, when: day(5) },
    { _id: 'i4', name: 'Dee', age: 25, city: 'SH', tags: [], addr: { city: 'Shanghai' }, when: null, kids: [{ name: 'Kay' }] },
    { _id: 'i5', name: 'eve', age: 40, city: 'SZ', tags: 'a', addr: null, when: day(2) },
    { _id: 'i6', name: 'Fay', age: '30', city: null, tags: [['a']], kids: [{ name: null }] },
    { _id: 'i7', name: 'Gus', city: 'SZ', tags: ['a', null], addr: [{ city: 'Shenzhen' }, { city: 'Beijing' }], when: day(4) },
  ];
  const indexed = () => db.collection('ix_on');
  const plain = () => db.collection('ix_off');
  beforeAll(async () => {
    // declared before some documents and after others: both are indexed
    await indexed().add({ data: people.slice(0, 3) });
    const indexes: Array<Record<string, 1 | -1>> = [{ city: 1, age: 1 }, { tags: 1 }, { 'addr.city': 1 }, { when: -1 }, { nick: 1 }, { 'kids.name': 1 }];
    for (const keys of indexes) ldb.ensureIndex('ix_on', { keys });
    await indexed().add({ data: people.slice(3) });
    await plain().add({ data: people });
  });

  const asks: Array<[string, (c: any) => Promise<unknown>]> = [
    ['equality', (c) => c.where({ city: 'SZ' }).get()],
    ['compound prefix and range', (c) => c.where({ city: 'SZ', age: _.gte(30) }).get()],
    ['_.in', (c) => c.where({ city: _.in(['BJ', 'SH', null]) }).get()],
    ['_.gt on a number', (c) => c.where({ age: _.gt(25) }).get()],
    ['_.lte on a number stored as a string too', (c) => c.where({ age: _.lte('30') }).get()],
    ['_.neq', (c) => c.where({ city: _.neq('SZ') }).get()],
    ['_.exists', (c) => c.where({ nick: _.exists(true) }).get()],
    ['null matches null and missing', (c) => c.where({ nick: null }).get()],
    ['null on a compound index', (c) => c.where({ city: null }).get()],
    ['dot path', (c) => c.where({ 'addr.city': 'Shenzhen' }).get()],
    ['dot path through an array', (c) => c.where({ 'addr.city': 'Beijing' }).get()],
    ['an array field matches any element', (c) => c.where({ tags: 'a' }).get()],
    ['an array holding null', (c) => c.where({ tags: null }).get()],
    ['an array field with _.in', (c) => c.where({ tags: _.in(['c', 'b']) }).get()],
    ['array of objects by dot path', (c) => c.where({ 'kids.name': 'Kay' }).get()],
    ['Date range', (c) => c.where({ when: _.gt(day(1)).and(_.lt(day(5))) }).get()],
    ['Date equality', (c) => c.where({ when: day(2) }).get()],
    ['_.or of indexed branches', (c) => c.where(_.or([{ city: 'BJ' }, { age: _.gte(40) }])).get()],
    ['_.or with an unindexed branch', (c) => c.where(_.or([{ city: 'BJ' }, { name: 'Dee' }])).get()],
    ['field-level or', (c) => c.where({ age: _.lt(26).or(_.gt(36)) }).get()],
    ['_.and', (c) => c.where(_.and([{ city: 'SZ' }, { tags: 'a' }])).get()],
    ['ordered, skipped, limited', (c) => c.where({ city: _.in(['SZ', 'BJ']) }).orderBy('age', 'desc').orderBy('_id', 'asc').skip(1).limit(3).get()],
    ['projected', (c) => c.where({ tags: 'b' }).field({ name: true }).get()],
    ['count', (c) => c.where({ city: 'SZ', age: _.lt(40) }).count()],
    ['aggregate opening with $match', (c) => c.aggregate().match({ city: 'SZ' }).sort({ name: -1 }).project({ name: 1 }).end()],
    ['aggregate $match on an array field', (c) => c.aggregate().match({ tags: 'a' }).group({ _id: '$city', n: $.sum(1) }).sort({ _id: 1 }).end()],
  ];
  test.each(asks)('%s', async (_label, ask) => {
    expect(await ask(indexed())).toEqual(await ask(plain()));
  });

  test('an indexed query, count, update and remove read only the documents they match', async () => {
    const readBy = async (ask: () => Promise<unknown>) => {
      const before = ldb.documentsExamined();
      await ask();
      return ldb.documentsExamined() - before;
    };
    const size = people.length;
    expect(await readBy(() => indexed().where({ city: 'SZ' }).get())).toBe(4);
    expect(await readBy(() => plain().where({ city: 'SZ' }).get())).toBe(size);
    expect(await readBy(() => indexed().where({ city: 'SZ', age: _.gte(35) }).count())).toBe(2);
    expect(await readBy(() => indexed().where({ tags: _.in(['b', 'c']) }).count())).toBe(3);
    expect(await readBy(() => indexed().where({ when: _.gte(day(4)) }).get())).toBe(2);
    expect(await readBy(() => indexed().where(_.or([{ city: 'BJ' }, { 'kids.name': 'Kay' }])).get())).toBe(3);
    // each branch of an $or narrowed by the conditions beside it: city SZ or BJ, then age ≥ 35 on the (city, age) index
    expect(await readBy(() => indexed().where(_.and([_.or([{ city: 'SZ' }, { city: 'BJ' }]), { age: _.gte(35) }])).get())).toBe(2);
    expect(await readBy(() => indexed().where({ name: 'Dee' }).get())).toBe(size); // no index on name: the full scan
    expect(await readBy(() => indexed().where({ city: 'SH' }).update({ data: { seen: true } }))).toBe(1);
    expect(await readBy(() => plain().where({ city: 'SH' }).update({ data: { seen: true } }))).toBe(size);
    expect(await readBy(() => indexed().aggregate().match({ 'addr.city': 'Beijing' }).end())).toBe(2);
    expect((await indexed().where({ seen: true }).get()).data.map((d: any) => d._id)).toEqual(['i4']);
    const added = await indexed().add({ data: { city: 'GZ', age: 1 } });
    expect(await readBy(() => indexed().where({ city: 'GZ' }).remove())).toBe(1);
    expect((await indexed().doc(added._id).get().catch(() => null))).toBeNull();
  });
});

describe('unique index', () => {
  test('a duplicate code writes nothing', async () => {
    await db.collection('grids').add({ data: [{ _id: 'g1', code: 'ZC-001' }, { _id: 'g2', code: 'ZC-002' }] });
    ldb.ensureUniqueIndex('grids', 'code');
    await expect(db.collection('grids').add({ data: { code: 'ZC-001' } })).rejects.toMatchObject({
      errCode: -502001,
      errMsg: expect.stringMatching(/E11000 duplicate key.*code/),
    });
    await expect(db.collection('grids').add({ data: [{ code: 'ZC-003' }, { code: 'ZC-002' }] })).rejects.toMatchObject({ errCode: -502001 });
    await expect(db.collection('grids').doc('g2').update({ data: { code: 'ZC-001' } })).rejects.toMatchObject({ errCode: -502001 });
    await expect(db.collection('grids').doc('g9').set({ data: { code: 'ZC-002' } })).rejects.toMatchObject({ errCode: -502001 });
    const all = await db.collection('grids').orderBy('_id', 'asc').get();
    expect(all.data).toEqual([{ _id: 'g1', code: 'ZC-001' }, { _id: 'g2', code: 'ZC-002' }]);
    await db.collection('grids').doc('g2').update({ data: { code: 'ZC-004' } });
    await db.collection('grids').add({ data: { code: 'ZC-002' } });
    expect((await db.collection('grids').count()).total).toBe(3);
  });
});

describe('transactions', () => {
  beforeAll(async () => {
    await db.collection('acct').add({ data: [{ _id: 'a', bal: 100 }, { _id: 'b', bal: 0 }, { _id: 'c', bal: 1 }] });
  });
  const bal = async (id: string) => (await db.collection('acct').doc(id).get()).data.bal;

  test('runTransaction commits doc get/update/set/remove and add', async () => {
    const out = await db.runTransaction(async (t: any) => {
      const a = (await t.collection('acct').doc('a').get()).data;
      await t.collection('acct').doc('a').update({ data: { bal: _.inc(-30) } });
      await t.collection('acct').doc('b').update({ data: { bal: _.inc(30) } });
      await t.collection('acct').doc('log1').set({ data: { from: 'a', amount: 30 } });
      const added = await t.collection('acct').add({ data: { note: 'added in tx' } });
      await t.collection('acct').doc('c').remove();
      // reads inside see own writes
      expect((await t.collection('acct').doc('a').get()).data.bal).toBe(70);
      return { before: a.bal, added: added._id };
    });
    expect(out.before).toBe(100);
    expect(await bal('a')).toBe(70);
    expect(await bal('b')).toBe(30);
    expect((await db.collection('acct').doc('log1').get()).data).toEqual({ _id: 'log1', from: 'a', amount: 30 });
    expect((await db.collection('acct').doc(out.added).get()).data.note).toBe('added in tx');
    expect((await db.collection('acct').where({ _id: 'c' }).get()).data).toEqual([]);
  });

  test('a throw inside runTransaction rolls back every write', async () => {
    await expect(
      db.runTransaction(async (t: any) => {
        await t.collection('acct').doc('a').update({ data: { bal: _.inc(-50) } });
        await t.collection('acct').doc('b').set({ data: { bal: 999 } });
        await t.collection('acct').add({ data: { _id: 'ghost' } });
        await t.collection('acct').doc('log1').remove();
        await t.collection('newcoll').add({ data: { x: 1 } });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await bal('a')).toBe(70);
    expect(await bal('b')).toBe(30);
    expect((await db.collection('acct').where({ _id: 'ghost' }).count()).total).toBe(0);
    expect((await db.collection('acct').doc('log1').get()).data.amount).toBe(30);
    expect((await db.collection('newcoll').count()).total).toBe(0);
  });

  test('uncommitted writes are invisible to concurrent readers; rollback discards them', async () => {
    const t = await db.startTransaction();
    await t.collection('acct').doc('a').update({ data: { bal: 1 } });
    await t.collection('acct').add({ data: { _id: 'pending' } });
    expect(await bal('a')).toBe(70);
    expect((await db.collection('acct').where({ _id: 'pending' }).count()).total).toBe(0);
    expect((await t.collection('acct').doc('a').get()).data.bal).toBe(1);
    await t.commit();
    expect(await bal('a')).toBe(1);
    expect((await db.collection('acct').where({ _id: 'pending' }).count()).total).toBe(1);

    const t2 = await db.startTransaction();
    await t2.collection('acct').doc('a').update({ data: { bal: 555 } });
    await t2.rollback();
    expect(await bal('a')).toBe(1);
  });

  test('concurrent read-modify-write transactions do not lose updates (conflict + retry)', async () => {
    await db.collection('acct').add({ data: { _id: 'counter', n: 0 } });
    const bump = () =>
      db.runTransaction(async (t: any) => {
        const cur = (await t.collection('acct').doc('counter').get()).data.n;
        await new Promise((r) => setTimeout(r, 20));
        await t.collection('acct').doc('counter').update({ data: { n: cur + 1 } });
      });
    const from = log.length;
    await Promise.all([bump(), bump()]);
    expect((await db.collection('acct').doc('counter').get()).data.n).toBe(2);
    const commits = log.slice(from).filter((l) => l.action === 'database.commitTransaction');
    expect(commits.map((c) => c.code ?? 'ok').sort()).toEqual(['DATABASE_TRANSACTION_CONFLICT', 'ok', 'ok']);
  });

  test('a transaction that found a document missing conflicts with one that created it meanwhile', async () => {
    const reader = await db.startTransaction();
    await expect(reader.collection('acct').doc('fresh').get()).rejects.toThrow(/does not exist/);
    await db.runTransaction(async (t: any) => {
      await t.collection('acct').doc('fresh').set({ data: { seq: 1 } });
    });
    // the reader still believes "fresh" is absent: starting it at 1 again must not commit
    await reader.collection('acct').doc('fresh').set({ data: { seq: 1 } });
    await expect(reader.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
  });
});

describe('the local cloud’s clock', () => {
  test('serverDate() is the time of the clock the database is given, not real time', async () => {
    const moved = Date.parse('2030-09-30T11:50:00Z');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridlink-db-clock-'));
    const clocked = openDatabase({ file: path.join(dir, 'db.sqlite'), now: () => moved });
    try {
      const serverDate = (offset: number) => JSON.stringify({ at: { $tcb_server_date: { offset } } });
      await clocked.handle('database.insertDocument', { collectionName: 'things', data: [serverDate(0), serverDate(60_000)] });
      expect(clocked.find('things').map((d: any) => d.at.toISOString())).toEqual(['2030-09-30T11:50:00.000Z', '2030-09-30T11:51:00.000Z']);
    } finally {
      clocked.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
