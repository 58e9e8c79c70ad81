/**
 * `assessment.compute`, `ranking` and `grid` against the local cloud: a hand-computed June 2030
 * for street GS (grids GS-0101 and GS-0102 active, the other ten idle), seeded straight into the
 * collections with chosen instants; check-ins in the shape `presence` stores them.
 */
import ExcelJS from 'exceljs';
import type { DB } from 'wx-server-sdk/index';
import type { ComputeResult, FigureRecords, GridAssessment, GridRecordOfMonths, Ranking } from '../../types/assessment';
import { chiefOf, communityOf, expectRefusal, gridOf, newResident, okData, streetOf, workerOf, type Body } from '../../tests/support/appealKit';
import { moveClock } from '../../tests/support/clock';
import { seededAppeal, zouchengTime } from '../../tests/support/seededAppeal';
import { count, readAll } from '../../tests/support/cloudDb';
import { LocalCloud, openLocalCloud } from '../../tests/support/localCloud';

const MONTH = '2030-06';
const A = gridOf('GS-0101');
const B = gridOf('GS-0102');

let cloud: LocalCloud;
let db: DB.Database;
/** The month has ended: the figures are the month's whole. */
const AFTER_JUNE = '2030-07-05T09:00:00+08:00';
beforeAll(async () => {
  ({ cloud, db } = await openLocalCloud());
  await moveClock(cloud, { at: AFTER_JUNE });
  await seed();
});
afterAll(() => cloud.stop());

const at = zouchengTime;
/** Grid A's chief, as the demo seats it: their actions put the grid online. */
const staff = { kind: 'staff', staffId: A.chiefId, name: '张三', title: '网格长' };
/** The community's staff: a 督办 card or a notice of theirs is not the grid being online. */
const communityStaff = { kind: 'staff', staffId: 'staff-community-GS01', name: '李四', title: '社区书记' };
const place = (gridId: string) => ({ status: 'accepted', level: 'grid', gridId });
const event = (type: string, wall: string, gridId = A._id, actor: object = staff) => ({ type, at: at(wall), actor, before: place(gridId), after: place(gridId) });

const residentAppeal = (id: string, filed: string, extra: object) =>
  seededAppeal(id, A, filed, { number: `T2030${id}`, status: 'resolved', updatedAt: at('2030-06-28T12:00:00'), ...extra });

/**
 * Grid A in June (30 days): check-ins on 06-01 (one verified patrol at 00:00, one flagged at 10:00),
 * visits on 06-20 and 06-30 (one flagged); a patrol at 05-31 23:59:59 and an arrival at 07-01 00:00
 * lie outside. A notice on 06-10. Appeal actions on 06-02 (a1, a2), 06-04 (a3, filed in May) and a
 * staff report on 06-20. Online: 01, 02, 04, 10, 20, 30 → 6 of 30 (the community's card on 06-15 and
 * its notice on 06-16 are not the grid's own actions, nor is the chief's reply on 06-18 while the
 * appeal was at the community).
 * 六必访: A keeps 101 (every 30 days) and 102 (every 7) from May, and 103 from 07-02. At the month's
 * end 101 is covered by the 06-30 visit; 102 is not: its verified visit of 06-20 lapsed on 06-27
 * and the 06-30 one was flagged → 1 of 2.
 */
