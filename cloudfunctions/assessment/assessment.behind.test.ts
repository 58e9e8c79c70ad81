/**
 * `assessment.behind` against the local cloud: the check-ins and appeals behind each figure of grid
 * GS-0101's March 2030, seeded straight into the collections with chosen instants, each record
 * flagged as counted or not; the listing agrees with the figures `assessment.compute` stores; a
 * long month is cut at `BEHIND_AT_MOST` at the same round trips; who may look.
 */
import type { DB } from 'wx-server-sdk/index';
import { BEHIND_AT_MOST, type BehindFigure, type FigureRecords, type GridAssessment } from '../../types/assessment';
import { chiefOf, communityOf, expectRefusal, gridOf, newResident, okData, staffName, streetOf, workerOf, type Body } from '../../tests/support/appealKit';
import { moveClock } from '../../tests/support/clock';
import { seededAppeal, zouchengTime } from '../../tests/support/seededAppeal';
import { readDoc } from '../../tests/support/cloudDb';
import { LocalCloud, openLocalCloud } from '../../tests/support/localCloud';

const MONTH = '2030-03';
const A = gridOf('GS-0101');
const B = gridOf('GS-0102');
const CHIEF = staffName(chiefOf('GS-0101'));
const WORKER = staffName(workerOf('GS-0101'));

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => {
  ({ cloud, db } = await openLocalCloud());
  // March is over: it is computed whole.
  await moveClock(cloud, { at: '2030-04-02T09:00:00+08:00' });
  await seed();
});
afterAll(() => cloud.stop());

const at = zouchengTime;
const placed = { position: { lng: 116.97, lat: 35.4 }, distanceM: 0, verified: true, flag: null };
const far = { position: { lng: 116.9, lat: 35.4 }, distanceM: 820, verified: false, flag: 'far' };
const PHOTOS = ['cloud://env.1/work/k1-a.jpg', 'cloud://env.1/work/k1-b.jpg'];

function checkIn(id: string, wall: string, extra: object) {
  return { _id: id, gridId: A._id, gridCode: A.code, communityId: A.communityId, streetId: 'GS', staffId: CHIEF._id, openid: CHIEF.openid, scannedCode: A.code, ...placed, note: '', photos: [], household: null, coversUntil: null, appealId: null, at: at(wall), ...extra };
}

const staffActor = { kind: 'staff', staffId: CHIEF._id, name: CHIEF.name, title: CHIEF.title };
const event = (type: string, wall: string) => ({ type, at: at(wall), actor: staffActor, before: { status: 'accepted', level: 'grid', gridId: A._id }, after: { status: 'accepted', level: 'grid', gridId: A._id } });

function appeal(id: string, filed: string, extra: object) {
  return seededAppeal(id, A, filed, {
    number: `W${id}`,
    category: 'sanitation',
    categoryName: '环境卫生',
    status: 'accepted',
    updatedAt: at('2030-03-28T12:00:00'),
    deadlines: { acceptBy: at(`${filed.slice(0, 10)}T12:00:00`), onSiteBy: at(`${filed.slice(0, 10)}T20:00:00`), resolveBy: at(`${filed.slice(0, 8)}20T20:00:00`) },
    ...extra,
  });
}

/**
 * Grid A in March: a verified patrol (k1, one of its two photos hidden by WeChat's check), a patrol
 * flagged 820 m away (k2), a household visit (k3) and an arrival for p1 (k4); outside: a patrol on
 * 02-28 23:59 and grid B's patrol. Appeals: p1 in time everywhere, rated 5, a yellow card; p2
 * accepted late, never on site, resolved late, reopened, rated 2, a red card; p3 still waiting;
 * p4 a staff report; outside: a held one and one filed in February.
 */
