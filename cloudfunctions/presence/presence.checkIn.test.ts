/**
 * 扫码签到 through the presence function on a local cloud: who may check in at which sign, for
 * which kind (refusals write nothing); where it was made and whether it counts (a far one is kept,
 * flagged, not verified); 到场 proving the on-site time once, so the SLA timer no longer races 到场.
 */
import type { DB } from 'wx-server-sdk/index';
import type { AppealRecord } from '../domain/records';
import type { CheckInRecord } from '../domain/presence';
import type { CheckIn, CheckInInput } from '../../types/presence';
import { appeal, chiefOf, communityOf, expectRefusal, fileAppeal, fireTimer, gridOf, moveDeadlines, newResident, okData, streetOf, uploadPhoto, workerOf, type Body } from '../../tests/support/appealKit';
import { count, readAll, readDoc } from '../../tests/support/cloudDb';
import { moveClock } from '../../tests/support/clock';
import { openLocalCloud, type LocalCloud } from '../../tests/support/localCloud';

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => ({ cloud, db } = await openLocalCloud()));
afterAll(() => cloud.stop());

const checkIn = async (openid: string | undefined, input: CheckInInput) => (await cloud.call<Body<CheckIn>>('presence', { action: 'checkIn', ...input }, openid)).body;

/** The sign of a grid as a phone's scanner reads it: its ordinary link, or its mini-program code's path. */
const sign = (code: string) => `https://gridlink.example.cn/g/${code}`;
const miniCode = (code: string) => `pages/grid/index?scene=${encodeURIComponent(`g=${code}`)}`;

/** A grid's centre as a phone reports it (GCJ-02). */
const centreOf = (code: string) => {
  const { centre } = gridOf(code) as unknown as { centre: { lng: number; lat: number } };
  return { latitude: centre.lat, longitude: centre.lng };
};
/** GS-0101's centre (inside its boundary), and a point 2 km north of it (a degree of latitude is about 111.2 km). */
const AT_GRID = centreOf('GS-0101');
const FAR = { latitude: AT_GRID.latitude + 2000 / 111_195, longitude: AT_GRID.longitude };

const stored = async (id: string) => (await readDoc<CheckInRecord>(db, 'checkins', id))!;
const storedAppeal = async (id: string) => (await readDoc<AppealRecord>(db, 'appeals', id))!;

