import type { AppealStatus } from '../../types/appeal';
import type { AppealRecord, StaffRecord, StaffRole } from './records';
import { APPEAL_STATUSES } from '../../types/vocabulary';
import { followedStatuses, isFiler, mayBlock, mayModerate, mayRate, mayReport, maySee, mayWork, reachOver, reaches, roleScope, type Viewer } from './permissions';

const place = { gridId: 'grid-GS-0101', communityId: 'GS01', streetId: 'GS' };
const appeal = (status: AppealStatus = 'submitted', level: AppealRecord['level'] = 'grid') => ({ ...place, status, level, residentOpenid: 'filer' }) as AppealRecord;
/** A staff report of the grid, reported by `filer`. */
const report = (status: AppealStatus = 'accepted') => ({ ...appeal(status), source: 'staff' }) as AppealRecord;
const staff = (...roles: StaffRole[]): StaffRecord => ({ _id: 's', openid: 'staff', name: '某人', title: '职务', phone: '13800000000', avatar: null, roles });
const as = (s: StaffRecord | null, openid = 'someone'): Viewer => ({ openid, staff: s });

const chief = staff({ role: 'chief', gridId: 'grid-GS-0101' });
const worker = staff({ role: 'worker', gridId: 'grid-GS-0101' });
const otherChief = staff({ role: 'chief', gridId: 'grid-GS-0102' });
const community = staff({ role: 'community', communityId: 'GS01' });
const otherCommunity = staff({ role: 'community', communityId: 'GS02' });
const street = staff({ role: 'street', streetId: 'GS' });
const otherStreet = staff({ role: 'street', streetId: 'QQ' });

describe('reachOver: how a staff member reaches an appeal’s grid', () => {
  it.each([
    ['no staff record', null, null],
    ['the grid’s chief', chief, 'grid'],
    ['the grid’s worker', worker, 'grid'],
    ['another grid’s chief', otherChief, null],
    ['the community above it', community, 'community'],
    ['another community', otherCommunity, null],
    ['the street above it', street, 'street'],
    ['another street', otherStreet, null],
    ['street staff who are also its chief: the closest role', staff({ role: 'street', streetId: 'GS' }, { role: 'chief', gridId: 'grid-GS-0101' }), 'grid'],
    ['another grid’s chief who also serves its community', staff({ role: 'chief', gridId: 'grid-GS-0102' }, { role: 'community', communityId: 'GS01' }), 'community'],
  ])('%s → %s', (_, s, reach) => {
    expect(reachOver(s as StaffRecord | null, place)).toBe(reach);
  });
});

describe('who may work, moderate and see an appeal', () => {
  const table: Array<[string, Viewer, { work: boolean; workHeld: boolean; moderate: boolean; see: boolean }]> = [
    ['the filer', as(null, 'filer'), { work: false, workHeld: false, moderate: false, see: true }],
    ['another resident', as(null), { work: false, workHeld: false, moderate: false, see: false }],
    ['the chief', as(chief), { work: true, workHeld: false, moderate: false, see: true }],
    ['the worker', as(worker), { work: true, workHeld: false, moderate: false, see: true }],
    ['another grid’s chief', as(otherChief), { work: false, workHeld: false, moderate: false, see: false }],
    ['community staff above it', as(community), { work: true, workHeld: true, moderate: true, see: true }],
    ['another community’s staff', as(otherCommunity), { work: false, workHeld: false, moderate: false, see: false }],
    ['street staff above it', as(street), { work: true, workHeld: true, moderate: true, see: true }],
    ['another street’s staff', as(otherStreet), { work: false, workHeld: false, moderate: false, see: false }],
  ];
  it.each(table)('%s', (_, viewer, may) => {
    expect({
      work: mayWork(viewer, appeal()),
      workHeld: mayWork(viewer, appeal('held')),
      moderate: mayModerate(viewer, appeal('held')),
      see: maySee(viewer, appeal()),
    }).toEqual(may);
  });

  it.each([
    ['the chief', as(chief), { work: false, see: true }],
    ['the worker', as(worker), { work: false, see: true }],
    ['community staff above it', as(community), { work: true, see: true }],
    ['street staff above it', as(street), { work: true, see: true }],
  ])('an appeal risen to the community (升级, 退回, 社区复核): %s', (_, viewer, may) => {
    expect({ work: mayWork(viewer, appeal('accepted', 'community')), see: maySee(viewer, appeal('accepted', 'community')) }).toEqual(may);
  });

  it('an appeal risen to the street is worked by the street only', () => {
    expect([chief, community, street].map((s) => mayWork(as(s), appeal('returned', 'street')))).toEqual([false, false, true]);
  });

  it('the grid’s own chief does not see a held appeal until it is released', () => {
    expect(maySee(as(chief), appeal('held'))).toBe(false);
    expect(maySee(as(chief), appeal('submitted'))).toBe(true);
  });

  it('the filer is known by the platform openid alone', () => {
    expect(isFiler(as(null, 'filer'), appeal())).toBe(true);
    expect(isFiler(as(community, 'not-the-filer'), appeal())).toBe(false);
  });
});

