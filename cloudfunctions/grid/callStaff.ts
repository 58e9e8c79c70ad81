import { CallStaffInput } from '../../types/grid';
import { gridPeople } from '../domain/gridPage';
import { action } from '../kit/action';
import { requireCaller } from '../kit/caller';
import { refuse } from '../domain/refusal';
import { activeGrid } from '../services/activeGrid';

/** The full number behind a masked one, for a signed-in user's tap to call. */
export const callStaff = action(CallStaffInput, async ({ code, staffId }, ports) => {
  requireCaller(ports);
  const grid = await activeGrid(ports.db, code, ['chief', 'workers']);
  const people = gridPeople(grid, [...grid.chief, ...grid.workers]);
  const person = [people.chief, ...people.workers].find((p) => p?.id === staffId);
  if (!person) return refuse('NOT_FOUND', '该网格没有这位工作人员');
  return { name: person.name, phone: person.phone };
});
