import { HouseholdsInput, SaveHouseholdInput } from '../../types/presence';
import type { Households, HouseholdView } from '../../types/presence';
import { placeOfGrid } from '../domain/permissions';
import { householdsByDue, householdView, mayKeepHouseholds } from '../domain/presence';
import { refuse } from '../domain/refusal';
import type { GridRecord } from '../domain/records';
import { action } from '../kit/action';
import { viewerOf } from '../kit/caller';
import type { Ports } from '../kit/ports';
import { activeGrid } from '../services/activeGrid';
import { getHousehold, householdId, listHouseholds, putHousehold } from '../store/presence';

/** The active grid of the code, kept by the caller: its chief or a worker (FORBIDDEN otherwise). */
async function keptGrid(ports: Ports, gridCode: string): Promise<{ grid: GridRecord; openid: string }> {
  const [viewer, grid] = await Promise.all([viewerOf(ports), activeGrid(ports.db, gridCode)]);
  if (!mayKeepHouseholds(viewer.staff, placeOfGrid(grid))) return refuse('FORBIDDEN', '只有本网格的网格长和网格员可以管理六必访住户');
  return { grid, openid: viewer.openid };
}

/**
 * `presence.households {gridCode}`: the grid's 六必访 households for its chief and workers, those
 * due a visit first (last verified visit + interval), with how many are due.
 */
export const households = action(HouseholdsInput, async ({ gridCode }, ports): Promise<Households> => {
  const { grid } = await keptGrid(ports, gridCode);
  const items = householdsByDue(await listHouseholds(ports.db, grid._id), ports.clock.now());
  return { gridCode: grid.code, gridName: grid.name, items, dueCount: items.filter((h) => h.due).length };
});

/**
 * `presence.saveHousehold {gridCode, building, room, group, intervalDays}`: adds a household to the
 * grid's 六必访 list or changes its group and interval (one per building and room; its last visit
 * is kept). Answers the household as listed.
 */
export const saveHousehold = action(SaveHouseholdInput, async ({ gridCode, building, room, group, intervalDays }, ports): Promise<HouseholdView> => {
  const { grid, openid } = await keptGrid(ports, gridCode);
  const _id = householdId(grid._id, building, room);
  const now = ports.clock.now();
  const earlier = await getHousehold(ports.db, _id);
  const record = { _id, gridId: grid._id, building, room, group, intervalDays, lastVisitAt: earlier?.lastVisitAt ?? null, createdBy: earlier?.createdBy ?? openid, createdAt: earlier?.createdAt ?? now, updatedAt: now };
  await putHousehold(ports.db, record);
  return householdView(record, now);
});
