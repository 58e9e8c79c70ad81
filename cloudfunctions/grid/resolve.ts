import { ResolveGridInput } from '../../types/grid';
import { gridPageView } from '../domain/gridPage';
import { action } from '../kit/action';
import { refuse } from '../domain/refusal';
import { activeSuccessor, gridByCode, loadGridPage } from '../store/grids';

export const resolve = action(ResolveGridInput, async ({ code }, { caller, db, clock }) => {
  const records = await loadGridPage(db, code);
  if (!records) return refuse('NOT_FOUND', await whyNotFound(db, code));
  return gridPageView(records, clock.now(), caller?.openid ?? null);
});

/** A retired grid is named as such, with where it went; only this path pays the extra reads. */
async function whyNotFound(db: Parameters<typeof gridByCode>[0], code: string): Promise<string> {
  const grid = await gridByCode(db, code);
  if (!grid || grid.status !== 'retired') return `没有找到网格码 ${code} 对应的网格`;
  const successor = await activeSuccessor(db, grid);
  return successor ? `网格 ${code} 已并入 ${successor.code}（${successor.name}）` : `网格 ${code} 已撤销`;
}
