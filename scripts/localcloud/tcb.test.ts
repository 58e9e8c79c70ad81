import * as http from 'http';
import { prepareSdkEnv, startHarness, loadSdk, type Harness } from './testing/sdkHarness';
import { isLoopback, parseAdminPath } from './tcb';

prepareSdkEnv();

let h: Harness;
let cloud: any;
const seen: Array<{ action: string; body: Record<string, any> }> = [];

beforeAll(async () => {
  h = await startHarness({
    database: {
      async handle(action, body) {
        seen.push({ action, body });
        if (body.collectionName === 'missing') return { code: 'DATABASE_COLLECTION_NOT_EXIST', message: 'no such collection' };
        if (body.collectionName === 'boom') throw new Error('engine exploded');
        if (action === 'database.getDocument') return { data: { list: ['{"_id":"d1","n":{"$numberInt":"3"}}'] } };
        if (action === 'database.insertDocument') return { data: { insertedIds: ['new-id'] } };
        return { data: {} };
      },
    },
  });
  cloud = loadSdk();
});
afterAll(async () => { await h.close(); });
beforeEach(() => h.useCallId());

test('database requests reach the database with the parsed body, and are counted per callId', async () => {
  h.useCallId('call-db-7');
  const db = cloud.database();
  const res = await db.collection('appeals').where({ n: db.command.gt(2) }).get();
  expect(res.data).toEqual([{ _id: 'd1', n: 3 }]);
  const added = await db.collection('appeals').add({ data: { title: 't' } });
  expect(added._id).toBe('new-id');
  expect(seen.map((s) => s.action)).toEqual(['database.getDocument', 'database.insertDocument']);
  expect(seen[0].body).toMatchObject({ action: 'database.getDocument', collectionName: 'appeals', queryType: 'WHERE', envName: 'local-env' });
  expect(h.roundTrips).toEqual([
    { callId: 'call-db-7', action: 'database.getDocument' },
    { callId: 'call-db-7', action: 'database.insertDocument' },
  ]);
});

test('a database error reply becomes the SDK error code', async () => {
  await expect(cloud.database().collection('missing').get()).rejects.toMatchObject({ errCode: -502005 });
});

test('a throwing database becomes an SDK error (HTTP 200 SYS_ERR), not a hung request', async () => {
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  await expect(cloud.database().collection('boom').get()).rejects.toMatchObject({ errCode: -501001 });
  spy.mockRestore();
});

test('an unsupported action is an error the SDK surfaces', async () => {
  // The node-sdk throws a TcbError carrying our code; wx-server-sdk leaves errCode -1 for it, as with the real cloud.
  await expect(cloud.callFunction({ name: 'other', data: {} })).rejects.toMatchObject({ code: 'INVALID_PARAM', errMsg: expect.stringContaining('functions.invokeFunction') });
});

test('malformed bodies and wrong methods answer JSON errors', async () => {
  const post = (body: string, method = 'POST') => new Promise<{ status: number; json: any }>((resolve, reject) => {
    const req = http.request(`${h.origin}/admin?env=local-env&seqId=1`, { method, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (c) => { text += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
  expect(await post('not json')).toMatchObject({ status: 200, json: { code: 'INVALID_PARAM' } });
  expect(await post('{"no":"action"}')).toMatchObject({ status: 200, json: { code: 'INVALID_PARAM' } });
  expect(await post('', 'GET')).toMatchObject({ status: 200, json: { code: 'INVALID_PARAM' } });
});

test('helpers', () => {
  expect(parseAdminPath('/admin?env=e&seqId=1')).toEqual({});
  expect(parseAdminPath('/admin/c/abc-1?env=e')).toEqual({ callId: 'abc-1' });
  expect(parseAdminPath('/admin/x/y')).toBeNull();
  expect(parseAdminPath('/api/fn/x')).toBeNull();
  expect(isLoopback('127.0.0.1')).toBe(true);
  expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
  expect(isLoopback('::1')).toBe(true);
  expect(isLoopback('192.168.1.4')).toBe(false);
  expect(isLoopback(undefined)).toBe(false);
});
