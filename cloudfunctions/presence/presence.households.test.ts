/**
 * 六必访 households through the presence function on a local cloud: kept by the grid's chief and
 * workers only, one per building and room, and listed with those due a visit first; a verified
 * visit makes a household not due until its interval has passed again, a flagged one does not.
 */
import type { DB } from 'wx-server-sdk/index';
import type { CheckIn, CheckInInput, Households, HouseholdView, SaveHouseholdInput } from '../../types/presence';
import { chiefOf, communityOf, expectRefusal, gridOf, okData, streetOf, workerOf, type Body } from '../../tests/support/appealKit';
import { count, readAll } from '../../tests/support/cloudDb';
import { moveClock } from '../../tests/support/clock';
import { openLocalCloud, type LocalCloud } from '../../tests/support/localCloud';

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => ({ cloud, db } = await openLocalCloud()));
afterAll(() => cloud.stop());

const presence = async <T,>(openid: string | undefined, action: string, params: object) => (await cloud.call<Body<T>>('presence', { action, ...params }, openid)).body;
const save = (openid: string, input: SaveHouseholdInput) => presence<HouseholdView>(openid, 'saveHousehold', input);
const list = async (openid: string, gridCode: string) => okData(await presence<Households>(openid, 'households', { gridCode }));
const { centre } = gridOf('GS-0201') as unknown as { centre: { lng: number; lat: number } };
const visit = (openid: string, building: string, room: string, latitude = centre.lat) =>
  presence<CheckIn>(openid, 'checkIn', {
    kind: 'visit',
    scanned: 'https://gridlink.example.cn/g/GS-0201',
    location: { latitude, longitude: centre.lng },
    household: { building, room, group: 'emptyNest' },
  } satisfies CheckInInput);

describe('who keeps a grid’s households', () => {
  const input: SaveHouseholdInput = { gridCode: 'GS-0202', building: '5号楼', room: '102', group: 'hardship', intervalDays: 30 };

  it.each([
    ['the chief', chiefOf('GS-0202'), 'ok'],
    ['a worker', workerOf('GS-0202'), 'ok'],
    ['another grid’s chief', chiefOf('GS-0201'), 'FORBIDDEN'],
    ['the community’s staff', communityOf('GS-0202'), 'FORBIDDEN'],
    ['the street’s staff', streetOf('GS-0202'), 'FORBIDDEN'],
    ['a resident', 'res-households', 'FORBIDDEN'],
  ])('%s → %s', async (_, openid, outcome) => {
    const before = await count(db, 'households');
    const saved = await save(openid, input);
    const listed = await presence<Households>(openid, 'households', { gridCode: 'GS-0202' });
    if (outcome === 'ok') {
      expect(okData(saved)).toMatchObject({ building: '5号楼', room: '102', group: 'hardship', groupLabel: '困难人群', intervalDays: 30 });
      expect(okData(listed).items.map((h) => [h.building, h.room])).toEqual([['5号楼', '102']]);
    } else {
      expectRefusal(saved, outcome);
      expectRefusal(listed, outcome);
      expect(await count(db, 'households')).toBe(before);
    }
  });

  it('nobody signed in is UNAUTHENTICATED; a bad interval or group is INVALID_INPUT', async () => {
    expectRefusal(await presence(undefined, 'households', { gridCode: 'GS-0202' }), 'UNAUTHENTICATED');
    expect(await save(chiefOf('GS-0202'), { ...input, intervalDays: 0 })).toMatchObject({ code: 'INVALID_INPUT', message: '走访周期至少 1 天' });
    expect(await save(chiefOf('GS-0202'), { ...input, group: 'rich' as SaveHouseholdInput['group'] })).toMatchObject({ code: 'INVALID_INPUT', message: '请选择六必访类别' });
  });
});

describe('which households are due a visit', () => {
  const chief = chiefOf('GS-0201');
  const worker = workerOf('GS-0201');

  it('new households are due at once; saving one again changes it rather than adding another', async () => {
    okData(await save(chief, { gridCode: 'GS-0201', building: '1号楼', room: '101', group: 'emptyNest', intervalDays: 7 }));
    okData(await save(worker, { gridCode: 'GS-0201', building: '1号楼', room: '102', group: 'leftBehind', intervalDays: 30 }));
    okData(await save(chief, { gridCode: 'GS-0201', building: '１号楼', room: '101', group: 'special', intervalDays: 14 }));
    const { items, dueCount } = await list(chief, 'GS-0201');
    expect(items.map((h) => [h.room, h.group, h.intervalDays, h.due, h.lastVisitAt])).toEqual([
      ['101', 'special', 14, true, null],
      ['102', 'leftBehind', 30, true, null],
    ]);
    expect(dueCount).toBe(2);
  });

  it('a verified visit makes a household not due until its interval passes; a far one counts for nothing', async () => {
    const visited = okData(await visit(worker, '1号楼', '101'));
    expect(visited.verified).toBe(true);
    expect(okData(await visit(worker, '1号楼', '102', centre.lat + 0.02)).flag).toBe('far');

    const after = await list(chief, 'GS-0201');
    expect(after.items.map((h) => [h.room, h.due, h.lastVisitAt])).toEqual([
      ['102', true, null],
      ['101', false, visited.at],
    ]);
    expect(after.dueCount).toBe(1);
    expect(after.items[1].dueAt).toBe(new Date(Date.parse(visited.at) + 14 * 86_400_000).toISOString());

    // What the assessment's 六必访 coverage reads: the verified visit covers 101 for its 14 days; the far one covers nothing; a visit to a door the grid does not keep covers nothing.
    const strayVisit = okData(await visit(worker, '9号楼', '909'));
    const stored = async (id: string) => (await readAll<{ coversUntil: Date | null }>(db, 'checkins', { _id: id }))[0].coversUntil;
    expect(await stored(visited.id)).toEqual(new Date(after.items[1].dueAt));
    expect(await stored(strayVisit.id)).toBeNull();
    const farVisit = (await readAll<{ _id: string; household: { room: string } }>(db, 'checkins', { kind: 'visit', verified: false })).find((c) => c.household.room === '102')!;
    expect(await stored(farVisit._id)).toBeNull();

    // Changing its group keeps when it was last visited, and since when it is kept.
    const [keptSince] = (await readAll<{ createdAt: Date }>(db, 'households', { gridId: gridOf('GS-0201')._id, room: '101' })).map((h) => h.createdAt);
    okData(await save(chief, { gridCode: 'GS-0201', building: '1号楼', room: '101', group: 'hardship', intervalDays: 14 }));
    expect((await readAll<{ createdAt: Date }>(db, 'households', { gridId: gridOf('GS-0201')._id, room: '101' }))[0].createdAt).toEqual(keptSince);
    expect((await list(chief, 'GS-0201')).items.find((h) => h.room === '101')).toMatchObject({ group: 'hardship', lastVisitAt: visited.at, due: false });

    // A fortnight on, 101 is due again, and overdue a little longer than 102 (never visited, due now).
    await moveClock(cloud, { advanceMinutes: 14 * 1440 });
    expect((await list(chief, 'GS-0201')).items.map((h) => [h.room, h.due])).toEqual([
      ['101', true],
      ['102', true],
    ]);
    await moveClock(cloud, { reset: true });
  });
});
