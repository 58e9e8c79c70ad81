import { LocalCloud } from '../../tests/support/localCloud';
import { openCloudDb } from '../../tests/support/cloudDb';
let cloud: LocalCloud;
beforeAll(async () => { cloud = await LocalCloud.start(); });
afterAll(() => cloud.stop());
it('scratch', async () => {
  const db: any = openCloudDb(cloud.url);
  const log: string[] = [];
  async function next(i: number) {
    let attemptNo = 0;
    return db.runTransaction(async (t: any) => {
      attemptNo++;
      const ref = t.collection('counters').doc('k');
      const current = await ref.get().then((r: any) => r.data?.seq ?? 0, (e: any) => { log.push(`${i}.${attemptNo} read failed ${e.message ?? e.code}`); return 0; });
      log.push(`${i}.${attemptNo} read ${current}`);
      await ref.set({ data: { seq: current + 1 } });
      return current + 1;
    }).then((v: number) => { log.push(`${i} => ${v}`); return v; }, (e: any) => { log.push(`${i} FAILED ${e.code} ${e.message}`); return -1; });
  }
  for (let round = 0; round < 3; round++) {
    const vals = await Promise.all(Array.from({ length: 10 }, (_, i) => next(i)));
    console.log(vals.join(' '), (await db.collection('counters').doc('k').get()).data);
  }
  console.log(log.join('\n'));
});
