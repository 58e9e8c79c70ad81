/**
 * The team view and the invite page's choices: who holds a grid's or a community's seats, and
 * which places a community or street staff member may invite into — only for those who may
 * invite and unbind there (DESIGN §1.4).
 */
import type { Invite, StaffBinding, StaffPlaces, Team } from '../../types/staff';
import { chiefOf, communityOf, expectRefusal, gridOf, newResident, okData, staffName, streetOf, workerOf, type Body } from '../../tests/support/appealKit';
import { openCloudDb } from '../../tests/support/cloudDb';
import { demo, LocalCloud } from '../../tests/support/localCloud';

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await LocalCloud.start();
});
afterAll(() => cloud.stop());

const staff = async <T = any>(openid: string | undefined, action: string, params: object = {}): Promise<Body<T>> =>
  (await cloud.call<Body<T>>('staff', { action, ...params }, openid)).body;

const G = 'GS-0102';
const gridTeam = { kind: 'grid', gridCode: G };
const communityTeam = { kind: 'community', communityId: gridOf(G).communityId };

describe('who may see a team', () => {
  it.each<[string, string | undefined, object, string | null]>([
    ['the grid’s community staff → the grid', communityOf(G), gridTeam, null],
    ['the grid’s street staff → the grid', streetOf(G), gridTeam, null],
    ['the street staff → a community of their street', streetOf(G), communityTeam, null],
    ['another community’s staff → the grid', communityOf('GS-0201'), gridTeam, 'FORBIDDEN'],
    ['another street’s staff → the grid', streetOf('QQ-0101'), gridTeam, 'FORBIDDEN'],
    ['community staff → their own community’s staff', communityOf(G), communityTeam, 'FORBIDDEN'],
    ['the grid’s chief → the grid', chiefOf(G), gridTeam, 'FORBIDDEN'],
    ['the grid’s worker → the grid', workerOf(G), gridTeam, 'FORBIDDEN'],
    ['a resident → the grid', newResident(), gridTeam, 'FORBIDDEN'],
    ['no identity → the grid', undefined, gridTeam, 'UNAUTHENTICATED'],
  ])('%s', async (_, openid, params, refused) => {
    const body = await staff<Team>(openid, 'team', params);
    if (refused) {
      expectRefusal(body, refused);
      expect(JSON.stringify(body)).not.toContain(staffName(chiefOf(G)).phone);
    } else okData(body);
  });

  it.each<[string, object, string]>([
    ['an unknown grid', { kind: 'grid', gridCode: 'GS-9999' }, 'NOT_FOUND'],
    ['an operator object as the grid', { kind: 'grid', gridCode: { $ne: null } }, 'INVALID_INPUT'],
    ['no kind', { gridCode: G }, 'INVALID_INPUT'],
  ])('%s: %s', async (_, params, code) => {
    expectRefusal(await staff(communityOf(G), 'team', params), code);
  });
});

describe('what a team shows', () => {
  it('a grid’s chief and workers with their contact, and the change after an invite and an unbind', async () => {
    const before = okData(await staff<Team>(communityOf(G), 'team', gridTeam));
    const [chief, worker] = [staffName(chiefOf(G)), staffName(workerOf(G))];
    expect(before).toEqual({
      kind: 'grid',
      scope: gridOf(G).name,
      members: [
        { staffId: chief._id, role: 'chief', name: chief.name, title: chief.title, phone: chief.phone },
        { staffId: worker._id, role: 'worker', name: worker.name, title: worker.title, phone: worker.phone },
      ],
    });

    const { code } = okData(await staff<Invite>(communityOf(G), 'invite', { role: 'worker', gridCode: G, name: '新队员', title: '兼职网格员', phone: '13900002222' }));
    const { staffId } = okData(await staff<StaffBinding>(newResident('team'), 'redeem', { code }));
    const joined = okData(await staff<Team>(streetOf(G), 'team', gridTeam));
    expect(joined.members.at(-1)).toEqual({ staffId, role: 'worker', name: '新队员', title: '兼职网格员', phone: '13900002222' });

    okData(await staff(communityOf(G), 'unbind', { staffId, role: 'worker', gridCode: G }));
    expect(okData(await staff<Team>(communityOf(G), 'team', gridTeam)).members.map((m) => m.staffId)).toEqual([chief._id, worker._id]);
  });

  it('a community’s own staff', async () => {
    const team = okData(await staff<Team>(streetOf(G), 'team', communityTeam));
    const own = demo.staff.filter((s) => s.roles.some((r) => r.role === 'community' && r.communityId === communityTeam.communityId));
    expect(team.scope).toBe(demo.communities.find((c) => c._id === communityTeam.communityId)!.name);
    expect(team.members.map((m) => [m.staffId, m.role])).toEqual(own.map((s) => [s._id, 'community']));
  });
});

describe('where one may invite', () => {
  const activeGrids = (communityId: string) =>
    demo.grids
      .filter((g) => g.communityId === communityId && g.status === 'active')
      .map((g) => ({ code: g.code, name: g.name }))
      .sort((a, b) => a.code.localeCompare(b.code));

  it('community staff: their community’s grids, not its staff seats', async () => {
    const id = gridOf(G).communityId;
    const places = okData(await staff<StaffPlaces>(communityOf(G), 'places'));
    const name = demo.communities.find((c) => c._id === id)!.name;
    expect(places).toEqual({
      communities: [{ id, name, streetId: gridOf(G).streetId, mayInviteStaff: false, grids: activeGrids(id) }],
      served: [{ level: 'community', id, name }],
    });
  });

  it('street staff: every community of their street with its grids, and its staff seats', async () => {
    const street = gridOf(G).streetId;
    const places = okData(await staff<StaffPlaces>(streetOf(G), 'places'));
    const expected = demo.communities.filter((c) => c.streetId === street);
    expect(places.communities.map((c) => c.id)).toEqual(expected.map((c) => c._id).sort());
    expect(places.served).toEqual([{ level: 'street', id: street, name: demo.streets.find((s) => s._id === street)!.name }]);
    for (const c of places.communities) {
      expect(c.mayInviteStaff).toBe(true);
      expect(c.streetId).toBe(street);
      expect(c.grids).toEqual(activeGrids(c.id));
    }
  });

  it('staff of a street and two communities elsewhere: they serve the street, then the two communities, not those merely below the street', async () => {
    const openid = 'staff-of-many-places';
    const roles = [{ role: 'community', communityId: 'QQ02' }, { role: 'street', streetId: 'FS' }, { role: 'community', communityId: 'GS01' }];
    await openCloudDb(cloud.url).collection('staff').add({ data: { _id: 'staff-many-places', openid, name: '多岗', title: '街道干部', phone: '', avatar: null, roles } });
    const places = okData(await staff<StaffPlaces>(openid, 'places'));
    expect(places.served).toEqual([
      { level: 'street', id: 'FS', name: '凫山街道' },
      { level: 'community', id: 'GS01', name: '平阳社区' },
      { level: 'community', id: 'QQ02', name: '千泉社区' },
    ]);
    expect(places.communities.map((c) => c.id)).toEqual([...demo.communities.filter((c) => c.streetId === 'FS').map((c) => c._id), 'GS01', 'QQ02'].sort());
  });

  it.each<[string, string | undefined, string]>([
    ['a chief', chiefOf(G), 'FORBIDDEN'],
    ['a resident', newResident(), 'FORBIDDEN'],
    ['no identity', undefined, 'UNAUTHENTICATED'],
  ])('%s is refused', async (_, openid, code) => {
    expectRefusal(await staff(openid, 'places'), code);
  });
});
