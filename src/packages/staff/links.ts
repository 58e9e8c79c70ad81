import { PAGES } from '../../../types/routes';

/** The staff pages' addresses; the join page's is also what a share card opens. */
export const staffLinks = {
  invite: (preset: { gridCode?: string; communityId?: string; role?: string } = {}) => withQuery(PAGES.staffInvite, preset),
  team: (preset: { kind?: 'grid' | 'community'; gridCode?: string; communityId?: string } = {}) => withQuery(PAGES.staffTeam, preset),
  join: (code?: string) => withQuery(PAGES.staffJoin, { code }),
};

function withQuery(page: string, query: Record<string, string | undefined>): string {
  const pairs = Object.entries(query).flatMap(([k, v]) => (v ? [`${k}=${encodeURIComponent(v)}`] : []));
  return `/${page}${pairs.length ? `?${pairs.join('&')}` : ''}`;
}
