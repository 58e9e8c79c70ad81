/** An instant given as Zoucheng wall time (`2030-06-02T09:00:00`). */
export const zouchengTime = (wall: string) => new Date(`${wall}+08:00`);

/**
 * An appeal as the `appeals` collection holds it, for seeding a test cloud straight into its
 * database: filed in `grid` at `filed` (Zoucheng wall time), nothing done yet, `extra` laid over.
 */
export function seededAppeal(id: string, grid: { _id: string; communityId: string; streetId: string }, filed: string, extra: object) {
  return {
    _id: id,
    number: id,
    gridId: grid._id,
    communityId: grid.communityId,
    streetId: grid.streetId,
    createdAt: zouchengTime(filed),
    updatedAt: zouchengTime(filed),
    timeline: [],
    reopenCount: 0,
    rating: null,
    resolvedAt: null,
    onSiteAt: null,
    ...extra,
  };
}
