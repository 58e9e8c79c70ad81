import { spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { EJSON } from 'bson';
import { openDatabase } from './index';

jest.setTimeout(30_000);

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gridlink-db-reopen-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('reopening the same file after close shows every write', async () => {
  const file = path.join(tmp, 'nested', 'db.sqlite');
  const a = openDatabase({ file });
  expect(a.isEmpty()).toBe(true);
  a.insertMany('grids', [{ _id: 'g1', code: 'A', at: new Date(5) }, { code: 'B' }]);
  await a.handle('database.modifyDocument', {
    collectionName: 'grids', queryType: 'DOC', query: '{"_id":"g1"}', multi: false, merge: true, upsert: false,
    data: EJSON.stringify({ $set: { n: 2 }, $push: { list: { $each: [1, 2] } } }, { relaxed: false }),
  });
  const ins = await a.handle('database.insertDocument', { collectionName: 'other', data: ['{"x":{"$numberInt":"1"}}'] });
  await a.handle('database.removeDocument', { collectionName: 'grids', queryType: 'WHERE', query: '{"code":"B"}', multi: true });
  a.close();

  const b = openDatabase({ file });
  expect(b.isEmpty()).toBe(false);
  expect(b.find('grids')).toEqual([{ _id: 'g1', code: 'A', at: new Date(5), n: 2, list: [1, 2] }]);
  expect(b.find('other')).toEqual([{ _id: ins.data.insertedIds[0], x: 1 }]);
  expect(b.find('grids', { code: 'Z' })).toEqual([]);
  b.close();
});

test('an acknowledged write survives SIGKILL of the process that made it', async () => {
  const file = path.join(tmp, 'db.sqlite');
  const script = `
    const { openDatabase } = require(${JSON.stringify(path.join(__dirname, 'index.ts'))});
    const db = openDatabase({ file: ${JSON.stringify(file)} });
    (async () => {
      for (let i = 0; i < 20; i++) {
        await db.handle('database.insertDocument', { collectionName: 'k', data: [JSON.stringify({ _id: 'd' + i, i })] });
      }
      process.stdout.write('acked\\n');
      setInterval(() => {}, 1000); // stay alive until killed, never close()
    })();`;
  // plain node with tsx's require hook (the tsx CLI would put a second process in between)
  const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const closed = new Promise((r) => child.on('close', r));
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (c) => String(c).includes('acked') && resolve());
      child.on('exit', (code) => reject(new Error('child exited early: ' + code)));
    });
  } finally {
    child.kill('SIGKILL');
    await closed;
  }
  const db = openDatabase({ file });
  expect(db.find('k').map((d: any) => d.i)).toEqual(Array.from({ length: 20 }, (_x, i) => i));
  db.close();
});

test('transaction never committed expires and writes nothing', async () => {
  const db = openDatabase({ file: path.join(tmp, 'db.sqlite'), transactionTimeoutMs: 50 });
  db.insertMany('c', [{ _id: 'a', n: 1 }]);
  const { transactionId } = await db.handle('database.startTransaction', {});
  await db.handle('database.modifyDocument', {
    collectionName: 'c', transactionId, queryType: 'DOC', query: '{"_id":"a"}', multi: false, merge: true, data: '{"$set":{"n":{"$numberInt":"2"}}}',
  });
  await new Promise((r) => setTimeout(r, 120));
  const late = await db.handle('database.commitTransaction', { transactionId });
  expect(late.code).toBe('DATABASE_REQUEST_FAILED');
  expect(db.find('c')).toEqual([{ _id: 'a', n: 1 }]);
  db.close();
});
