import { RankingInput, type Ranking } from '../../types/assessment';
import { ranksOf } from '../domain/assessment';
import { reachOver, reachesAt } from '../domain/permissions';
import { refuse } from '../domain/refusal';
import { action } from '../kit/action';
import { viewerOf } from '../kit/caller';
import { assessmentsOf, cityScores } from '../store/assessments';
import { communityById } from '../store/grids';

/**
 * 考核排名 `{month, streetId}` or `{month, communityId}` → the place's grids for the month, best
 * first, each with its street rank (stored) and city rank (counted now among every grid assessed
 * that month, so a street computed later ranks with the rest). A street's for its own staff; a
 * community's for its staff and its street's (FORBIDDEN otherwise; NOT_FOUND for an unknown
 * community). Empty when the month is not computed. Round trips: the caller (and community),
 * then two at once.
 */
export const ranking = action(RankingInput, async (input, ports): Promise<Ranking> => {
  const [viewer, community] = await Promise.all([viewerOf(ports), 'communityId' in input ? communityById(ports.db, input.communityId) : null]);
  let place: { streetId: string } | { communityId: string };
  if ('communityId' in input) {
    if (!community) return refuse('NOT_FOUND', '没有找到该社区');
    if (!reachOver(viewer.staff, { gridId: null, communityId: community._id, streetId: community.streetId })) {
      return refuse('FORBIDDEN', '只有本社区及所属街道的工作人员可以查看考核排名');
    }
    place = { communityId: community._id };
  } else {
    if (!reachesAt(viewer.staff, { gridId: null, communityId: null, streetId: input.streetId }, 'street')) {
      return refuse('FORBIDDEN', '只有本街道的工作人员可以查看考核排名');
    }
    place = { streetId: input.streetId };
  }
  const [items, scores] = await Promise.all([assessmentsOf(ports.db, input.month, place), cityScores(ports.db, input.month)]);
  const cityRanks = ranksOf(scores);
  return { month: input.month, items: items.map(({ policy: _policy, ...item }) => ({ ...item, cityRank: cityRanks.get(item._id)! })) };
});
