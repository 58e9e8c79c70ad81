/**
 * Lists longer than one read (notes-platform check 15: functions read at most 100 documents a
 * call, the app pages by 20): a resident's own appeals newest first and a chief's inbox most
 * urgent first, each read to the end through cursors, every appeal exactly once.
 * Most appeals are seeded straight into the database in the shape a real submit stores.
 */
import type { DB } from 'wx-server-sdk/index';
import type { AppealStatus, AppealSummary } from '../../types/appeal';
import { appeal, chiefOf, fileAppeal, newResident, okData, readAllPages, unique } from '../../tests/support/appealKit';
import { readDoc } from '../../tests/support/cloudDb';
import { LocalCloud, openLocalCloud } from '../../tests/support/localCloud';

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => ({ cloud, db } = await openLocalCloud()));
afterAll(() => cloud.stop());

const HOUR = 3_600_000;
const iso = (d: Date) => d.toISOString();

/** A stored appeal, copied from one a real submit made, with what makes it another appeal changed. */
function copyOf(template: any, change: { createdAt: Date; status?: AppealStatus; deadline?: Date; residentOpenid?: string }) {
  const _id = unique('seed').replace(/-/g, '');
  const status = change.status ?? template.status;
  const deadlines = change.deadline ? { acceptBy: change.deadline, onSiteBy: change.deadline, resolveBy: change.deadline } : template.deadlines;
  // the deadline an appeal races now: acceptance while new, resolution once taken on
  const current = status === 'submitted' ? deadlines.acceptBy : ['accepted', 'returned'].includes(status) ? deadlines.resolveBy : null;
  const { _id: _drop, ...rest } = template;
  return {
    ...rest,
    _id,
    number: `${template.streetId}-SEED-${_id.slice(-8)}`,
    requestId: unique('seedreq'),
    residentOpenid: change.residentOpenid ?? template.residentOpenid,
    status,
    level: status === 'returned' ? 'community' : 'grid',
    resolvedAt: status === 'resolved' || status === 'closed' ? change.createdAt : null,
    deadlines,
    createdAt: change.createdAt,
    updatedAt: change.createdAt,
    sortKey: `${iso(change.createdAt)}_${_id}`,
    dueKey: `${current ? iso(current) : '9999-12-31T23:59:59.999Z'}_${_id}`,
  };
}

async function seed(docs: object[]) {
  for (let i = 0; i < docs.length; i += 50) await db.collection('appeals').add({ data: docs.slice(i, i + 50) });
}

const ids = (items: AppealSummary[]) => items.map((a) => a.id);
const noDuplicates = (items: AppealSummary[]) => expect(new Set(ids(items)).size).toBe(items.length);