async function seed() {
  const household = (room: string, intervalDays: number, kept: string) => ({
    _id: `h-${room}`, gridId: A._id, building: '3号楼', room, group: 'emptyNest', intervalDays, lastVisitAt: null, createdBy: 's1', createdAt: at(kept), updatedAt: at(kept),
  });
  await db.collection('households').add({ data: [household('101', 30, '2030-05-01T09:00:00'), household('102', 7, '2030-05-01T09:00:00'), household('103', 30, '2030-07-02T09:00:00')] });
  const visit = (room: string, wall: string, verified: boolean, coversUntil: string | null) => ({
    kind: 'visit', verified, at: at(wall), household: { building: '3号楼', room, group: 'emptyNest' }, coversUntil: coversUntil && at(coversUntil),
  });
  await db.collection('checkins').add({
    data: [
      { _id: 'c1', gridId: A._id, staffId: 's1', kind: 'patrol', verified: true, at: at('2030-06-01T00:00:00') },
      { _id: 'c2', gridId: A._id, staffId: 's1', kind: 'patrol', verified: false, at: at('2030-06-01T10:00:00') },
      { _id: 'c3', gridId: A._id, staffId: 's1', ...visit('101', '2030-06-30T23:59:00', true, '2030-07-30T23:59:00') },
      { _id: 'c7', gridId: A._id, staffId: 's1', ...visit('102', '2030-06-20T09:00:00', true, '2030-06-27T09:00:00') },
      { _id: 'c8', gridId: A._id, staffId: 's1', ...visit('102', '2030-06-30T10:00:00', false, null) },
      { _id: 'c4', gridId: A._id, staffId: 's1', kind: 'patrol', verified: true, at: at('2030-05-31T23:59:59') },
      { _id: 'c5', gridId: A._id, staffId: 's1', kind: 'arrival', verified: true, at: at('2030-07-01T00:00:00'), appealId: 'a1' },
      { _id: 'c6', gridId: B._id, staffId: 's2', kind: 'patrol', verified: true, at: at('2030-06-15T09:00:00') },
    ],
  });
  const notice = (id: string, wall: string, authorId: string) => ({ _id: id, scope: { kind: 'grid', id: A._id }, title: '通知', body: '', pinned: false, publishedAt: at(wall), authorId });
  await db.collection('notices').add({ data: [notice('n-assess', '2030-06-10T09:00:00', A.chiefId!), notice('n-community', '2030-06-16T09:00:00', communityStaff.staffId)] });
  const deadlines = (day: string, accept: string, onSite: string, resolve: string) => ({
    acceptBy: at(`${day}T${accept}`),
    onSiteBy: at(`${day}T${onSite}`),
    resolveBy: at(resolve),
  });
  await db.collection('appeals').add({
    data: [
      // in time everywhere (on site proven by a 到场 scan), rated 5, one yellow card
      residentAppeal('a1', '2030-06-02T09:00:00', {
        deadlines: deadlines('2030-06-02', '11:00:00', '17:00:00', '2030-06-05T20:00:00'),
        timeline: [
          event('submitted', '2030-06-02T09:00:00', A._id, { kind: 'resident', openid: 'r1' }),
          event('accepted', '2030-06-02T10:00:00'),
          event('arrived', '2030-06-02T15:00:00'),
        ],
        onSiteAt: at('2030-06-02T15:00:00'),
        resolvedAt: at('2030-06-03T10:00:00'),
        rating: { score: 5, comment: '', at: at('2030-06-03T12:00:00') },
        supervision: [{ card: 'yellow' }],
      }),
      // late to accept, on site by a reply's claim in time but scanned only after the 到场 deadline, resolved late, reopened, rated 3, a red and a yellow card; `source` resident spelled out
      residentAppeal('a2', '2030-06-02T12:00:00', {
        source: 'resident',
        deadlines: deadlines('2030-06-02', '14:00:00', '17:00:00', '2030-06-07T20:00:00'),
        timeline: [
          event('accepted', '2030-06-02T15:00:00'),
          event('replied', '2030-06-02T16:00:00'),
          event('arrived', '2030-06-02T18:00:00'),
          event('supervised', '2030-06-15T10:00:00', A._id, communityStaff),
        ],
        onSiteAt: at('2030-06-02T16:00:00'),
        resolvedAt: at('2030-06-09T10:00:00'),
        reopenCount: 1,
        rating: { score: 3, comment: '', at: at('2030-06-09T12:00:00') },
        supervision: [{ card: 'red' }, { card: 'yellow' }],
        // the community's red card on 06-15 is in the timeline too, at grid level: not the grid's own action
      }),
      // filed in May: not among June's appeals, but its 06-04 action puts the grid online that day
      residentAppeal('a3', '2030-05-31T23:30:00', {
        status: 'accepted',
        deadlines: deadlines('2030-06-01', '10:00:00', '12:00:00', '2030-06-04T20:00:00'),
        timeline: [
          event('accepted', '2030-06-04T08:30:00'),
          // on 06-18 the appeal was at the community: the chief following it there is not the grid's own work
          { type: 'replied', at: at('2030-06-18T10:00:00'), actor: staff, before: { status: 'accepted', level: 'community', gridId: A._id }, after: { status: 'accepted', level: 'community', gridId: A._id } },
        ],
      }),
      // a staff report: a report, not a resident's appeal
      residentAppeal('a4', '2030-06-20T10:00:00', {
        source: 'staff',
        status: 'accepted',
        deadlines: deadlines('2030-06-20', '10:00:00', '10:00:00', '2030-06-25T20:00:00'),
        timeline: [event('reported', '2030-06-20T10:00:00')],
        onSiteAt: at('2030-06-20T10:00:00'),
      }),
      // held for review: counts nowhere, and a system step is no staff action
      residentAppeal('a5', '2030-06-06T10:00:00', {
        status: 'held',
        deadlines: deadlines('2030-06-06', '12:00:00', '17:00:00', '2030-06-09T20:00:00'),
        timeline: [event('held', '2030-06-06T10:00:00', A._id, { kind: 'system' })],
      }),
    ],
  });
}