async function seed() {
  await db.collection('checkins').add({
    data: [
      checkIn('k1', '2030-03-05T09:00:00', { kind: 'patrol', note: '巡查楼道', photos: [{ fileID: PHOTOS[0], traceId: 't-a', hidden: false }, { fileID: PHOTOS[1], traceId: 't-b', hidden: true }] }),
      checkIn('k2', '2030-03-06T09:00:00', { kind: 'patrol', ...far, staffId: WORKER._id, openid: WORKER.openid }),
      checkIn('k3', '2030-03-07T15:00:00', { kind: 'visit', household: { building: '3号楼', room: '201', group: 'emptyNest' } }),
      checkIn('k4', '2030-03-10T10:00:00', { kind: 'arrival', appealId: 'p1' }),
      checkIn('k-feb', '2030-02-28T23:59:00', { kind: 'patrol' }),
      checkIn('k-b', '2030-03-05T09:00:00', { kind: 'patrol', gridId: B._id, gridCode: B.code }),
    ],
  });
  await db.collection('appeals').add({
    data: [
      appeal('p1', '2030-03-10T09:00:00', {
        status: 'closed',
        timeline: [event('accepted', '2030-03-10T09:30:00'), event('arrived', '2030-03-10T10:00:00')],
        onSiteAt: at('2030-03-10T10:00:00'),
        resolvedAt: at('2030-03-11T10:00:00'),
        rating: { score: 5, comment: '', at: at('2030-03-11T12:00:00') },
        supervision: [{ card: 'yellow' }],
      }),
      appeal('p2', '2030-03-12T09:00:00', {
        status: 'resolved',
        source: 'resident',
        timeline: [event('accepted', '2030-03-12T15:00:00')],
        resolvedAt: at('2030-03-25T10:00:00'),
        reopenCount: 1,
        rating: { score: 2, comment: '', at: at('2030-03-25T12:00:00') },
        supervision: [{ card: 'red' }],
      }),
      appeal('p3', '2030-03-14T09:00:00', { status: 'submitted' }),
      appeal('p4', '2030-03-15T09:00:00', { source: 'staff', timeline: [event('reported', '2030-03-15T09:00:00')] }),
      appeal('p-held', '2030-03-16T09:00:00', { status: 'held' }),
      appeal('p-feb', '2030-02-27T09:00:00', {}),
    ],
  });
}

const behind = async (openid: string | undefined, params: object) => (await cloud.call<Body<FigureRecords>>('assessment', { action: 'behind', ...params }, openid)).body;
const listed = async (figure: BehindFigure, openid = communityOf('GS-0101')) => okData(await behind(openid, { gridCode: A.code, month: MONTH, figure }));
/** The listed records as [id, counted]. */
const ids = (records: FigureRecords) => records.items.map((r) => [r.id, r.counted]);

describe('the check-ins behind a figure', () => {
  it('巡防: the month’s patrols newest first, the flagged one not counted, with who made them, how far, and the photos not hidden', async () => {
    const patrols = await listed('patrols');
    expect([patrols.total, patrols.counted, ids(patrols)]).toEqual([2, 1, [['k2', false], ['k1', true]]]);
    expect(patrols.records).toBe('checkIns');
    expect(patrols.items).toEqual([
      { id: 'k2', kind: 'patrol', at: '2030-03-06T01:00:00.000Z', staff: { name: WORKER.name, title: WORKER.title }, verified: false, flag: 'far', distanceM: 820, household: null, note: '', photos: [], appealId: null, counted: false },
      { id: 'k1', kind: 'patrol', at: '2030-03-05T01:00:00.000Z', staff: { name: CHIEF.name, title: CHIEF.title }, verified: true, flag: null, distanceM: 0, household: null, note: '巡查楼道', photos: [PHOTOS[0]], appealId: null, counted: true },
    ]);
  });

  it('走访: the visits with their household, counted when verified; 在线: every check-in of the month, each counting', async () => {
    const visits = await listed('visits');
    expect([visits.total, visits.counted, ids(visits)]).toEqual([1, 1, [['k3', true]]]);
    expect(visits.items[0]).toMatchObject({ kind: 'visit', household: { building: '3号楼', room: '201', group: 'emptyNest' } });
    const online = await listed('online');
    expect([online.total, online.counted, ids(online)]).toEqual([4, 4, [['k4', null], ['k3', null], ['k2', null], ['k1', null]]]);
    expect(online.items[0]).toMatchObject({ kind: 'arrival', appealId: 'p1' });
  });
});

describe('the appeals behind a figure', () => {
  it.each<[BehindFigure, number, number, Array<[string, boolean | null]>]>([
    ['response', 3, 1, [['p3', false], ['p2', false], ['p1', true]]],
    ['sameDay', 3, 1, [['p3', false], ['p2', false], ['p1', true]]],
    ['resolution', 3, 2, [['p3', false], ['p2', true], ['p1', true]]],
    ['onTime', 2, 1, [['p2', false], ['p1', true]]],
    ['redo', 3, 1, [['p3', false], ['p2', true], ['p1', false]]],
    ['satisfaction', 2, 1, [['p2', false], ['p1', true]]],
    ['reports', 4, 4, [['p4', null], ['p3', null], ['p2', null], ['p1', null]]],
    ['cards', 2, 2, [['p2', null], ['p1', null]]],
  ])('%s: %i listed, %i counted, held and February’s left out', async (figure, total, counted, expected) => {
    const records = await listed(figure);
    expect([records.records, records.total, records.counted, ids(records)]).toEqual(['appeals', total, counted, expected]);
  });

  it('names each appeal: number, category, status, source, filed, cards and rating', async () => {
    const records = await listed('reports');
    expect(records.items.find((a) => a.id === 'p4')).toEqual({ id: 'p4', number: 'Wp4', category: '环境卫生', status: 'accepted', source: 'staff', createdAt: '2030-03-15T01:00:00.000Z', counted: null, cards: { yellow: 0, red: 0 }, rating: null });
    expect(records.items.find((a) => a.id === 'p2')).toMatchObject({ source: 'resident', status: 'resolved', cards: { yellow: 0, red: 1 }, rating: 2 });
    expect(records.items.find((a) => a.id === 'p1')).toMatchObject({ cards: { yellow: 1, red: 0 }, rating: 5 });
  });
});

