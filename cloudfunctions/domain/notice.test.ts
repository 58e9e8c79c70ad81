import type { NoticeScopeKind } from '../../types/notice';
import { mayUnpublish } from './notice';
import type { Place } from './permissions';
import type { StaffRecord, StaffRole } from './records';

const staff = (id: string, ...roles: StaffRole[]): StaffRecord => ({ _id: id, openid: id, name: '某人', title: '职务', phone: '13800000000', avatar: null, roles });

const grid: Place = { gridId: 'grid-GS-0101', communityId: 'GS01', streetId: 'GS' };
const community: Place = { gridId: null, communityId: 'GS01', streetId: 'GS' };
const PLACES: Record<NoticeScopeKind, Place> = { grid, community, street: { gridId: null, communityId: null, streetId: 'GS' } };

const chief = staff('author', { role: 'chief', gridId: 'grid-GS-0101' });
const unboundAuthor = staff('author');
const authorNowElsewhere = staff('author', { role: 'chief', gridId: 'grid-GS-0102' });
const peer = staff('peer', { role: 'worker', gridId: 'grid-GS-0101' });
const communityStaff = staff('author', { role: 'community', communityId: 'GS01' });
const communityPeer = staff('peer', { role: 'community', communityId: 'GS01' });
const streetStaff = staff('boss', { role: 'street', streetId: 'GS' });
const otherStreet = staff('other', { role: 'street', streetId: 'QQ' });

describe('mayUnpublish: current roles, never authorship alone', () => {
  it.each<[string, StaffRecord | null, NoticeScopeKind, boolean]>([
    ['the author, still the grid’s chief', chief, 'grid', true],
    ['the author, unbound from every seat', unboundAuthor, 'grid', false],
    ['the author, now chief of another grid', authorNowElsewhere, 'grid', false],
    ['a worker of the same grid, not the author', peer, 'grid', false],
    ['the author of a community notice, still its staff', communityStaff, 'community', true],
    ['another of the community’s staff', communityPeer, 'community', false],
    ['community staff over a grid notice', communityPeer, 'grid', true],
    ['street staff over a grid notice', streetStaff, 'grid', true],
    ['street staff over a community notice', streetStaff, 'community', true],
    ['another street’s staff', otherStreet, 'grid', false],
    ['no staff record', null, 'grid', false],
  ])('%s → %s', (_, who, kind, allowed) => {
    expect(mayUnpublish(who, { authorId: 'author', scope: { kind, id: 'x' } }, PLACES[kind])).toBe(allowed);
  });
});
