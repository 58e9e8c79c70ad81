import { LedgerInput, type LedgerPage } from '../../types/appeal';
import { summaryView } from '../domain/appealView';
import { monthSpan } from '../domain/ledger';
import { followedStatuses, placeOfGrid } from '../domain/permissions';
import { refuse } from '../domain/refusal';
import { action } from '../kit/action';
import { viewerOf } from '../kit/caller';
import { listLedger } from '../store/appeals';
import { gridOfCode } from '../store/grids';

/**
 * 问题台账 `{gridCode, source?, status?, overdue?, month?, cursor?}`: the grid's appeals and staff
 * reports together, newest first, 20 a page (`cursor` asks for the next). For the grid's chief
 * and workers and the staff of its community and street (current roles; FORBIDDEN for anyone
 * else); held appeals only for those above the grid, as everywhere. A retired grid keeps its
 * ledger. Lists what is in the grid now: an appeal transferred away is in its new grid's.
 * NOT_FOUND for a code no grid ever had. Round trips: two at once, then one query.
 */
export const ledger = action(LedgerInput, async (input, ports): Promise<LedgerPage> => {
  const [viewer, grid] = await Promise.all([viewerOf(ports), gridOfCode(ports.db, input.gridCode)]);
  if (!grid) return refuse('NOT_FOUND', `没有找到网格码 ${input.gridCode} 对应的网格`);
  const followed = followedStatuses(viewer.staff, placeOfGrid(grid));
  if (!followed.length) return refuse('FORBIDDEN', '只有本网格及所属社区、街道的工作人员可以查看问题台账');
  const statuses = followed.filter((s) => !input.status || s === input.status);
  const now = ports.clock.now();
  const page = statuses.length
    ? await listLedger(ports.db, {
        gridId: grid._id,
        statuses,
        source: input.source,
        overdue: input.overdue,
        span: input.month ? monthSpan(input.month) : undefined,
        now,
        cursor: input.cursor,
      })
    : { items: [], cursor: null };
  return { grid: { code: grid.code, name: grid.name }, items: page.items.map((a) => summaryView(a, now)), cursor: page.cursor };
});
