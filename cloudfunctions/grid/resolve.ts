import { ResolveGridInput } from '../../types/grid';
import { gridPageView } from '../domain/gridPage';
import { placeOfGrid } from '../domain/permissions';
import { action } from '../kit/action';
import { activeGrid } from '../services/activeGrid';
import { listNotices } from '../store/notices';

/** The latest notices a grid's page shows (its own, its community's, its street's); 全部通知 lists the rest. */
const NOTICES_ON_GRID_PAGE = 5;

/** The grid page of a scanned or typed code: two round trips; a retired grid is named with where it went. */
export const resolve = action(ResolveGridInput, async ({ code }, { caller, db, clock }) => {
  const { community, street, chief, workers, ...grid } = await activeGrid(db, code, ['community', 'street', 'chief', 'workers']);
  const { items: notices } = await listNotices(db, placeOfGrid(grid), undefined, NOTICES_ON_GRID_PAGE);
  return gridPageView({ grid, community: community[0], street: street[0], staff: [...chief, ...workers], notices }, clock.now(), caller?.openid ?? null);
});
