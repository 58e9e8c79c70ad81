import * as z from 'zod/mini';
import { TeamInput, type StaffPlaces, type Team, type TeamMember } from '../../types/staff';
import { placeOfGrid, roleScope } from '../domain/permissions';
import { mayManage } from '../domain/staffing';
import { action } from '../kit/action';
import { viewerOf } from '../kit/caller';
import { refuse } from '../domain/refusal';
import { activeGrid } from '../services/activeGrid';
import { communityById } from '../store/grids';
import type { StaffRecord } from '../domain/records';
import { communityStaff } from '../store/staff';
import { communitiesIn, gridsIn, streetsNamed } from '../store/scope';
import { OUT_OF_SCOPE } from './invites';

const NOT_A_MANAGER = '只有社区或街道工作人员可以管理网格人员';

const member = (s: StaffRecord, role: TeamMember['role']): TeamMember => ({ staffId: s._id, role, name: s.name, title: s.title, phone: s.phone });

/** Who holds a seat of a grid (its chief and workers) or a community: for those who may invite and unbind there. */
export const team = action(TeamInput, async (input, ports): Promise<Team> => {
  const { staff } = await viewerOf(ports);
  if (!staff) return refuse('FORBIDDEN', NOT_A_MANAGER);
  if (input.kind === 'grid') {
    const grid = await activeGrid(ports.db, input.gridCode, ['chief', 'workers']);
    if (!mayManage(staff, 'worker', placeOfGrid(grid))) return refuse('FORBIDDEN', OUT_OF_SCOPE);
    return { kind: 'grid', scope: grid.name, members: [...grid.chief.map((s) => member(s, 'chief')), ...grid.workers.map((s) => member(s, 'worker'))] };
  }
  const [community, people] = await Promise.all([communityById(ports.db, input.communityId), communityStaff(ports.db, input.communityId)]);
  if (!community) return refuse('NOT_FOUND', '没有这个社区');
  if (!mayManage(staff, 'community', { gridId: null, communityId: community._id, streetId: community.streetId })) return refuse('FORBIDDEN', OUT_OF_SCOPE);
  return { kind: 'community', scope: community.name, members: people.map((s) => member(s, 'community')) };
});

/**
 * The communities and active grids the caller may invite into, for the invite page's choices, and
 * the streets and communities they are staff of (`served`), for the assessment's chooser. Round
 * trips: the caller, then three at once.
 */
export const places = action(z.object({}), async (_, ports): Promise<StaffPlaces> => {
  const { staff } = await viewerOf(ports);
  const scope = roleScope(staff);
  if (!scope.communityIds.length && !scope.streetIds.length) return refuse('FORBIDDEN', NOT_A_MANAGER);
  const [communities, grids, streets] = await Promise.all([communitiesIn(ports.db, scope), gridsIn(ports.db, scope), streetsNamed(ports.db, scope.streetIds)]);
  const ownCommunities = communities.filter((c) => scope.communityIds.includes(c._id));
  return {
    served: [
      ...streets.map((s) => ({ level: 'street' as const, id: s._id, name: s.name })),
      ...ownCommunities.map((c) => ({ level: 'community' as const, id: c._id, name: c.name })),
    ],
    communities: communities.map((c) => ({
      id: c._id,
      name: c.name,
      streetId: c.streetId,
      mayInviteStaff: mayManage(staff, 'community', { gridId: null, communityId: c._id, streetId: c.streetId }),
      grids: grids.filter((g) => g.communityId === c._id).map(({ code, name }) => ({ code, name })),
    })),
  };
});