describe('a resident with 120+ appeals reads “mine” to the end', () => {
  const resident = newResident('many');
  const expected = new Set<string>();

  beforeAll(async () => {
    const first = await fileAppeal(cloud, resident);
    expected.add(first.id);
    const template = await readDoc(db, 'appeals', first.id);
    const now = Date.now();
    const docs = Array.from({ length: 120 }, (_, i) =>
      // older than an hour (so the rate limit is not touched); five share one creation time
      copyOf(template, { createdAt: new Date(now - 2 * HOUR - (i < 5 ? 0 : i) * 37 * 60_000) }),
    );
    // someone else's appeals around them, which must never show
    const others = Array.from({ length: 30 }, (_, i) => copyOf(template, { createdAt: new Date(now - 3 * HOUR - i * 60_000), residentOpenid: newResident('else') }));
    await seed([...docs, ...others]);
    docs.forEach((d) => expected.add(d._id));
    for (let i = 0; i < 2; i++) expected.add((await fileAppeal(cloud, resident)).id);
  });

  it('every one of them exactly once, in pages of at most 20', async () => {
    const { items, pages } = await readAllPages(cloud, resident, 'mine');
    expect(items).toHaveLength(123);
    noDuplicates(items);
    expect(new Set(ids(items))).toEqual(expected);
    expect(pages.every((n) => n <= 20)).toBe(true);
    expect(pages.length).toBeGreaterThanOrEqual(7);
  });

  it('newest first, the three real submits ahead of the seeded ones', async () => {
    const { items } = await readAllPages(cloud, resident, 'mine');
    const times = items.map((a) => Date.parse(a.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(items.slice(0, 3).every((a) => a.number.startsWith('GS-') && !a.number.includes('SEED'))).toBe(true);
  });

  it('filtered by status, still every match once', async () => {
    const { items } = await readAllPages(cloud, resident, 'mine', { status: 'submitted' });
    expect(items).toHaveLength(123);
    const { items: none } = await readAllPages(cloud, resident, 'mine', { status: 'closed' });
    expect(none).toEqual([]);
  });
});

describe('a chief’s inbox with 120+ appeals reads to the end by deadline', () => {
  const GRID = 'FS-0304';
  const open = new Map<string, Date>();
  const notForTheGrid = new Set<string>();

  beforeAll(async () => {
    const first = await fileAppeal(cloud, newResident(), { gridCode: GRID });
    const template = await readDoc(db, 'appeals', first.id);
    open.set(first.id, template.deadlines.acceptBy);
    const now = Date.now();
    const statuses: AppealStatus[] = ['submitted', 'accepted', 'returned'];
    const docs: any[] = [];
    for (let i = 0; i < 125; i++) {
      // deadlines from 2 days ago to 3 days ahead: a good share already overdue
      const deadline = new Date(now - 48 * HOUR + ((i * 7919) % 125) * HOUR);
      const doc = copyOf(template, { createdAt: new Date(now - 3 * HOUR - i * 60_000), status: statuses[i % 3], deadline, residentOpenid: newResident('p') });
      docs.push(doc);
      open.set(doc._id, deadline);
    }
    for (const status of ['resolved', 'closed', 'held'] as AppealStatus[]) {
      for (let i = 0; i < 5; i++) {
        const doc = copyOf(template, { createdAt: new Date(now - 5 * HOUR), status, deadline: new Date(now - 72 * HOUR), residentOpenid: newResident('p') });
        docs.push(doc);
        notForTheGrid.add(doc._id);
      }
    }
    await seed(docs);
  });

  it('every open appeal exactly once, and nothing resolved, closed or held', async () => {
    const { items, pages } = await readAllPages(cloud, chiefOf(GRID), 'inbox');
    expect(items).toHaveLength(open.size);
    noDuplicates(items);
    expect(new Set(ids(items))).toEqual(new Set(open.keys()));
    expect(ids(items).filter((id) => notForTheGrid.has(id))).toEqual([]);
    expect(pages.every((n) => n <= 20)).toBe(true);
  });

  it('most urgent first', async () => {
    const { items } = await readAllPages(cloud, chiefOf(GRID), 'inbox');
    const due = items.map((a) => open.get(a.id)!.getTime());
    expect(due).toEqual([...due].sort((a, b) => a - b));
  });

  it('overdue appeals flagged, and only those', async () => {
    const { items } = await readAllPages(cloud, chiefOf(GRID), 'inbox');
    const now = Date.now();
    const late = items.filter((a) => a.overdue);
    expect(late.length).toBeGreaterThan(20);
    for (const a of items) expect([a.id, a.overdue]).toEqual([a.id, open.get(a.id)!.getTime() < now]);
  });

  it('filtered by status, still every match once and in deadline order', async () => {
    const { items } = await readAllPages(cloud, chiefOf(GRID), 'inbox', { status: 'accepted' });
    expect(items.length).toBeGreaterThan(20);
    expect(items.every((a) => a.status === 'accepted')).toBe(true);
    noDuplicates(items);
    const due = items.map((a) => open.get(a.id)!.getTime());
    expect(due).toEqual([...due].sort((a, b) => a - b));
  });

  it('an accepted appeal moves to its resolution deadline in the order', async () => {
    const filed = await fileAppeal(cloud, newResident(), { gridCode: GRID });
    const accepted = okData(await appeal(cloud, chiefOf(GRID), 'accept', { id: filed.id }));
    open.set(filed.id, new Date(accepted.deadlines.resolveBy));
    const { items } = await readAllPages(cloud, chiefOf(GRID), 'inbox');
    const due = items.map((a) => open.get(a.id)!.getTime());
    expect(due).toEqual([...due].sort((a, b) => a - b));
    expect(ids(items)).toContain(filed.id);
  });
});
