/**
 * A submit carries a client-made requestId; a retry carries the same one (notes-platform
 * check 9). However often and however simultaneously it arrives, there is one appeal, and
 * every appeal has its own number GS-YYYYMMDD-NNNN, counted per street per Shanghai day.
 */
import type { DB } from 'wx-server-sdk/index';
import type { AppealDetail } from '../../types/appeal';
import { appeal, appealInput, chiefOf, communityOf, expectRefusal, fileAppeal, grantConsents, newRequestId, newResident, okData } from '../../tests/support/appealKit';
import { count, readAll } from '../../tests/support/cloudDb';
import { LocalCloud, openLocalCloud } from '../../tests/support/localCloud';

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => ({ cloud, db } = await openLocalCloud()));
afterAll(() => cloud.stop());

const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' }).replace(/-/g, '');
const seqOf = (number: string) => Number(number.slice(-4));

/** Sends the same calls at the same moment. */
const together = <T>(n: number, call: () => Promise<T>) => Promise.all(Array.from({ length: n }, call));

describe('the same requestId', () => {
  it('sent twice, one after the other, answers with the same appeal and number', async () => {
    const resident = newResident();
    const input = appealInput();
    const first = await fileAppeal(cloud, resident, input);
    const again = await fileAppeal(cloud, resident, input);
    expect([again.id, again.number]).toEqual([first.id, first.number]);
    expect(await count(db, 'appeals', { residentOpenid: resident })).toBe(1);
  });

  it('sent again with different content still answers with the first appeal, unchanged', async () => {
    const resident = newResident();
    const requestId = newRequestId();
    const first = await fileAppeal(cloud, resident, { requestId, content: '第一次提交的内容：楼道灯不亮' });
    const again = await fileAppeal(cloud, resident, { requestId, content: '第二次提交的内容：完全不同' });
    expect(again).toMatchObject({ id: first.id, number: first.number, content: '第一次提交的内容：楼道灯不亮' });
  });

  it('from another resident is another appeal: a requestId never reaches someone else’s appeal', async () => {
    const requestId = newRequestId();
    const mine = await fileAppeal(cloud, newResident('a'), { requestId, content: '甲居民的诉求内容，含有个人信息' });
    const theirs = await fileAppeal(cloud, newResident('b'), { requestId, content: '乙居民的诉求内容' });
    expect(theirs.id).not.toBe(mine.id);
    expect(theirs.number).not.toBe(mine.number);
    expect(theirs.content).toBe('乙居民的诉求内容');
  });

  it.each([2, 10])('sent %i times at the same moment makes exactly one appeal, and every reply is that appeal', async (n) => {
    const resident = newResident();
    const input = appealInput({ gridCode: 'GS-0202' });
    const replies = await together(n, () => appeal<AppealDetail>(cloud, resident, 'submit', input));
    const filed = replies.map(okData);
    expect(new Set(filed.map((a) => a.id)).size).toBe(1);
    expect(new Set(filed.map((a) => a.number)).size).toBe(1);
    expect(await count(db, 'appeals', { residentOpenid: resident })).toBe(1);
    expect(await count(db, 'appeals', { number: filed[0].number })).toBe(1);
  });

  it('sent 10 times at the same moment tells the chief once', async () => {
    const chief = chiefOf('GS-0203');
    await grantConsents(cloud, chief, Array(3).fill('appealNew'));
    const resident = newResident();
    const input = appealInput({ gridCode: 'GS-0203' });
    const [filed] = (await together(10, () => appeal<AppealDetail>(cloud, resident, 'submit', input))).map(okData);
    expect((await readAll(db, 'outbox', { appealId: filed.id })).map((r) => [r.touser, r.status])).toEqual([[chief, 'sent']]);
  });
});

