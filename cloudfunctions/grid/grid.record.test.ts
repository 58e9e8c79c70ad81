/**
 * The grid's public record on its page against the local cloud: the timer rolls every grid's last
 * 90 days up once a day (Asia/Shanghai), `grid.resolve` reads the stored roll-up and the latest
 * verified check-in inside its grid read, still two round trips. Appeals are seeded straight
 * into the collection with chosen instants, closed so the SLA clocks leave them alone.
 */
import type { DB } from 'wx-server-sdk/index';
import type { GridRecordView } from '../../types/grid';
import { fireTimer, gridOf, okData, type Body } from '../../tests/support/appealKit';
import { moveClock } from '../../tests/support/clock';
import { count, readDoc } from '../../tests/support/cloudDb';
import { demo, LocalCloud, openLocalCloud } from '../../tests/support/localCloud';

const A = gridOf('GS-0101');
const B = gridOf('GS-0102');
/** Today in these tests: 20 August 2030 in Zoucheng; the record covers 22 May – 19 August. */
const NOW = '2030-08-20T09:00:00+08:00';

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => {
  ({ cloud, db } = await openLocalCloud());
  await moveClock(cloud, { at: NOW });
  await seed();
});
afterAll(() => cloud.stop());

/** An instant given as Zoucheng wall time. */
const at = (wall: string) => new Date(`${wall}+08:00`);

/**
 * A closed appeal of `gridId` filed at `filed`, its deadlines 2 h (accept), 8 h (on site) and
 * 3 days (resolve) on; `accepted`, `onSite` (a 到场 scan), `claimed` (a reply's on-site claim,
 * no scan), `resolved` are wall times or null.
 */
function appeal(
  id: string,
  gridId: string,
  filed: string,
  facts: { accepted?: string; onSite?: string; claimed?: string; resolved?: string; score?: number; source?: string; status?: string },
) {
  const filedAt = at(filed);
  const hours = (h: number) => new Date(filedAt.getTime() + h * 3_600_000);
  return {
    _id: id,
    number: `R2030${id}`,
    gridId,
    streetId: 'GS',
    status: facts.status ?? 'closed',
    source: facts.source ?? 'resident',
    createdAt: filedAt,
    updatedAt: filedAt,
    deadlines: { acceptBy: hours(2), onSiteBy: hours(8), resolveBy: hours(72) },
    timeline: (
      [
        ['accepted', facts.accepted],
        ['arrived', facts.onSite],
      ] as const
    ).flatMap(([type, wall]) => (wall ? [{ type, at: at(wall), actor: { kind: 'staff', staffId: 's1' } }] : [])),
    onSiteAt: facts.onSite || facts.claimed ? at((facts.onSite ?? facts.claimed)!) : null,
    resolvedAt: facts.resolved ? at(facts.resolved) : null,
    rating: facts.score ? { score: facts.score, comment: '', at: filedAt } : null,
    reopenCount: 0,
  };
}

async function seed() {
  await db.collection('appeals').add({
    data: [
      // the last minute of the span: taken on and on site in time, resolved, rated 5
      appeal('r1', A._id, '2030-08-19T23:59:00', { accepted: '2030-08-20T00:30:00', onSite: '2030-08-20T06:00:00', resolved: '2030-08-20T08:00:00', score: 5 }),
      // the first instant of the span: taken on late, on site only by a reply's claim (not proven), resolved, rated 4
      appeal('r2', A._id, '2030-05-22T00:00:00', { accepted: '2030-05-22T03:00:00', claimed: '2030-05-22T05:00:00', resolved: '2030-05-23T10:00:00', score: 4 }),
      // today, and the instant before the span: outside
      appeal('r3', A._id, '2030-08-20T00:00:00', { accepted: '2030-08-20T01:00:00' }),
      appeal('r4', A._id, '2030-05-21T23:59:59', { accepted: '2030-05-22T00:30:00', score: 1 }),
      // a staff report and a held appeal: no resident's appeal of the record
      appeal('r5', A._id, '2030-07-01T10:00:00', { source: 'staff', accepted: '2030-07-01T10:00:00', onSite: '2030-07-01T10:00:00' }),
      appeal('r6', A._id, '2030-07-02T10:00:00', { status: 'held' }),
      // another grid's
      appeal('r7', B._id, '2030-07-03T10:00:00', { accepted: '2030-07-03T10:30:00', onSite: '2030-07-03T11:00:00', score: 2 }),
    ],
  });
  const checkIn = (id: string, code: string, wall: string, verified: boolean) => ({ _id: id, gridId: gridOf(code)._id, staffId: 's1', kind: 'patrol', verified, at: at(wall) });
  await db.collection('checkins').add({
    data: [
      checkIn('k1', 'GS-0101', '2030-08-20T00:00:00', true),
      checkIn('k2', 'GS-0102', '2030-08-20T08:00:00', false),
      checkIn('k3', 'GS-0102', '2030-08-19T23:59:59', true),
    ],
  });
}

