import type { AppealStatus } from '../../types/appeal';
import { APPEAL_STATUSES } from '../../types/vocabulary';
import { isStaffReport } from './appeal';
import type { AppealRecord, GridRecord, StaffRecord, StaffRole } from './records';

/** Who is looking: the platform's openid, and the staff record it belongs to, if any. */
export type Viewer = { openid: string; staff: StaffRecord | null };

export type StaffReach = 'grid' | 'community' | 'street';

/**
 * A place in the hierarchy: a grid has all three ids, a community no grid, a street only itself.
 * Every "does this role reach here" question (appeals, notices, seats, signs, retiring) is asked of one.
 */
export type Place = { gridId: string | null; communityId: string | null; streetId: string };

/** A grid's place. */
export const placeOfGrid = (grid: Pick<GridRecord, '_id' | 'communityId' | 'streetId'>): Place => ({ gridId: grid._id, communityId: grid.communityId, streetId: grid.streetId });

/** The level at which one role reaches the place, or null: the one rule for every role and place. */
function roleReach(r: StaffRole, place: Place): StaffReach | null {
  if (r.role === 'chief' || r.role === 'worker') return place.gridId !== null && r.gridId === place.gridId ? 'grid' : null;
  if (r.role === 'community') return place.communityId !== null && r.communityId === place.communityId ? 'community' : null;
  return r.streetId === place.streetId ? 'street' : null;
}

const CLOSEST_FIRST: StaffReach[] = ['grid', 'community', 'street'];

/** Every level at which a staff member's current roles reach the place, closest first (none: empty). */
export function reaches(staff: StaffRecord | null, place: Place): StaffReach[] {
  const found = new Set((staff?.roles ?? []).map((r) => roleReach(r, place)));
  return CLOSEST_FIRST.filter((level) => found.has(level));
}

/** How a staff member reaches a place, from the closest role they hold; null: not at all. */
export const reachOver = (staff: StaffRecord | null, place: Place): StaffReach | null => reaches(staff, place)[0] ?? null;

/** Whether one of the staff member's roles reaches the place at `level` (not merely closer or further). */
export const reachesAt = (staff: StaffRecord | null, place: Place, level: StaffReach) => reaches(staff, place).includes(level);

/** Who filed it: the resident, or for a staff report (上报) the chief or worker who reported it. */
export const isFiler = (viewer: Viewer, appeal: AppealRecord) => viewer.openid === appeal.residentOpenid;

/** Whether one of the staff member's roles reaches the appeal from above its grid (its community or street). */
const reachesFromAbove = (viewer: Viewer, appeal: AppealRecord) => reaches(viewer.staff, appeal).some((level) => level !== 'grid');

const RANK: Record<StaffReach, number> = { grid: 0, community: 1, street: 2 };

/**
 * The statuses of a grid's appeals a staff member may follow (none: they do not reach it). Staff
 * over the grid follow its appeals; one held for moderation is not shown to the grid's own staff
 * until community or street staff release it. The one rule for a single appeal and for a list.
 */
export function followedStatuses(staff: StaffRecord | null, place: Place): AppealStatus[] {
  const levels = reaches(staff, place);
  if (!levels.length) return [];
  return levels.some((level) => level !== 'grid') ? [...APPEAL_STATUSES] : APPEAL_STATUSES.filter((s) => s !== 'held');
}

const mayFollow = (viewer: Viewer, appeal: AppealRecord): boolean => followedStatuses(viewer.staff, appeal).includes(appeal.status);

/** 上报: the grid's own chief and workers report into its ledger (community and street staff file appeals). */
export const mayReport = (staff: StaffRecord | null, place: Place) => reachesAt(staff, place, 'grid');

/**
 * Staff work an appeal at its level or from above: once it has risen to the community (升级,
 * 退回, or 社区复核 after repeated 重办) the grid's own staff follow it but no longer work it.
 */
export const mayWork = (viewer: Viewer, appeal: AppealRecord): boolean =>
  mayFollow(viewer, appeal) && reaches(viewer.staff, appeal).some((level) => RANK[level] >= RANK[appeal.level]);

export const mayModerate = reachesFromAbove;

/**
 * The filer rates, unless they are staff over its grid (satisfaction counts in that grid's
 * assessment) or it is a staff report (its reporter is its filer, and no resident rates it).
 */
export const mayRate = (viewer: Viewer, appeal: AppealRecord) => isFiler(viewer, appeal) && !isStaffReport(appeal) && !reachOver(viewer.staff, appeal);

export const maySee = (viewer: Viewer, appeal: AppealRecord) => isFiler(viewer, appeal) || mayFollow(viewer, appeal);

/** Every grid, community and street a staff member's roles name: the inbox query's scope and any "where do I serve" list. */
export function roleScope(staff: StaffRecord | null) {
  const scope = { gridIds: [] as string[], communityIds: [] as string[], streetIds: [] as string[] };
  for (const r of staff?.roles ?? []) {
    if (r.role === 'chief' || r.role === 'worker') scope.gridIds.push(r.gridId);
    else if (r.role === 'community') scope.communityIds.push(r.communityId);
    else scope.streetIds.push(r.streetId);
  }
  return scope;
}

/**
 * Street staff over an appeal may bar its filer from filing more (and lift it), never their own
 * appeal nor a staff report (its filer is staff, not a resident to bar): the same answer for the
 * `block` action and for the button.
 */
export const mayBlock = (viewer: Viewer, appeal: AppealRecord) =>
  reachesAt(viewer.staff, appeal, 'street') && !isFiler(viewer, appeal) && !isStaffReport(appeal);

/**
 * 督办 and deciding 延期 requests: community and street staff over the appeal, from above its
 * grid. The same answer for the actions and for their buttons.
 */
export const mayOversee = reachesFromAbove;

/** 延期 is asked for by the appeal's grid: its chief or workers. */
export const mayRequestExtension = (viewer: Viewer, appeal: AppealRecord) => reachesAt(viewer.staff, appeal, 'grid');

/** Staff who oversee the appeal decide its 延期 request, never one they asked for themselves. */
export const mayDecideExtension = (viewer: Viewer, appeal: AppealRecord) =>
  mayOversee(viewer, appeal) && appeal.extension?.requestedBy.staffId !== viewer.staff?._id;

/**
 * The supervision board's scope: the communities and streets a staff member oversees; null for
 * anyone overseeing none (grid staff, residents), who have no board.
 */
export function boardScope(staff: StaffRecord | null): { communityIds: string[]; streetIds: string[] } | null {
  const { communityIds, streetIds } = roleScope(staff);
  return communityIds.length || streetIds.length ? { communityIds, streetIds } : null;
}
