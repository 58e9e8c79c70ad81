import { placeOfGrid, reachOver } from '../domain/permissions';
import type { GridRecord } from '../domain/records';
import { refuse } from '../domain/refusal';
import { viewerOf } from '../kit/caller';
import type { Ports } from '../kit/ports';
import { gridOfCode } from '../store/grids';

/**
 * The grid of `gridCode` (a retired one too) for the caller who is staff over it by current roles:
 * its chief and workers, its community's and its street's staff. NOT_FOUND for a code no grid had,
 * FORBIDDEN for anyone else. Two round trips at once.
 */
export async function overseenGrid(ports: Ports, gridCode: string): Promise<GridRecord> {
  const [viewer, found] = await Promise.all([viewerOf(ports), gridOfCode(ports.db, gridCode)]);
  if (!found) return refuse('NOT_FOUND', `没有找到网格码 ${gridCode} 对应的网格`);
  if (!reachOver(viewer.staff, placeOfGrid(found))) return refuse('FORBIDDEN', '只有本网格及所属社区、街道的工作人员可以查看网格考核');
  return found;
}