describe('who may check in where: role × sign × kind', () => {
  let openAppeal: string;
  beforeAll(async () => {
    openAppeal = (await fileAppeal(cloud, newResident('presence'), { gridCode: 'GS-0101' })).id;
  });

  /** Each kind's input, scanned at `location` (GS-0101's centre unless said). */
  const KIND: Record<CheckInInput['kind'], (scanned: string, location?: CheckInInput['location']) => CheckInInput> = {
    patrol: (scanned, location = AT_GRID) => ({ kind: 'patrol', scanned, location, note: '例行巡防，路灯正常' }),
    visit: (scanned, location = AT_GRID) => ({ kind: 'visit', scanned, location, household: { building: '3号楼', room: '201', group: 'emptyNest' } }),
    arrival: (scanned, location = AT_GRID) => ({ kind: 'arrival', scanned, location, appealId: openAppeal }),
  };

  /** Who scans, and the grid they serve as its chief or worker (null: none). */
  const WHO: Array<[string, string | undefined, string | null]> = [
    ['GS-0101’s chief', chiefOf('GS-0101'), 'GS-0101'],
    ['GS-0101’s worker', workerOf('GS-0101'), 'GS-0101'],
    ['GS-0102’s chief', chiefOf('GS-0102'), 'GS-0102'],
    ['GS-0101’s community staff', communityOf('GS-0101'), null],
    ['GS-0101’s street staff', streetOf('GS-0101'), null],
    ['a resident', 'res-presence-table', null],
    ['nobody signed in', undefined, null],
  ];
  /** What is scanned, and the grid it names (null: none, or an unreadable scan). */
  const SIGNS: Array<[string, string, string | null]> = [
    ['GS-0101’s sign', sign('GS-0101'), 'GS-0101'],
    ['GS-0101’s mini-program code', miniCode('GS-0101'), 'GS-0101'],
    ['GS-0102’s sign', sign('GS-0102'), 'GS-0102'],
    ['a sign of no grid', sign('GS-9999'), 'GS-9999'],
    ['an invite’s link', 'https://gridlink.example.cn/i/ABCD2345', null],
    ['a shop’s QR', 'https://example.com/shop?id=3', null],
  ];

  /**
   * Written out by hand: only a grid's own chief and worker check in at its sign, and 到场 only for
   * an appeal of that grid (the open appeal is GS-0101's).
   */
  function expected(openid: string | undefined, serves: string | null, signed: string | null, kind: CheckInInput['kind']): string {
    if (openid === undefined) return 'UNAUTHENTICATED';
    if (signed === null) return 'INVALID_INPUT';
    if (signed === 'GS-9999') return 'NOT_FOUND';
    if (serves !== signed) return 'FORBIDDEN';
    return kind === 'arrival' && signed !== 'GS-0101' ? 'CONFLICT' : 'ok';
  }

  const rows = WHO.flatMap(([who, openid, serves]) =>
    SIGNS.flatMap(([signName, scanned, signed]) =>
      (Object.keys(KIND) as Array<CheckInInput['kind']>).map((kind) => [who, signName, kind, expected(openid, serves, signed, kind), openid, scanned, signed] as const),
    ),
  );

  it.each(rows)('%s scans %s for %s → %s', async (_, __, kind, outcome, openid, scanned, signed) => {
    const before = await count(db, 'checkins');
    const body = await checkIn(openid, KIND[kind](scanned, signed === 'GS-0102' ? centreOf('GS-0102') : AT_GRID));
    if (outcome === 'ok') {
      const made = okData(body);
      expect(made).toMatchObject({ kind, gridCode: signed, verified: true, distanceM: 0, flag: null });
      expect(await stored(made.id)).toMatchObject({ kind, gridCode: signed, scannedCode: signed, openid, verified: true });
      expect(await count(db, 'checkins')).toBe(before + 1);
    } else {
      expectRefusal(body, outcome);
      expect(await count(db, 'checkins')).toBe(before);
    }
  });

  it('the refusals say why, in words for people', async () => {
    expect(await checkIn('res-presence-words', KIND.patrol(sign('GS-0101')))).toMatchObject({ message: '只有网格长和网格员可以扫码签到' });
    expect(await checkIn(chiefOf('GS-0102'), KIND.patrol(sign('GS-0101')))).toMatchObject({ message: expect.stringContaining('你不是网格 GS-0101') });
    expect(await checkIn(chiefOf('GS-0101'), KIND.patrol('欢迎光临'))).toMatchObject({ code: 'INVALID_INPUT', message: '无法识别扫描的内容，请扫描网格标牌上的二维码' });
    expect(await checkIn(chiefOf('GS-0101'), KIND.patrol(sign('GS-9999')))).toMatchObject({ message: '没有找到网格码 GS-9999 对应的网格' });
  });

  it('a visit without its household, or an arrival without its appeal, is INVALID_INPUT and writes nothing', async () => {
    const before = await count(db, 'checkins');
    expect(await checkIn(chiefOf('GS-0101'), { kind: 'visit', scanned: sign('GS-0101') } as CheckInInput)).toMatchObject({ code: 'INVALID_INPUT', message: '走访请填写住户的楼栋、房号和六必访类别' });
    expect(await checkIn(chiefOf('GS-0101'), { kind: 'arrival', scanned: sign('GS-0101') } as CheckInInput)).toMatchObject({ code: 'INVALID_INPUT', message: '到场签到请选择诉求' });
    expect(await checkIn(chiefOf('GS-0101'), { kind: 'rest', scanned: sign('GS-0101') } as unknown as CheckInInput)).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await count(db, 'checkins')).toBe(before);
  });

  it('an arrival at another grid’s sign, by that grid’s own chief, for this grid’s appeal is a CONFLICT naming the appeal’s grid', async () => {
    const before = await storedAppeal(openAppeal);
    const body = await checkIn(chiefOf('GS-0102'), KIND.arrival(sign('GS-0102')));
    expectRefusal(body, 'CONFLICT');
    expect(body).toMatchObject({ message: '该诉求属于网格 GS-0101，请到该网格扫描它的标牌' });
    expect((await storedAppeal(openAppeal)).version).toBe(before.version);
  });
});

