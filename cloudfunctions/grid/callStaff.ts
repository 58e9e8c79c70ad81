import { CallStaffInput } from '../../types/grid';
import { gridPeople } from '../domain/gridPage';
import { action } from '../kit/action';
import { requireCaller } from '../kit/caller';
import { throttle } from '../kit/throttle';
import { refuse } from '../domain/refusal';
import { activeGrid } from '../services/activeGrid';
import { audit } from '../store/audit';

/**
 * The full number behind a masked one, for a signed-in user's tap to call: throttled per caller
 * (`callStaff` in domain/limits.ts) so the masking cannot be undone in bulk, and every number
 * shown is audited (who, which grid, whose number, when) before it is returned.
 */
export const callStaff = action(CallStaffInput, async ({ code, staffId }, ports) => {
  const { openid } = requireCaller(ports);
  await throttle(ports, 'callStaff', openid);
  const grid = await activeGrid(ports.db, code, ['chief', 'workers']);
  const people = gridPeople(grid, [...grid.chief, ...grid.workers]);
  const person = [people.chief, ...people.workers].find((p) => p?.id === staffId);
  if (!person) return refuse('NOT_FOUND', '该网格没有这位工作人员');
  await audit(ports.db, { reveal: 'phone', at: ports.clock.now(), openid, gridId: grid._id, gridCode: grid.code, staffId: person.id, staffName: person.name, phone: person.phone });
  return { name: person.name, phone: person.phone };
});
