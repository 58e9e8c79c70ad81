import { ResolveGridInput } from '../../types/grid';
import { gridPageView } from '../domain/gridPage';
import { action } from '../kit/action';
import { refuse } from '../kit/refusal';
import { loadGridPage } from '../store/grids';

export const resolve = action(ResolveGridInput, async ({ code }, { db }) => {
  const records = await loadGridPage(db, code);
  if (!records) return refuse('NOT_FOUND', `没有找到网格码 ${code} 对应的网格`);
  return gridPageView(records);
});