describe('where a check-in was made, and whether it counts', () => {
  it('2 km from the grid: kept with its position and distance, flagged far, not verified; the maker is told', async () => {
    const made = okData(await checkIn(workerOf('GS-0103'), { kind: 'patrol', scanned: sign('GS-0103'), location: FAR, note: '夜间巡防' }));
    const record = await stored(made.id);
    expect(record).toMatchObject({ kind: 'patrol', gridCode: 'GS-0103', verified: false, flag: 'far', position: { lng: FAR.longitude, lat: FAR.latitude }, note: '夜间巡防' });
    expect(record.distanceM).toBeGreaterThan(1900);
    expect(made.message).toBe(`巡防签到成功，但你距网格约 ${record.distanceM} 米，本次签到不计为已核验`);
  });

  it('without a position: kept, flagged unplaced, not verified', async () => {
    const made = okData(await checkIn(workerOf('GS-0103'), { kind: 'patrol', scanned: sign('GS-0103') }));
    expect(await stored(made.id)).toMatchObject({ verified: false, flag: 'unplaced', distanceM: null, position: null });
  });

  it('a patrol’s work photos are attached to the check-in, screened as staff’s', async () => {
    const photo = await uploadPhoto(cloud, chiefOf('GS-0104'), 'workPhoto');
    const made = okData(await checkIn(chiefOf('GS-0104'), { kind: 'patrol', scanned: miniCode('GS-0104'), location: AT_GRID, photos: [photo] }));
    expect(await stored(made.id)).toMatchObject({ photos: [{ fileID: photo, traceId: expect.any(String), hidden: false }] });
    const [file] = await readAll<{ attachedTo: unknown }>(db, 'files', { owner: chiefOf('GS-0104'), purpose: 'workPhoto' });
    expect(file.attachedTo).toEqual({ collection: 'checkins', id: made.id });
  });

  it('someone else’s photo is FORBIDDEN and nothing is kept', async () => {
    const photo = await uploadPhoto(cloud, workerOf('GS-0104'), 'workPhoto');
    const before = await count(db, 'checkins');
    expectRefusal(await checkIn(chiefOf('GS-0104'), { kind: 'patrol', scanned: sign('GS-0104'), location: AT_GRID, photos: [photo] }), 'FORBIDDEN');
    expect(await count(db, 'checkins')).toBe(before);
  });
});

describe('到场: a scan proves someone was on site', () => {
  const accepted = async () => {
    const { id } = await fileAppeal(cloud, newResident('arrive'), { gridCode: 'GS-0101' });
    okData(await appeal(cloud, chiefOf('GS-0101'), 'accept', { id }));
    return id;
  };
  const arrive = (openid: string, appealId: string, location = AT_GRID) => checkIn(openid, { kind: 'arrival', scanned: sign('GS-0101'), location, appealId });

  it('the first verified arrival sets the on-site time; a later one adds a line and keeps it', async () => {
    const id = await accepted();
    const first = okData(await arrive(workerOf('GS-0101'), id));
    await moveClock(cloud, { advanceMinutes: 30 });
    const second = okData(await arrive(chiefOf('GS-0101'), id));
    const after = await storedAppeal(id);
    expect(new Date(after.onSiteAt!).toISOString()).toBe(first.at);
    expect(after.timeline.filter((e) => e.type === 'arrived').map((e) => new Date(e.at).toISOString())).toEqual([first.at, second.at]);
    expect(await stored(first.id)).toMatchObject({ kind: 'arrival', appealId: id, verified: true });
    await moveClock(cloud, { reset: true });
  });

  it('a far arrival is kept, flagged, and leaves the appeal untouched', async () => {
    const id = await accepted();
    const before = await storedAppeal(id);
    const made = okData(await arrive(chiefOf('GS-0101'), id, FAR));
    expect(made).toMatchObject({ verified: false, flag: 'far', appealId: id });
    expect(made.message).toContain('也不计为诉求的到场时间');
    const after = await storedAppeal(id);
    expect(after.onSiteAt ?? null).toBeNull();
    expect(after.version).toBe(before.version);
  });

  it('an appeal no longer open refuses the arrival (CONFLICT) and nothing is kept', async () => {
    const id = await accepted();
    okData(await appeal(cloud, chiefOf('GS-0101'), 'resolve', { id, note: '已清理完毕' }));
    const before = await count(db, 'checkins', { appealId: id });
    expectRefusal(await arrive(chiefOf('GS-0101'), id), 'CONFLICT');
    expect(await count(db, 'checkins', { appealId: id })).toBe(before);
  });

  it('the SLA timer then no longer races 到场: with its deadline passed, only the appeal nobody reached misses it', async () => {
    const [reached, unreached] = [await accepted(), await accepted()];
    okData(await arrive(chiefOf('GS-0101'), reached));
    const past = new Date(Date.now() - 60_000);
    await moveDeadlines(db, reached, { onSiteBy: past });
    await moveDeadlines(db, unreached, { onSiteBy: past });
    okData(await fireTimer(cloud, 'timers'));
    expect((await storedAppeal(unreached)).sla?.missed).toEqual(['onSiteBy']);
    const after = await storedAppeal(reached);
    expect(after.sla?.missed ?? []).toEqual([]);
    expect(after.level).toBe('grid');
  });
});