it('lists what the computed figures count: each share’s count and of are the listing’s counted and total', async () => {
  okData(await cloud.call<Body>('assessment', { action: 'compute', month: MONTH, streetId: 'GS' }, streetOf('GS-0101')).then((r) => r.body));
  const { figures } = (await readDoc<GridAssessment>(db, 'assessments', `${A._id}:${MONTH}`))!;
  const shares = { patrols: figures.patrols, response: figures.response, sameDay: figures.sameDay, resolution: figures.resolution, onTime: figures.onTime, redo: figures.redo, satisfaction: figures.satisfaction.satisfied };
  for (const [figure, share] of Object.entries(shares)) {
    const records = await listed(figure as BehindFigure);
    expect([figure, records.counted, records.total]).toEqual([figure, share.count, share.of]);
  }
  expect((await listed('reports')).total).toBe(figures.reports.total);
  expect([(await listed('visits')).counted, (await listed('visits')).total]).toEqual([figures.visits.count, figures.visits.of]);
});

it(`lists the newest ${BEHIND_AT_MOST} of a longer month, says how many in all, at the same round trips as a short one`, async () => {
  const C = gridOf('GS-0103');
  const many = Array.from({ length: BEHIND_AT_MOST + 5 }, (_, i) => ({ ...checkIn(`m${String(i).padStart(3, '0')}`, '2030-03-02T08:00:00', { kind: 'patrol' }), gridId: C._id, gridCode: C.code, at: new Date(at('2030-03-02T08:00:00').getTime() + i * 60_000) }));
  await db.collection('checkins').add({ data: many });
  const call = (gridCode: string) => cloud.call<Body<FigureRecords>>('assessment', { action: 'behind', gridCode, month: MONTH, figure: 'patrols' }, streetOf('GS-0101'));
  const [long, short] = [await call(C.code), await call(A.code)];
  const records = okData(long.body);
  expect([records.total, records.counted, records.items.length]).toEqual([BEHIND_AT_MOST + 5, BEHIND_AT_MOST + 5, BEHIND_AT_MOST]);
  expect(records.items[0].id).toBe(`m${BEHIND_AT_MOST + 4}`);
  expect(records.items.at(-1)!.id).toBe('m005');
  expect(long.roundTrips).toBeGreaterThan(0);
  expect(long.roundTrips).toBe(short.roundTrips);
});

describe('who may open the records behind a figure (as assessment.grid)', () => {
  it.each<[string, string, () => string | undefined]>([
    ['the grid’s chief', 'ok', () => chiefOf('GS-0101')],
    ['the grid’s worker', 'ok', () => workerOf('GS-0101')],
    ['its community’s staff', 'ok', () => communityOf('GS-0101')],
    ['its street’s staff', 'ok', () => streetOf('GS-0101')],
    ['another grid’s chief', 'FORBIDDEN', () => chiefOf('GS-0102')],
    ['another community’s staff', 'FORBIDDEN', () => communityOf('GS-0201')],
    ['another street’s staff', 'FORBIDDEN', () => streetOf('FS-0101')],
    ['a resident', 'FORBIDDEN', () => newResident('behind')],
    ['no identity', 'UNAUTHENTICATED', () => undefined],
  ])('%s → %s', async (_, expected, openid) => {
    const body = await behind(openid(), { gridCode: A.code, month: MONTH, figure: 'response' });
    if (expected === 'ok') return expect(ids(okData(body))).toEqual([['p3', false], ['p2', false], ['p1', true]]);
    expectRefusal(body, expected);
    expect(JSON.stringify(body)).not.toContain('Wp1');
  });

  it('a code no grid had is NOT_FOUND; a figure not resting on records, or a malformed month, INVALID_INPUT', async () => {
    const street = streetOf('GS-0101');
    expectRefusal(await behind(street, { gridCode: 'GS-9999', month: MONTH, figure: 'response' }), 'NOT_FOUND');
    expectRefusal(await behind(street, { gridCode: A.code, month: MONTH, figure: 'score' }), 'INVALID_INPUT');
    expectRefusal(await behind(street, { gridCode: A.code, month: '2030-3', figure: 'response' }), 'INVALID_INPUT');
  });
});
