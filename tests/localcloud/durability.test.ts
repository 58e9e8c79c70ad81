import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { LocalCloud } from '../support/localCloud';

const ROOT = resolve(__dirname, '..', '..');
const CLIENT = join(ROOT, 'tests', 'support', 'sdkClient.ts');

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await LocalCloud.start();
});
afterAll(() => cloud.stop());

it('a local cloud killed mid-write keeps every write it acknowledged', async () => {
  const writer = spawn(process.execPath, ['--import', 'tsx', CLIENT, 'write', cloud.url, 'durability', '5000'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const acknowledged: string[] = [];
  const writerExited = new Promise((done) => writer.once('exit', done));
  let pending = '';
  await new Promise<void>((done) => {
    writer.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) acknowledged.push(JSON.parse(line)._id);
      if (acknowledged.length >= 200) done();
    });
  });
  // SIGKILL while the writer still has writes in flight: no shutdown hook, no flush.
  await cloud.kill();
  const killedAt = acknowledged.length;
  await writerExited;

  await cloud.restart();
  const reader = spawn(process.execPath, ['--import', 'tsx', CLIENT, 'read', cloud.url, 'durability'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const readerExited = new Promise((done) => reader.once('exit', done));
  let out = '';
  reader.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await readerExited;
  const stored = new Set<string>(JSON.parse(out));

  expect(killedAt).toBeGreaterThanOrEqual(200);
  expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  expect(stored.size).toBeLessThan(5000);
}, 60_000);
