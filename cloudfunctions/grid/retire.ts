import { RetireGridInput, type RetiredGrid } from '../../types/grid';
import { viewerOf } from '../kit/caller';
import { placeOfGrid, reachesAt } from '../domain/permissions';
import { action } from '../kit/action';
import { refuse } from '../domain/refusal';
import { activeSuccessor, gridOfCode, retireGrid } from '../store/grids';

/**
 * Street staff over a grid retire it, or merge it into another active grid. Its appeals keep
 * their grid; the sign's code then answers with where to go instead.
 */
export const retire = action(RetireGridInput, async ({ code, mergedInto }, ports): Promise<RetiredGrid> => {
  const [viewer, grid, target] = await Promise.all([
    viewerOf(ports),
    gridOfCode(ports.db, code),
    mergedInto ? gridOfCode(ports.db, mergedInto) : Promise.resolve(null),
  ]);
  if (!grid) return refuse('NOT_FOUND', `没有找到网格码 ${code} 对应的网格`);
  if (!reachesAt(viewer.staff, placeOfGrid(grid), 'street')) {
    return refuse('FORBIDDEN', '只有网格所在街道的工作人员可以撤销或合并网格');
  }
  if (grid.status !== 'active') return refuse('CONFLICT', `网格 ${code} 已经撤销`);
  if (mergedInto !== undefined) {
    if (mergedInto === code) return refuse('INVALID_INPUT', '网格不能并入自己');
    if (!target) return refuse('NOT_FOUND', `没有找到要并入的网格 ${mergedInto}`);
    if (target.status !== 'active') {
      const successor = await activeSuccessor(ports.db, target);
      const where = successor ? `，它已并入 ${successor.code}（${successor.name}），请并入该网格` : '';
      return refuse('CONFLICT', `网格 ${mergedInto} 已撤销，不能并入${where}`);
    }
  }
  const done = await retireGrid(ports.db, grid, mergedInto ?? null, viewer.staff!._id, ports.clock.now());
  if (!done) return refuse('CONFLICT', `网格 ${code} 已经撤销`);
  return { code, status: 'retired', mergedInto: mergedInto ?? null };
});