describe('roleScope', () => {
  it('gathers every grid, community and street a staff member answers for', () => {
    const many = staff({ role: 'chief', gridId: 'g1' }, { role: 'worker', gridId: 'g2' }, { role: 'community', communityId: 'c1' }, { role: 'street', streetId: 's1' });
    expect(roleScope(many)).toEqual({ gridIds: ['g1', 'g2'], communityIds: ['c1'], streetIds: ['s1'] });
  });
});

describe('reaches: the one rule for whether a role reaches a grid, a community or a street', () => {
  const communityPlace = { gridId: null, communityId: 'GS01', streetId: 'GS' };
  const streetPlace = { gridId: null, communityId: null, streetId: 'GS' };
  it.each([
    ['a grid: the chief', chief, place, ['grid']],
    ['a grid: its community and street', staff({ role: 'street', streetId: 'GS' }, { role: 'community', communityId: 'GS01' }), place, ['community', 'street']],
    ['a community: its own staff', community, communityPlace, ['community']],
    ['a community: a chief of one of its grids does not reach the whole community', chief, communityPlace, []],
    ['a community: another community’s staff', otherCommunity, communityPlace, []],
    ['a community: its street', street, communityPlace, ['street']],
    ['a street: community staff below it do not reach the whole street', community, streetPlace, []],
    ['a street: its own staff', street, streetPlace, ['street']],
    ['a street: another street', otherStreet, streetPlace, []],
    ['no staff record', null, place, []],
  ])('%s', (_, s, where, levels) => {
    expect(reaches(s as StaffRecord | null, where)).toEqual(levels);
  });
});

describe('mayBlock: one answer for the block action and its button', () => {
  it.each([
    ['street staff over the appeal', as(street), true],
    ['street staff who filed it themselves', as(street, 'filer'), false],
    ['street staff who are also its grid’s chief', as(staff({ role: 'chief', gridId: 'grid-GS-0101' }, { role: 'street', streetId: 'GS' })), true],
    ['another street’s staff', as(otherStreet), false],
    ['community staff above it', as(community), false],
    ['the chief', as(chief), false],
    ['the filer', as(null, 'filer'), false],
  ])('%s → %s', (_, viewer, may) => {
    expect(mayBlock(viewer, appeal())).toBe(may);
  });
});

describe('mayBlock and mayRate on a staff report (上报): its filer is its reporter, not a resident', () => {
  it.each([
    ['the reporter, a worker of the grid', as(worker, 'filer')],
    ['the reporter, since unbound from every seat', as(null, 'filer')],
    ['street staff over it', as(street)],
  ])('%s may neither rate it nor bar its filer', (_, viewer) => {
    expect(mayRate(viewer, report('resolved'))).toBe(false);
    expect(mayBlock(viewer, report())).toBe(false);
  });

  it('while the filer of a resident’s appeal rates it, and street staff may bar them', () => {
    expect(mayRate(as(null, 'filer'), appeal('resolved'))).toBe(true);
    expect(mayBlock(as(street), appeal())).toBe(true);
  });

  it('the reporter follows it as its filer', () => {
    expect(maySee(as(null, 'filer'), report())).toBe(true);
  });
});

describe('mayReport: the grid’s own chief and workers only', () => {
  it.each([
    ['no staff record', null, false],
    ['the grid’s chief', chief, true],
    ['the grid’s worker', worker, true],
    ['another grid’s chief', otherChief, false],
    ['the community above it', community, false],
    ['the street above it', street, false],
    ['street staff who are also its chief', staff({ role: 'street', streetId: 'GS' }, { role: 'chief', gridId: 'grid-GS-0101' }), true],
  ])('%s → %s', (_, s, may) => {
    expect(mayReport(s as StaffRecord | null, place)).toBe(may);
  });
});

describe('followedStatuses: what of a grid a staff member follows, for one appeal and for the ledger', () => {
  const notHeld = APPEAL_STATUSES.filter((s) => s !== 'held');
  it.each<[string, StaffRecord | null, AppealStatus[]]>([
    ['no staff record', null, []],
    ['the grid’s chief: all but held', chief, notHeld],
    ['the grid’s worker: all but held', worker, notHeld],
    ['another grid’s chief', otherChief, []],
    ['the community above it: all', community, [...APPEAL_STATUSES]],
    ['another community', otherCommunity, []],
    ['the street above it: all', street, [...APPEAL_STATUSES]],
    ['another street', otherStreet, []],
    ['its chief who also serves its community: all', staff({ role: 'chief', gridId: 'grid-GS-0101' }, { role: 'community', communityId: 'GS01' }), [...APPEAL_STATUSES]],
  ])('%s', (_, s, statuses) => {
    expect(followedStatuses(s, place)).toEqual(statuses);
    for (const status of APPEAL_STATUSES) expect(maySee(as(s), appeal(status))).toBe(statuses.includes(status));
  });
});
