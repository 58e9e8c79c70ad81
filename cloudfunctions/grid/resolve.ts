import { ResolveGridInput } from '../../types/grid';
import { gridPageView } from '../domain/gridPage';
import { shanghaiDay } from '../domain/gridRecord';
import { placeOfGrid } from '../domain/permissions';
import { action } from '../kit/action';
import { activeGrid } from '../services/activeGrid';
import { listNotices } from '../store/notices';

/** The latest notices a grid's page shows (its own, its community's, its street's); 全部通知 lists the rest. */
const NOTICES_ON_GRID_PAGE = 5;

/**
 * The grid page of a scanned or typed code: two round trips (the grid with its links, its stored
 * 90-day roll-up and its latest verified check-in in one; the notices); a retired grid is named
 * with where it went.
 */
export const resolve = action(ResolveGridInput, async ({ code }, { caller, db, clock }) => {
  const links = ['community', 'street', 'chief', 'workers', 'record', 'lastCheckIn'] as const;
  const { community, street, chief, workers, record, lastCheckIn, ...grid } = await activeGrid(db, code, links);
  const { items: notices } = await listNotices(db, placeOfGrid(grid), undefined, NOTICES_ON_GRID_PAGE);
  const now = clock.now();
  const checkedInToday = lastCheckIn.length > 0 && shanghaiDay(new Date(lastCheckIn[0].at)) === shanghaiDay(now);
  const records = { grid, community: community[0], street: street[0], staff: [...chief, ...workers], notices, record: record[0] ?? null, checkedInToday };
  return gridPageView(records, now, caller?.openid ?? null);
});
