import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import { prepareSdkEnv, startHarness, loadSdk, type Harness, ENV_ID } from './testing/sdkHarness';
import { bucketFor, cloudPathError, parseFileId, contentTypeFor } from './storage';

prepareSdkEnv();

let h: Harness;
let cloud: any;
let clock = Date.now();

beforeAll(async () => {
  h = await startHarness({ storageNow: () => clock });
  cloud = loadSdk();
});
afterAll(async () => { await h.close(); });
beforeEach(() => { clock = Date.now(); h.useCallId(); });

function rawRequest(method: string, url: string, headers: Record<string, string> = {}, body?: Buffer): Promise<{ status: number; body: Buffer; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('storage through the real wx-server-sdk', () => {
  const bytes = crypto.randomBytes(200_000);
  const cloudPath = 'appeals/2025/现场 照片-1.png';
  let fileID: string;

  test('uploadFile stores the bytes and returns a CloudBase-style fileID', async () => {
    const res = await cloud.uploadFile({ cloudPath, fileContent: bytes });
    fileID = res.fileID;
    expect(fileID).toBe(`cloud://${ENV_ID}.${bucketFor(ENV_ID)}/${cloudPath}`);
    expect(bucketFor(ENV_ID)).toBe('6c6f-local-env-1300000000');
    expect(res.statusCode).toBe(-1); // node-sdk 3.17 never calls onResponseReceived: -1 in the real cloud too
    const onDisk = h.storage.localPath(fileID);
    expect(onDisk).not.toBeNull();
    expect(fs.readFileSync(onDisk!).equals(bytes)).toBe(true);
  });

  test('getTempFileURL gives a URL that serves the identical bytes with the right content-type', async () => {
    const res = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 120 }] });
    expect(res.fileList).toHaveLength(1);
    const item = res.fileList[0];
    expect(item).toMatchObject({ fileID, status: 0, errMsg: 'ok', maxAge: 120 });
    expect(item.tempFileURL.startsWith(`${h.origin}/storage/${ENV_ID}/appeals/2025/`)).toBe(true);
    const got = await fetch(encodeURI(item.tempFileURL));
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);

    // HEAD answers the size (getFileInfo uses it)
    const head = await fetch(encodeURI(item.tempFileURL), { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe(String(bytes.length));
  });

  test('a string fileList entry works too and the default maxAge is a day', async () => {
    const res = await cloud.getTempFileURL({ fileList: [fileID] });
    expect(res.fileList[0]).toMatchObject({ status: 0, maxAge: 86400 });
  });

  test('downloadFile returns the identical bytes', async () => {
    const res = await cloud.downloadFile({ fileID });
    expect(Buffer.isBuffer(res.fileContent)).toBe(true);
    expect(res.fileContent.equals(bytes)).toBe(true);
  });

  test('a temp URL with a forged sign or past its expiry is refused', async () => {
    const { fileList: [item] } = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] });
    const forged = item.tempFileURL.replace(/sign=[0-9a-f]{4}/, 'sign=0000');
    expect((await fetch(encodeURI(forged))).status).toBe(403);
    const noSign = encodeURI(item.tempFileURL.split('?')[0]);
    expect((await fetch(noSign)).status).toBe(403);
    clock += 61_000;
    const expired = await fetch(encodeURI(item.tempFileURL));
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('<Code>AccessDenied</Code>');
  });

  test('deleteFile removes the file; the old temp URL 404s and getTempFileURL reports it missing', async () => {
    const { fileList: [before] } = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 600 }] });
    const path = h.storage.localPath(fileID)!;
    const res = await cloud.deleteFile({ fileList: [fileID] });
    expect(res.fileList).toEqual([{ fileID, status: 0, errMsg: 'ok' }]);
    expect(fs.existsSync(path)).toBe(false);
    expect(h.storage.localPath(fileID)).toBeNull();
    expect((await fetch(encodeURI(before.tempFileURL))).status).toBe(404);
    const after = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 600 }] });
    expect(after.fileList[0]).toMatchObject({ fileID, status: -503003, tempFileURL: '' });
    const again = await cloud.deleteFile({ fileList: [fileID] });
    expect(again.fileList[0]).toMatchObject({ fileID, status: -503003 });
    await expect(cloud.downloadFile({ fileID })).rejects.toBeTruthy();
  });

  test('text files get a text content-type; re-upload overwrites', async () => {
    const { fileID: id } = await cloud.uploadFile({ cloudPath: 'notes/a.txt', fileContent: Buffer.from('一') });
    await cloud.uploadFile({ cloudPath: 'notes/a.txt', fileContent: Buffer.from('二二') });
    const { fileList: [item] } = await cloud.getTempFileURL({ fileList: [id] });
    const got = await fetch(encodeURI(item.tempFileURL));
    expect(got.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await got.text()).toBe('二二');
  });

  test('uploadFile from a ReadStream works', async () => {
    const src = `${h.dir}/src.bin`;
    const data = crypto.randomBytes(70_000);
    fs.writeFileSync(src, data);
    const { fileID: id } = await cloud.uploadFile({ cloudPath: 'streams/s.bin', fileContent: fs.createReadStream(src) });
    const { fileContent } = await cloud.downloadFile({ fileID: id });
    expect(fileContent.equals(data)).toBe(true);
  });
});