const resolve = async (code: string) => cloud.call<Body<{ record: GridRecordView }>>('grid', { action: 'resolve', code });
const recordOf = async (code: string) => okData((await resolve(code)).body).record;
const activeGrids = demo.grids.filter((g) => g.status === 'active').length;

describe('before the first roll-up', () => {
  it('the page says the record is not counted yet, and still shows today’s check-in', async () => {
    expect(await recordOf('GS-0101')).toEqual({ days: 90, asOf: null, appeals: 0, handled: 0, acceptedInTime: null, onSiteSameDay: null, satisfaction: null, rated: 0, checkedInToday: true });
  });
});

/** Fires the timer until a run counts nothing (it takes streets while its time budget lasts); the grids counted in all. */
async function rollUpToday(): Promise<number> {
  let counted = 0;
  for (;;) {
    const { rolledUp } = okData(await fireTimer<{ rolledUp: number }>(cloud, 'assessment'));
    if (rolledUp === 0) return counted;
    counted += rolledUp;
  }
}

describe('the timer rolls every grid up once a day', () => {
  beforeAll(async () => {
    expect(await rollUpToday()).toBe(activeGrids);
  });

  it('stores one roll-up per active grid, counted today, each with its street', async () => {
    expect(await count(db, 'rollups', { day: '2030-08-20' })).toBe(activeGrids);
    expect(await count(db, 'rollups')).toBe(activeGrids);
    expect(await readDoc(db, 'rollups', A._id)).toMatchObject({ streetId: 'GS', day: '2030-08-20' });
  });

  it('the page shows grid A’s hand-computed 90 days: r1 and r2 in, today’s and the instant before out, staff reports and held appeals not counted', async () => {
    expect(await recordOf('GS-0101')).toEqual({
      days: 90,
      asOf: '2030-08-20',
      appeals: 2,
      handled: 2,
      acceptedInTime: 0.5,
      onSiteSameDay: 0.5,
      satisfaction: 4.5,
      rated: 2,
      checkedInToday: true,
    });
  });

  it('a grid without appeals shows no rates (null), and a flagged check-in today or a verified one yesterday is no check-in today', async () => {
    expect(await recordOf('GS-0103')).toMatchObject({ asOf: '2030-08-20', appeals: 0, acceptedInTime: null, onSiteSameDay: null, satisfaction: null, checkedInToday: false });
    expect(await recordOf('GS-0102')).toMatchObject({ appeals: 1, acceptedInTime: 1, onSiteSameDay: 1, satisfaction: 2, checkedInToday: false });
  });

  it('grid.resolve stays at two round trips with the roll-up and check-ins there', async () => {
    const reply = await resolve('GS-0101');
    expect(reply.body).toMatchObject({ ok: true, data: { record: { asOf: '2030-08-20' } } });
    expect(reply.roundTrips).toBe(2);
  });

  it('a later run the same day counts nothing again; the first run after midnight counts the new day', async () => {
    const before = await readDoc(db, 'rollups', A._id);
    await db.collection('appeals').add({ data: appeal('r8', A._id, '2030-08-01T10:00:00', {}) });
    expect(await rollUpToday()).toBe(0);
    expect(await readDoc(db, 'rollups', A._id)).toEqual(before);

    await moveClock(cloud, { at: '2030-08-21T00:05:00+08:00' });
    expect(await rollUpToday()).toBe(activeGrids);
    // r8 (never taken on) and r3 (filed yesterday now) join, r2 (22 May) drops out; nobody checked in yet today
    expect(await recordOf('GS-0101')).toEqual({
      days: 90,
      asOf: '2030-08-21',
      appeals: 3,
      handled: 1,
      acceptedInTime: 0.6667,
      onSiteSameDay: 0.3333,
      satisfaction: 5,
      rated: 1,
      checkedInToday: false,
    });
  });
});
