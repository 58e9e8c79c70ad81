import type { AppealRecord, StaffRecord } from './records';

/** Who is looking: the platform's openid, and the staff record it belongs to, if any. */
export type Viewer = { openid: string; staff: StaffRecord | null };

export type StaffReach = 'grid' | 'community' | 'street';

/** How a staff member reaches an appeal's grid, from the closest role they hold; null: not at all. */
export function reachOver(staff: StaffRecord | null, place: Pick<AppealRecord, 'gridId' | 'communityId' | 'streetId'>): StaffReach | null {
  if (!staff) return null;
  const reaches = staff.roles.map((r): StaffReach | null => {
    if ((r.role === 'chief' || r.role === 'worker') && r.gridId === place.gridId) return 'grid';
    if (r.role === 'community' && r.communityId === place.communityId) return 'community';
    if (r.role === 'street' && r.streetId === place.streetId) return 'street';
    return null;
  });
  for (const level of ['grid', 'community', 'street'] as const) if (reaches.includes(level)) return level;
  return null;
}

export const isFiler = (viewer: Viewer, appeal: AppealRecord) => viewer.openid === appeal.residentOpenid;

/**
 * Staff over the grid may work it; an appeal held for moderation is not shown to the grid's own
 * staff until community or street staff release it.
 */
export function mayWork(viewer: Viewer, appeal: AppealRecord): boolean {
  const reach = reachOver(viewer.staff, appeal);
  if (!reach) return false;
  return appeal.status !== 'held' || reach !== 'grid';
}

export const mayModerate = (viewer: Viewer, appeal: AppealRecord) => {
  const reach = reachOver(viewer.staff, appeal);
  return reach === 'community' || reach === 'street';
};

/** The filer rates, unless they are staff over its grid: satisfaction counts in that grid's assessment. */
export const mayRate = (viewer: Viewer, appeal: AppealRecord) => isFiler(viewer, appeal) && !reachOver(viewer.staff, appeal);

export const maySee = (viewer: Viewer, appeal: AppealRecord) => isFiler(viewer, appeal) || mayWork(viewer, appeal);

/** The inbox query's scope: the grids, communities and streets a staff member answers for. */
export function inboxScope(staff: StaffRecord) {
  const scope = { gridIds: [] as string[], communityIds: [] as string[], streetIds: [] as string[] };
  for (const r of staff.roles) {
    if (r.role === 'chief' || r.role === 'worker') scope.gridIds.push(r.gridId);
    else if (r.role === 'community') scope.communityIds.push(r.communityId);
    else scope.streetIds.push(r.streetId);
  }
  return scope;
}
