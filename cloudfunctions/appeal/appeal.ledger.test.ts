/**
 * The grid's ledger (问题台账) read through its filters, against what is stored: one grid seeded
 * with every source (a resident's appeal, one stored before `source` existed, a staff report) ×
 * every status × every way of being late or not, filed at the edges of Zoucheng's months. Each
 * filter is checked against an expectation computed here from the seeds, read to the last page.
 *
 * Late (超时) as the ledger counts it (`isLate`): the SLA timer marked a deadline missed
 * (`sla.missed`), or the running deadline has passed and the timer has not marked it yet.
 */
import type { DB } from 'wx-server-sdk/index';
import { isLate, type AppealStatus, type AppealSummary, type LedgerInput } from '../../types/appeal';
import { APPEAL_STATUSES } from '../../types/vocabulary';
import { OPEN_STATUSES } from '../domain/appeal';
import { storedForm } from '../store/appeals';
import { appeal, chiefOf, communityOf, fileAppeal, gridOf, newResident, newRequestId, okData, readAllPages, unique, workerOf } from '../../tests/support/appealKit';
import { readDoc } from '../../tests/support/cloudDb';
import { LocalCloud, openLocalCloud } from '../../tests/support/localCloud';

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => ({ cloud, db } = await openLocalCloud()));
afterAll(() => cloud.stop());

const GRID = 'GS-0301';
const HOUR = 3_600_000;

type Source = 'resident' | 'legacy' | 'staff';
type Lateness = 'marked' | 'running' | 'onTime';
type Seed = { id: string; source: Source; status: AppealStatus; late: Lateness; createdAt: string };

/** Instants at the edges of Zoucheng's months (UTC+8): the first of September, the last of October, the first of November. */
const FILED_AT = ['2026-08-31T16:00:00.000Z', '2026-09-15T04:00:00.000Z', '2026-10-31T15:59:59.999Z', '2026-10-31T16:00:00.000Z', '2026-11-20T08:00:00.000Z'];
/** The month an instant falls in, in Zoucheng, worked out without the code under test. */
const monthOf = (iso: string) => new Date(Date.parse(iso) + 8 * HOUR).toISOString().slice(0, 7);

const seeds: Seed[] = [];

/** A stored record like `template` (a real submit or report in another grid), moved to GRID and made into `seed`. */
function recordOf(template: Record<string, any>, seed: Seed, now: number) {
  const { _id: _drop, source: _source, ...rest } = template;
  const createdAt = new Date(seed.createdAt);
  const due = new Date(seed.late === 'running' ? now - HOUR : now + 72 * HOUR);
  const grid = gridOf(GRID);
  const record = {
    ...rest,
    ...(seed.source === 'legacy' ? {} : { source: seed.source }),
    _id: seed.id,
    number: `GS-SEED-${seed.id.slice(-12)}`,
    requestId: unique('seedreq'),
    gridId: grid._id,
    gridCode: GRID,
    gridName: grid.name,
    communityId: grid.communityId,
    status: seed.status,
    deadlines: { acceptBy: due, onSiteBy: due, resolveBy: due },
    sla: { reminded: [], missed: seed.late === 'marked' ? ['acceptBy'] : [], owed: [] },
    createdAt,
    updatedAt: createdAt,
  };
  return storedForm(record as never);
}

beforeAll(async () => {
  const resident = await readDoc(db, 'appeals', (await fileAppeal(cloud, newResident(), { gridCode: 'GS-0302' })).id);
  const staffCase = okData(await appeal(cloud, workerOf('GS-0302'), 'report', { gridCode: 'GS-0302', category: 'repair', content: '巡查发现井盖破损', requestId: newRequestId() }));
  const report = await readDoc(db, 'appeals', staffCase.id);
  const now = Date.now();
  for (const createdAt of FILED_AT)
    for (const source of ['resident', 'legacy', 'staff'] as const)
      for (const status of APPEAL_STATUSES)
        for (const late of ['marked', 'running', 'onTime'] as const) {
          // only an open appeal races a clock that can run out
          if (late === 'running' && !OPEN_STATUSES.includes(status)) continue;
          seeds.push({ id: unique('ledger').replace(/-/g, ''), source, status, late, createdAt });
        }
  const docs = seeds.map((s) => recordOf(s.source === 'staff' ? report : resident, s, now));
  for (let i = 0; i < docs.length; i += 50) await db.collection('appeals').add({ data: docs.slice(i, i + 50) });
});

