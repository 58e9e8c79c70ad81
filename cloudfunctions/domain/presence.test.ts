import { filedAppeal, gridRef } from '../../tests/support/appealRecord';
import { PRESENCE_WORDS } from '../../types/presence';
import type { GeoPolygon, LngLat } from './locate';
import {
  checkInMessage,
  distanceFromGrid,
  FAR_METRES,
  householdDue,
  householdDueAt,
  visitCoversUntil,
  householdsByDue,
  mayCheckIn,
  placement,
  refuseArrivalElsewhere,
  refuseCheckIn,
  scannedGrid,
} from './presence';
import type { StaffRecord, StaffRole } from './records';
import { Refusal } from './refusal';

/** A square grid about 180 m across around Zoucheng's centre (GCJ-02). */
const CENTRE: LngLat = { lng: 116.97, lat: 35.4 };
const D = 0.001;
const BOUNDARY: GeoPolygon = {
  type: 'Polygon',
  coordinates: [
    [
      [CENTRE.lng - D, CENTRE.lat - D],
      [CENTRE.lng + D, CENTRE.lat - D],
      [CENTRE.lng + D, CENTRE.lat + D],
      [CENTRE.lng - D, CENTRE.lat + D],
      [CENTRE.lng - D, CENTRE.lat - D],
    ],
  ],
};
/** A point `m` metres north of the centre (a degree of latitude is about 111.2 km). */
const north = (m: number): LngLat => ({ lng: CENTRE.lng, lat: CENTRE.lat + m / 111_195 });

