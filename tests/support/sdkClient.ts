// Runs the real wx-server-sdk against a local cloud, outside jest's module sandbox:
//   tsx sdkClient.ts write <url> <collection> <count>   prints one line per acknowledged insert
//   tsx sdkClient.ts read  <url> <collection>           prints the ids stored, paging by 100
import { openCloudDb } from './cloudDb';

const [mode, url, collection, count] = process.argv.slice(2);
const db = openCloudDb(url);

async function write(total: number) {
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const n = next++;
      const { _id } = (await db.collection(collection).add({ data: { n, note: `第${n}条`, at: db.serverDate() } })) as { _id: string };
      process.stdout.write(`${JSON.stringify({ _id, n })}\n`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

async function read() {
  const ids: string[] = [];
  for (;;) {
    const { data } = (await db.collection(collection).orderBy('n', 'asc').skip(ids.length).limit(100).get()) as { data: Array<{ _id: string }> };
    ids.push(...data.map((d) => d._id));
    if (data.length < 100) break;
  }
  process.stdout.write(JSON.stringify(ids));
}

(mode === 'write' ? write(Number(count)) : read()).catch((error: unknown) => {
  process.stderr.write(String(error));
  process.exit(1);
});
