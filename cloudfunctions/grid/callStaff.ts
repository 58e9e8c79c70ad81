import { CallStaffInput } from '../../types/grid';
import { action } from '../kit/action';
import { requireCaller } from '../kit/caller';
import { refuse } from '../kit/refusal';
import { findGridStaff } from '../store/grids';

/** The full number behind a masked one, for a signed-in user's tap to call. */
export const callStaff = action(CallStaffInput, async ({ code, staffId }, ports) => {
  requireCaller(ports);
  const staff = await findGridStaff(ports.db, code, staffId);
  if (!staff) return refuse('NOT_FOUND', '该网格没有这位工作人员');
  return { name: staff.name, phone: staff.phone };
});