describe('path traversal and bad input', () => {
  test.each(['../evil.txt', 'a/../../evil.txt', '/abs.txt', 'a//b.txt', 'a\\..\\b.txt', 'a/./b.txt', 'x%2f..%2fy', ''])(
    'uploadFile refuses cloudPath %j',
    async (bad) => {
      await expect(cloud.uploadFile({ cloudPath: bad, fileContent: Buffer.from('x') })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    },
  );

  test('nothing was written outside the storage dir', () => {
    expect(fs.existsSync(`${h.dir}/evil.txt`)).toBe(false);
    expect(fs.existsSync(`${h.dir}/storage/evil.txt`)).toBe(false);
  });

  test('fileIDs with traversal, a foreign bucket or a bad shape are refused per item', async () => {
    const res = await cloud.getTempFileURL({
      fileList: [
        `cloud://${ENV_ID}.${bucketFor(ENV_ID)}/../../etc/passwd`,
        `cloud://${ENV_ID}.someone-elses-bucket/a.png`,
        'https://example.com/a.png',
      ],
    });
    expect(res.fileList.map((f: any) => f.status)).toEqual([-501007, -503002, -501007]);
    expect(res.fileList.every((f: any) => f.tempFileURL === '')).toBe(true);
    const del = await cloud.deleteFile({ fileList: [`cloud://${ENV_ID}.${bucketFor(ENV_ID)}/../.sign-key`] });
    expect(del.fileList[0].status).toBe(-501007);
    expect(fs.existsSync(`${h.dir}/storage/.sign-key`)).toBe(true);
  });

  test('byte routes refuse traversal and unsigned uploads', async () => {
    for (const p of ['/storage/local-env/..%2F.sign-key', '/storage/local-env/a/%2E%2E/%2E%2E/.sign-key', '/storage/..%2F..%2Fetc/passwd', '/storage/local-env/']) {
      const r = await rawRequest('GET', `${h.origin}${p}?sign=x&t=9999999999`);
      expect([400, 403]).toContain(r.status);
    }
    const put = await rawRequest('PUT', `${h.origin}/storage/local-env/forged.txt`, { authorization: 'q-sign-time=9999999999&q-signature=abcd' }, Buffer.from('x'));
    expect(put.status).toBe(403);
    expect(put.body.toString()).toContain('SignatureDoesNotMatch');
    expect(h.storage.localPath(`cloud://${ENV_ID}.${bucketFor(ENV_ID)}/forged.txt`)).toBeNull();
  });
});

describe('pure helpers', () => {
  test('cloudPathError / parseFileId / contentTypeFor', () => {
    expect(cloudPathError('a/b/c.png')).toBeNull();
    expect(cloudPathError('中文/文件 1.jpg')).toBeNull();
    expect(cloudPathError('a/..')).not.toBeNull();
    expect(cloudPathError('a?b')).not.toBeNull();
    expect(cloudPathError('x'.repeat(851))).not.toBeNull();
    expect(parseFileId('cloud://local-env.6c6f-local-env-1300000000/a/b.png')).toEqual({ env: 'local-env', bucket: '6c6f-local-env-1300000000', cloudPath: 'a/b.png' });
    expect(parseFileId('cloud://local-env.b/../x')).toBeNull();
    expect(contentTypeFor('a/B.JPG')).toBe('image/jpeg');
    expect(contentTypeFor('a/b')).toBe('application/octet-stream');
  });
});
