import Taro from '@tarojs/taro';

/** The grids this device opened, most recent first (max 10), so a resident finds "my grid" again. */
export type RecentGrid = { code: string; name: string };

export const RECENT_GRIDS_KEY = 'gridlink.recentGrids';
const MAX = 10;

export function recentGrids(): RecentGrid[] {
  try {
    const v: unknown = Taro.getStorageSync(RECENT_GRIDS_KEY);
    if (!Array.isArray(v)) return [];
    return v.filter((g): g is RecentGrid => !!g && typeof g.code === 'string' && typeof g.name === 'string').slice(0, MAX);
  } catch {
    return [];
  }
}

export function rememberGrid(grid: RecentGrid): RecentGrid[] {
  const next = [grid, ...recentGrids().filter((g) => g.code !== grid.code)].slice(0, MAX);
  try {
    Taro.setStorageSync(RECENT_GRIDS_KEY, next);
  } catch {
    /* storage full or unavailable: remembering is a convenience */
  }
  return next;
}
