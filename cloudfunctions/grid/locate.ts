import { LocateGridInput, type GridLocation, type GridSearchHit } from '../../types/grid';
import { locate as locateIn } from '../domain/locate';
import { action } from '../kit/action';
import { loadGridPlaces, type GridPlace } from '../store/grids';

const hit = (g: GridPlace): GridSearchHit => ({ code: g.code, name: g.name, community: g.community, street: g.street });

/** The grid a resident stands in, and the nearest ones: for "find my grid" without a sign. One round trip. */
export const locate = action(LocateGridInput, async ({ latitude, longitude }, { db }): Promise<GridLocation> => {
  const found = locateIn(await loadGridPlaces(db), { lng: longitude, lat: latitude });
  return {
    inside: found.inside && hit(found.inside),
    nearby: found.nearby.map(({ grid, distanceM }) => ({ ...hit(grid), distanceM })),
  };
});