const call = async <T>(openid: string | undefined, action: string, params: object) => (await cloud.call<Body<T>>('assessment', { action, ...params }, openid)).body;
const compute = (openid: string | undefined, params: object = { month: MONTH, streetId: 'GS' }) => call<ComputeResult>(openid, 'compute', params);
const stored = (month = MONTH) => readAll<GridAssessment>(db, 'assessments', { month });

describe('a street computed for a month', () => {
  let docs: GridAssessment[];
  beforeAll(async () => {
    expect(okData(await compute(streetOf('GS-0101')))).toEqual({ month: MONTH, streetId: 'GS', grids: 12 });
    docs = await stored();
  });
  const of = (gridId: string) => docs.find((d) => d.gridId === gridId)!;

  it('stores one document per active grid, keyed grid and month', () => {
    expect(docs.map((d) => d._id).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `grid-GS-0${Math.floor(i / 4) + 1}0${(i % 4) + 1}:${MONTH}`).sort(),
    );
  });

  it("gives every figure of grid A's hand-computed June, its edges at midnight in Zoucheng (06-01 00:00 in, 05-31 23:59:59 and 07-01 00:00 out)", () => {
    expect(of(A._id).figures).toEqual({
      online: { count: 6, of: 30, rate: 0.2 },
      patrols: { count: 1, of: 2, rate: 0.5 },
      visits: { count: 2, of: 3, rate: 0.6667 },
      coverage: { count: 1, of: 2, rate: 0.5 },
      reports: { staff: 1, resident: 2, total: 3 },
      response: { count: 1, of: 2, rate: 0.5 },
      sameDay: { count: 1, of: 2, rate: 0.5 },
      resolution: { count: 2, of: 2, rate: 1 },
      onTime: { count: 1, of: 2, rate: 0.5 },
      redo: { count: 1, of: 2, rate: 0.5 },
      cards: { yellow: 2, red: 1 },
      satisfaction: { rated: 2, average: 4, satisfied: { count: 1, of: 2, rate: 0.5 } },
    });
  });

  it('scores and ranks: A 15×.2 + 15×.05 + 10×.5 + 10×.6 + 10×.5 + 10×.5 + 10×1 + 10×.5 + 5×.5 + 5×.5 = 44.75; B (15×.0333 + 15×.05) / 50 = 2.5; the idle ten tie at 0', () => {
    expect([of(A._id).score, of(A._id).streetRank]).toEqual([44.75, 1]);
    expect([of(B._id).score, of(B._id).streetRank]).toEqual([2.5, 2]);
    expect(docs.filter((d) => d.gridId !== A._id && d.gridId !== B._id).map((d) => [d.score, d.streetRank])).toEqual(Array(10).fill([0, 3]));
  });

  it('gives the same documents when computed again', async () => {
    okData(await compute(streetOf('GS-0101')));
    expect(await stored()).toEqual(docs);
  });

  it('ranks a community and gives city ranks across streets', async () => {
    okData(await compute(streetOf('FS-0101'), { month: MONTH, streetId: 'FS' }));
    const ranking = okData(await call<Ranking>(communityOf('GS-0101'), 'ranking', { month: MONTH, communityId: A.communityId }));
    expect(ranking.items.map((i) => [i.gridCode, i.score, i.streetRank, i.cityRank])).toEqual([
      ['GS-0101', 44.75, 1, 1],
      ['GS-0102', 2.5, 2, 2],
      ['GS-0103', 0, 3, 3],
      ['GS-0104', 0, 3, 3],
    ]);
    expect(ranking.items[0]).not.toHaveProperty('policy');
  });

  it('lists the households behind 六必访覆盖, not covered first, with the figure’s own count', async () => {
    const listed = okData(await call<FigureRecords>(communityOf('GS-0101'), 'behind', { gridCode: 'GS-0101', month: MONTH, figure: 'coverage' }));
    expect(listed).toMatchObject({ records: 'households', total: 2, counted: 1 });
    if (listed.records !== 'households') throw new Error('not the households');
    expect(listed.items.map((h) => [h.room, h.counted, h.coveredUntil])).toEqual([
      ['102', false, null],
      ['101', true, at('2030-07-30T23:59:00').toISOString()],
    ]);
    expect([listed.counted, listed.total]).toEqual([of(A._id).figures.coverage.count, of(A._id).figures.coverage.of]);
  });

  it("shows one grid's months, a month not computed absent", async () => {
    const record = okData(await call<GridRecordOfMonths>(workerOf('GS-0101'), 'grid', { gridCode: 'GS-0101', months: ['2030-05', MONTH] }));
    expect(record.grid.code).toBe('GS-0101');
    expect(record.months.map((m) => [m.month, m.score, m.cityRank])).toEqual([[MONTH, 44.75, 1]]);
  });
});

