import type { DB } from 'wx-server-sdk/index';
import { refuse } from '../domain/refusal';
import type { GridRecord } from '../domain/records';
import { activeSuccessor, gridOfCode, type GridLink, type GridWith } from '../store/grids';

/**
 * Refuses a code with no active grid, in the words `grid.resolve` uses for it: NOT_FOUND
 * `没有找到网格码 X 对应的网格`, or for a retired grid `网格 X 已并入 Y（Y 的名称）` (following
 * merges to the active grid) or `网格 X 已撤销`. `found` is what the caller's lookup found for the
 * code, if anything; only this path pays the reads that follow a merge.
 */
export async function refuseGoneGrid(db: DB.Database, code: string, found: GridRecord | null): Promise<never> {
  if (!found || found.status !== 'retired') return refuse('NOT_FOUND', `没有找到网格码 ${code} 对应的网格`);
  const successor = await activeSuccessor(db, found);
  return refuse('NOT_FOUND', successor ? `网格 ${code} 已并入 ${successor.code}（${successor.name}）` : `网格 ${code} 已撤销`);
}

/**
 * The one way an action looks up the grid of a code a person typed, scanned or was sent (resolve,
 * submit, transfer, invite, callStaff, the group chat actions, notices …): the active grid with
 * the linked records asked for, in one round trip; any other code is refused by `refuseGoneGrid`.
 */
export async function activeGrid<L extends GridLink = never>(db: DB.Database, code: string, links: readonly L[] = []): Promise<GridWith<L>> {
  const found = await gridOfCode(db, code, links);
  return found?.status === 'active' ? found : refuseGoneGrid(db, code, found);
}
