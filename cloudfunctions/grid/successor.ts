import { ResolveGridInput, type GridSuccessor } from '../../types/grid';
import { action } from '../kit/action';
import { activeSuccessor, gridOfCode } from '../store/grids';

/** Where a retired grid's residents go now (the page's "前往 Y"); null when there is nowhere. */
export const successor = action(ResolveGridInput, async ({ code }, { db }): Promise<GridSuccessor> => {
  const grid = await gridOfCode(db, code);
  const next = grid ? await activeSuccessor(db, grid) : null;
  return next ? { code: next.code, name: next.name } : null;
});