describe('scannedGrid: what a scan of a sign names, by the grid page’s parser', () => {
  it.each([
    ['the sign’s ordinary link', 'https://gridlink.example.cn/g/GS-0101', 'GS-0101'],
    ['the link with a query and a lower-case code', 'http://gridlink.example.cn/g/gs-0101?from=sign', 'GS-0101'],
    ['the link’s path alone', '/g/GS-0101', 'GS-0101'],
    ['a mini-program code’s path with its scene', 'pages/grid/index?scene=g%3DGS-0101', 'GS-0101'],
    ['the scene double-encoded', 'pages/grid/index?scene=g%253DGS-0101', 'GS-0101'],
    ['a bare scene', 'g=GS-0101', 'GS-0101'],
    ['a full-width scene', 'ｇ＝ＧＳ－０１０１', 'GS-0101'],
  ])('%s → %s', (_, scanned, code) => {
    expect(scannedGrid(scanned)).toEqual({ ok: true, code });
  });

  it.each([
    ['a staff invite’s link', 'https://gridlink.example.cn/i/ABCD2345'],
    ['a bare code (no sign says only that)', 'GS-0101'],
    ['another site', 'https://example.com/shop?id=3'],
    ['a link with two segments after /g/', 'https://gridlink.example.cn/g/GS-0101/extra'],
    ['a scene of an invite', 'i=ABCD2345'],
    ['a script link', 'javascript:alert(1)//g/GS-0101'],
    ['text', '欢迎光临'],
  ])('%s is malformed', (_, scanned) => {
    expect(scannedGrid(scanned)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('distanceFromGrid: 0 inside the boundary, else metres from the centre', () => {
  it.each([
    ['at the centre', CENTRE, { boundary: BOUNDARY }, 0],
    ['inside, near the edge (100 m north)', north(100), { boundary: BOUNDARY }, 0],
    ['outside, 300 m north', north(300), { boundary: BOUNDARY }, 300],
    ['outside, 1 km north', north(1000), { boundary: BOUNDARY }, 1000],
    ['no boundary: 100 m is 100 m', north(100), { boundary: null }, 100],
  ])('%s', (_, at, { boundary }, metres) => {
    expect(distanceFromGrid({ centre: CENTRE, boundary }, at)).toBe(metres);
  });

  it('a grid with no centre and the point outside its boundary cannot be measured', () => {
    expect(distanceFromGrid({ centre: null, boundary: BOUNDARY }, north(300))).toBeNull();
    expect(distanceFromGrid({ centre: null, boundary: BOUNDARY }, CENTRE)).toBe(0);
  });
});

describe('placement: verified within FAR_METRES, else kept and flagged', () => {
  const grid = { centre: CENTRE, boundary: null };
  it.each([
    ['at the centre', CENTRE, 0, true, null],
    [`${FAR_METRES} m away, the limit`, north(FAR_METRES), FAR_METRES, true, null],
    [`${FAR_METRES + 1} m away`, north(FAR_METRES + 1), FAR_METRES + 1, false, 'far'],
    ['2 km away', north(2000), 2000, false, 'far'],
    ['no position sent', null, null, false, 'unplaced'],
  ] as const)('%s', (_, at, distanceM, verified, flag) => {
    expect(placement(grid, at)).toEqual({ position: at, distanceM, verified, flag });
  });

  it('a grid with nowhere to measure from leaves every check-in unplaced', () => {
    expect(placement({ centre: null, boundary: null }, CENTRE)).toMatchObject({ distanceM: null, verified: false, flag: 'unplaced' });
  });

  it.each([
    ['a patrol at the centre', 'patrol', CENTRE, '巡防签到成功'],
    ['a visit 800 m away', 'visit', north(800), '走访签到成功，但你距网格约 800 米，本次签到不计为已核验'],
    ['an arrival without a position', 'arrival', null, '到场签到成功，但未获取位置，本次签到不计为已核验，也不计为诉求的到场时间'],
    ['an arrival at the centre', 'arrival', CENTRE, '到场签到成功'],
  ] as const)('the maker of %s is told so', (_, kind, at, words) => {
    expect(checkInMessage(kind, placement(grid, at))).toBe(words);
  });
});

describe('who may check in: the grid’s chief and workers, by current roles', () => {
  const grid = gridRef('GS-0101');
  const place = { gridId: grid._id, communityId: grid.communityId, streetId: grid.streetId };
  const staff = (...roles: StaffRole[]): StaffRecord => ({ _id: 's1', openid: 'o1', name: '王芳', title: '网格员', phone: '13900000000', avatar: null, roles });

  it.each([
    ['the chief', true, staff({ role: 'chief', gridId: grid._id })],
    ['a worker', true, staff({ role: 'worker', gridId: grid._id })],
    ['a chief with another grid too', true, staff({ role: 'chief', gridId: 'grid-GS-0102' }, { role: 'worker', gridId: grid._id })],
    ['another grid’s chief', false, staff({ role: 'chief', gridId: 'grid-GS-0102' })],
    ['the community’s staff', false, staff({ role: 'community', communityId: grid.communityId })],
    ['the street’s staff', false, staff({ role: 'street', streetId: grid.streetId })],
    ['staff left without a role', false, staff()],
    ['a resident', false, null],
  ] as const)('%s → %s', (_, may, who) => {
    expect(mayCheckIn(who, place)).toBe(may);
    const run = () => refuseCheckIn(who, grid);
    if (may) expect(run).not.toThrow();
    else expect(run).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('a resident is told only staff check in; staff of elsewhere are told whose sign it is', () => {
    expect(() => refuseCheckIn(null, grid)).toThrow(`只有网格长和网格员可以${PRESENCE_WORDS.checkIn}`);
    expect(() => refuseCheckIn(staff({ role: 'chief', gridId: 'grid-GS-0102' }), grid)).toThrow('你不是网格 GS-0101（GS-0101 网格）的网格长或网格员');
  });
});

describe('到场 is for an appeal of the sign’s grid', () => {
  it('the appeal’s own grid passes', () => {
    expect(() => refuseArrivalElsewhere(filedAppeal(), gridRef('GS-0101'))).not.toThrow();
  });

  it('another grid’s sign is a CONFLICT naming the appeal’s grid', () => {
    const run = () => refuseArrivalElsewhere(filedAppeal(), gridRef('GS-0102'));
    expect(run).toThrow(Refusal);
    expect(run).toThrow('该诉求属于网格 GS-0101');
  });
});

describe('六必访: a household is due its interval after the last verified visit', () => {
  const NOW = new Date('2026-11-24T02:00:00.000Z');
  const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
  it.each([
    ['never visited', null, 30, NOW, true],
    ['visited 29 days ago, every 30 days', daysAgo(29), 30, daysAgo(-1), false],
    ['visited 30 days ago, every 30 days', daysAgo(30), 30, NOW, true],
    ['visited 8 days ago, every 7 days', daysAgo(8), 7, daysAgo(1), true],
  ] as const)('%s', (_, lastVisitAt, intervalDays, dueAt, due) => {
    expect(householdDueAt({ lastVisitAt, intervalDays }, NOW)).toEqual(dueAt);
    expect(householdDue({ lastVisitAt, intervalDays }, NOW)).toBe(due);
  });
});

describe('householdsByDue: the due first, longest overdue first, then by when they fall due', () => {
  const NOW = new Date('2026-11-24T02:00:00.000Z');
  const household = (room: string, lastVisitDaysAgo: number | null, intervalDays: number) => ({
    _id: room,
    gridId: 'grid-GS-0101',
    building: '3号楼',
    room,
    group: 'emptyNest' as const,
    intervalDays,
    lastVisitAt: lastVisitDaysAgo === null ? null : new Date(NOW.getTime() - lastVisitDaysAgo * 86_400_000),
    createdBy: 'demo-chief-GS-0101',
    createdAt: NOW,
    updatedAt: NOW,
  });

  it('lists 301 (10 days overdue), 101 (never visited), 102 (due today), then 201 and 202 by their due dates', () => {
    const listed = householdsByDue([household('202', 1, 30), household('102', 7, 7), household('301', 40, 30), household('101', null, 30), household('201', 20, 30)], NOW);
    expect(listed.map((h) => [h.room, h.due])).toEqual([
      ['301', true],
      ['101', true],
      ['102', true],
      ['201', false],
      ['202', false],
    ]);
    expect(listed[0]).toMatchObject({ groupLabel: '空巢老人', dueAt: '2026-11-14T02:00:00.000Z', lastVisitAt: '2026-10-15T02:00:00.000Z' });
  });
});

describe('visitCoversUntil: how long a visit counts toward 六必访 coverage', () => {
  const AT = new Date('2026-11-20T01:30:00.000Z');

  it('covers a kept household for its interval from a verified visit', () => {
    expect(visitCoversUntil({ intervalDays: 30 }, true, AT)).toEqual(new Date('2026-12-20T01:30:00.000Z'));
    expect(visitCoversUntil({ intervalDays: 7 }, true, AT)).toEqual(new Date('2026-11-27T01:30:00.000Z'));
  });

  it('covers nothing when the visit was flagged or the grid keeps no such household', () => {
    expect(visitCoversUntil({ intervalDays: 30 }, false, AT)).toBeNull();
    expect(visitCoversUntil(null, true, AT)).toBeNull();
  });
});