describe('the month exported', () => {
  /** The stored workbook's sheets as rows of cell values (row 1 the headers). */
  async function sheetsOf(fileID: string): Promise<Record<string, unknown[][]>> {
    const res = await fetch(`${cloud.url}/api/dev/file?id=${encodeURIComponent(fileID)}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    return Object.fromEntries(workbook.worksheets.map((sheet) => [sheet.name, sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1))]));
  }

  it("writes one row per grid under Chinese headers, grid A's figures in it, and the weights on a second sheet", async () => {
    const street = streetOf('GS-0101');
    okData(await compute(street));
    const { fileID } = okData(await call<{ fileID: string }>(street, 'export', { month: MONTH, streetId: 'GS' }));
    // Not guessable from the street and month: storage serves any fileID asked for.
    expect(fileID).toMatch(/\/assessments\/GS\/2030-06-[0-9a-f]{24}\.xlsx$/);
    const sheets = await sheetsOf(fileID);
    const [headers, ...rows] = sheets['网格考核'];
    expect(rows).toHaveLength(12);
    const rowOfA = Object.fromEntries(headers.map((h, i) => [h, rows[0][i]]));
    expect(rowOfA).toEqual({
      街道排名: 1, 网格码: 'GS-0101', 网格名称: A.name, 综合得分: 44.75, 在线天数: 6, '在线率(%)': 20, 巡防次数: 2, 有效巡防: 1, 走访次数: 3, 有效走访: 2, 六必访户数: 2, '六必访覆盖率(%)': 50,
      工作人员上报: 1, 居民反映: 2, 事项上报量: 3, '按时受理率(%)': 50, '当日到场率(%)': 50, '办结率(%)': 100, '按时办结率(%)': 50,
      '重办率(%)': 50, 黄牌督办: 2, 红牌督办: 1, 评价数: 2, 平均评分: 4, '满意率(%)': 50,
    });
    expect(sheets['权重'][0]).toEqual(['考核项', '权重', '满分所需次数']);
    expect(sheets['权重']).toContainEqual(['有效巡防', 15, 20]);
    expect(sheets['权重']).toHaveLength(11);
  });

  it('is for the street\'s own staff, and only for a computed month', async () => {
    expectRefusal(await call(communityOf('GS-0101'), 'export', { month: MONTH, streetId: 'GS' }), 'FORBIDDEN');
    expectRefusal(await call(streetOf('FS-0101'), 'export', { month: MONTH, streetId: 'GS' }), 'FORBIDDEN');
    expectRefusal(await call(streetOf('GS-0101'), 'export', { month: '2029-01', streetId: 'GS' }), 'NOT_FOUND');
  });
});

describe('streets made for the test', () => {
  /** A street ZZ of `grids` active grids, each with a check-in and an appeal in June, and its street staff. */
  async function streetOfGrids(streetId: string, grids: number): Promise<string> {
    const ids = Array.from({ length: grids }, (_, i) => `grid-${streetId}-${i}`);
    await db.collection('grids').add({ data: ids.map((_id, i) => ({ _id, code: `${streetId}-${1000 + i}`, name: `网格${i}`, communityId: `${streetId}01`, streetId, status: 'active', chiefId: null, workerIds: [] })) });
    await db.collection('checkins').add({ data: ids.map((gridId, i) => ({ _id: `c-${gridId}`, gridId, staffId: 's', kind: 'patrol', verified: i % 2 === 0, at: at('2030-06-03T09:00:00') })) });
    await db.collection('appeals').add({
      data: ids.map((gridId) => ({
        ...residentAppeal(`a-${gridId}`, '2030-06-03T09:00:00', { deadlines: { acceptBy: at('2030-06-03T11:00:00'), onSiteBy: at('2030-06-03T17:00:00'), resolveBy: at('2030-06-06T20:00:00') }, timeline: [event('accepted', '2030-06-03T10:00:00', gridId)] }),
        gridId,
        streetId,
      })),
    });
    const openid = `street-staff-${streetId}`;
    await db.collection('staff').add({ data: { _id: `staff-${streetId}`, openid, name: '街道', title: '街道干部', phone: '', avatar: null, roles: [{ role: 'street', streetId }] } });
    return openid;
  }

  it('do not grow with the number of grids: 3 grids and 60 cost the same', async () => {
    const few = await streetOfGrids('YY', 3);
    const many = await streetOfGrids('ZZ', 60);
    const trips = async (openid: string, streetId: string) => {
      const reply = await cloud.call<Body<ComputeResult>>('assessment', { action: 'compute', month: MONTH, streetId }, openid);
      expect(okData(reply.body).streetId).toBe(streetId);
      return reply.roundTrips;
    };
    const [fewTrips, manyTrips] = [await trips(few, 'YY'), await trips(many, 'ZZ')];
    expect(await count(db, 'assessments', { month: MONTH, streetId: 'ZZ' })).toBe(60);
    expect((await stored()).find((d) => d.gridId === 'grid-ZZ-0')!.figures.response).toEqual({ count: 1, of: 1, rate: 1 });
    // the caller; grids and settings; six tallies; remove and insert
    expect([fewTrips, manyTrips]).toEqual([11, 11]);
  });

  it("drops a grid retired since the month was last computed", async () => {
    const openid = await streetOfGrids('XX', 2);
    const computeXX = async () => okData((await cloud.call<Body<ComputeResult>>('assessment', { action: 'compute', month: MONTH, streetId: 'XX' }, openid)).body);
    expect((await computeXX()).grids).toBe(2);
    await db.collection('grids').doc('grid-XX-1').update({ data: { status: 'retired' } });
    expect((await computeXX()).grids).toBe(1);
    expect((await stored()).filter((d) => d.streetId === 'XX').map((d) => d._id)).toEqual([`grid-XX-0:${MONTH}`]);
  });
});

type Caller = 'resident' | 'nobody' | 'chief' | 'worker' | 'otherChief' | 'community' | 'otherCommunity' | 'street' | 'otherStreet';
const identity = (caller: Caller): string | undefined =>
  ({
    resident: newResident('caller'),
    nobody: undefined,
    chief: chiefOf('GS-0101'),
    worker: workerOf('GS-0101'),
    otherChief: chiefOf('GS-0102'),
    community: communityOf('GS-0101'),
    otherCommunity: communityOf('GS-0201'),
    street: streetOf('GS-0101'),
    otherStreet: streetOf('FS-0101'),
  })[caller];

/** compute GS / ranking GS / ranking community GS01 / grid GS-0101, by caller. */
const TABLE: Array<[Caller, string, string, string, string]> = [
  ['resident', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  ['nobody', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
  ['chief', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok'],
  ['worker', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok'],
  ['otherChief', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  ['community', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'],
  ['otherCommunity', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  ['street', 'ok', 'ok', 'ok', 'ok'],
  ['otherStreet', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
];

describe.each(TABLE)('%s', (caller, computes, ranksStreet, ranksCommunity, readsGrid) => {
  it(`compute → ${computes}`, async () => {
    if (computes === 'ok') return expect(okData(await compute(identity(caller), { month: '2030-03', streetId: 'GS' })).grids).toBe(12);
    expectRefusal(await compute(identity(caller), { month: '2030-04', streetId: 'GS' }), computes);
    expect(await count(db, 'assessments', { month: '2030-04' })).toBe(0);
  });

  it(`ranking of the street → ${ranksStreet}, of the community → ${ranksCommunity}`, async () => {
    const street = await call<Ranking>(identity(caller), 'ranking', { month: MONTH, streetId: 'GS' });
    const community = await call<Ranking>(identity(caller), 'ranking', { month: MONTH, communityId: A.communityId });
    for (const [body, expected, grids] of [[street, ranksStreet, 12], [community, ranksCommunity, 4]] as const) {
      if (expected === 'ok') expect(okData(body).items).toHaveLength(grids);
      else {
        expectRefusal(body, expected);
        expect(JSON.stringify(body)).not.toContain('GS-0101');
      }
    }
  });

  it(`grid → ${readsGrid}`, async () => {
    const body = await call<GridRecordOfMonths>(identity(caller), 'grid', { gridCode: 'GS-0101', months: [MONTH] });
    if (readsGrid === 'ok') return expect(okData(body).months.map((m) => m.score)).toEqual([44.75]);
    expectRefusal(body, readsGrid);
  });
});

it('takes 六必访 coverage at the moment of computing while the month runs, and at its end once it is over', async () => {
  const coverageOfA = async () => (await stored()).find((d) => d.gridId === A._id)!.figures.coverage;
  await moveClock(cloud, { at: '2030-06-10T09:00:00+08:00' });
  okData(await compute(streetOf('GS-0101')));
  expect(await coverageOfA()).toEqual({ count: 0, of: 2, rate: 0 });
  await moveClock(cloud, { at: '2030-06-22T09:00:00+08:00' });
  okData(await compute(streetOf('GS-0101')));
  expect(await coverageOfA()).toEqual({ count: 1, of: 2, rate: 0.5 });
  await moveClock(cloud, { at: AFTER_JUNE });
  okData(await compute(streetOf('GS-0101')));
  expect(await coverageOfA()).toEqual({ count: 1, of: 2, rate: 0.5 });
});

it('refuses a month not begun yet, and stores nothing for it', async () => {
  expect(await compute(streetOf('GS-0101'), { month: '2030-08', streetId: 'GS' })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '2030-08 还没有开始，不能计算考核' });
  expect(await count(db, 'assessments', { month: '2030-08' })).toBe(0);
});