/** What the ledger should list for `filter`, newest first (ties by id, as `sortKey` orders them). */
function expected(filter: Omit<LedgerInput, 'gridCode'>, seesHeld: boolean): string[] {
  return seeds
    .filter((s) => seesHeld || s.status !== 'held')
    .filter((s) => !filter.source || (filter.source === 'staff') === (s.source === 'staff'))
    .filter((s) => !filter.status || s.status === filter.status)
    .filter((s) => filter.overdue === undefined || filter.overdue === (s.late !== 'onTime'))
    .filter((s) => !filter.month || monthOf(s.createdAt) === filter.month)
    .sort((a, b) => (a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt)))
    .map((s) => s.id);
}

const FILTERS: Array<Omit<LedgerInput, 'gridCode'>> = [
  {},
  { source: 'staff' },
  { source: 'resident' },
  ...APPEAL_STATUSES.map((status) => ({ status })),
  { overdue: true },
  { overdue: false },
  { month: '2026-08' },
  { month: '2026-09' },
  { month: '2026-10' },
  { month: '2026-11' },
  { source: 'staff', overdue: true, month: '2026-11' },
  { status: 'closed', overdue: true },
  { source: 'resident', status: 'accepted', overdue: false, month: '2026-09' },
];

describe.each([
  ['community staff (held appeals too)', communityOf(GRID), true],
  ['the grid’s chief (never a held appeal)', chiefOf(GRID), false],
])('the ledger as %s', (_, reader, seesHeld) => {
  it.each(FILTERS.map((f) => [JSON.stringify(f), f]))('%s: exactly the matching records, newest first, in pages of at most 20', async (_, filter) => {
    const { items, pages } = await readAllPages(cloud, reader, 'ledger', { gridCode: GRID, ...filter });
    expect(items.map((a) => a.id)).toEqual(expected(filter, seesHeld));
    expect(pages.every((n) => n <= 20)).toBe(true);
  });
});

describe('what each row says', () => {
  it('its source, status and lateness are those stored: late exactly when `isLate` says so', async () => {
    const { items } = await readAllPages(cloud, communityOf(GRID), 'ledger', { gridCode: GRID });
    const byId = new Map(seeds.map((s) => [s.id, s]));
    const said = items.map((a: AppealSummary) => [a.source, a.status, isLate(a)]);
    const stored = items.map((a: AppealSummary) => {
      const seed = byId.get(a.id)!;
      return [seed.source === 'staff' ? 'staff' : 'resident', seed.status, seed.late !== 'onTime'];
    });
    expect(said).toEqual(stored);
    expect(items).toHaveLength(seeds.length);
  });

  it('the seeds cover every case: each source, status and lateness in each month, September spanning pages', () => {
    expect(new Set(seeds.map((s) => `${s.source}/${s.status}/${s.late}/${monthOf(s.createdAt)}`)).size).toBe(3 * (3 * 3 + 3 * 2) * 3);
    expect(seeds.filter((s) => monthOf(s.createdAt) === '2026-09').length).toBeGreaterThan(40);
  });

  it('a status the reader may not see is an empty page, not an error', async () => {
    expect(okData(await appeal(cloud, chiefOf(GRID), 'ledger', { gridCode: GRID, status: 'held' }))).toMatchObject({ items: [], cursor: null });
  });

  it.each([['2026-13'], ['2026-1'], ['202611']])('a month written %s is INVALID_INPUT', async (month) => {
    expect(await appeal(cloud, chiefOf(GRID), 'ledger', { gridCode: GRID, month })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});