describe('appeal numbers', () => {
  it('are the street, the Shanghai day and a four-digit sequence', async () => {
    const filed = await fileAppeal(cloud, newResident());
    expect(filed.number).toMatch(new RegExp(`^GS-${today()}-\\d{4}$`));
  });

  it('count on by one for each new appeal in the street', async () => {
    const numbers: string[] = [];
    for (const gridCode of ['GS-0101', 'GS-0204', 'GS-0304']) numbers.push((await fileAppeal(cloud, newResident(), { gridCode })).number);
    const first = seqOf(numbers[0]);
    expect(numbers.map(seqOf)).toEqual([first, first + 1, first + 2]);
  });

  it('are counted per street: another street’s first appeal of the day is 0001', async () => {
    expect(await count(db, 'appeals', { streetId: 'FS' })).toBe(0);
    const filed = await fileAppeal(cloud, newResident(), { gridCode: 'FS-0101' });
    expect(filed.number).toBe(`FS-${today()}-0001`);
  });

  it('10 different appeals at the same moment all succeed, each with its own number', async () => {
    const replies = await together(10, () => appeal<AppealDetail>(cloud, newResident(), 'submit', appealInput({ gridCode: 'GS-0102' })));
    const numbers = replies.map(okData).map((a) => a.number);
    expect(new Set(numbers).size).toBe(10);
    for (const number of numbers) expect(await count(db, 'appeals', { number })).toBe(1);
  });

  // Numbers may skip when simultaneous appeals draw the same one (the loser draws again):
  // unique, never shared, is the promise; gapless is not.
  it('the first appeals of a street’s day, filed at the same moment, each get their own number of that day', async () => {
    expect(await count(db, 'appeals', { streetId: 'QQ' })).toBe(0);
    const replies = await together(5, () => appeal<AppealDetail>(cloud, newResident(), 'submit', appealInput({ gridCode: 'QQ-0101' })));
    const numbers = replies.map(okData).map((a) => a.number);
    expect(new Set(numbers).size).toBe(5);
    for (const number of numbers) expect(number).toMatch(new RegExp(`^QQ-${today()}-\\d{4}$`));
  });

  it('no two appeals anywhere share a number', async () => {
    const all = await readAll(db, 'appeals');
    expect(all.length).toBeGreaterThan(20);
    expect(new Set(all.map((a) => a.number)).size).toBe(all.length);
  });
});

describe('staff acting on the same appeal at the same moment', () => {
  it('two accepts: one succeeds, the other is CONFLICT, and the timeline has one acceptance', async () => {
    const filed = await fileAppeal(cloud, newResident(), { gridCode: 'GS-0301' });
    const replies = await Promise.all([
      appeal(cloud, chiefOf('GS-0301'), 'accept', { id: filed.id }),
      appeal(cloud, 'demo-worker-GS-0301', 'accept', { id: filed.id }),
    ]);
    expect(replies.map((r) => (r.ok ? 'ok' : r.code)).sort()).toEqual(['CONFLICT', 'ok']);
    const stored = (await readAll(db, 'appeals', { _id: filed.id }))[0];
    expect(stored.timeline.filter((e: { type: string }) => e.type === 'accepted')).toHaveLength(1);
  });

  it('a reply and a resolve together both land, or the loser is told to refresh', async () => {
    const filed = await fileAppeal(cloud, newResident(), { gridCode: 'GS-0301' });
    const replies = await Promise.all([
      appeal(cloud, chiefOf('GS-0301'), 'reply', { id: filed.id, text: '马上到' }),
      appeal(cloud, communityOf('GS-0301'), 'resolve', { id: filed.id, note: '已处理' }),
    ]);
    const stored = (await readAll(db, 'appeals', { _id: filed.id }))[0];
    const landed = stored.timeline.map((e: { type: string }) => e.type).slice(1).sort();
    const okTypes = replies.flatMap((r, i) => (r.ok ? [['replied', 'resolved'][i]] : [])).sort();
    expect(landed).toEqual(okTypes);
    for (const r of replies) if (!r.ok) expectRefusal(r, 'CONFLICT');
  });
});
