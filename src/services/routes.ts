import { PAGES } from '../../types/routes';

/** Where the app navigates; the paths are shared with the functions' subscribe messages. */
export const routes = {
  grid: (gridCode: string) => `/${PAGES.grid}?code=${encodeURIComponent(gridCode)}`,
  search: () => `/${PAGES.search}`,
  newAppeal: (gridCode: string) => `/${PAGES.newAppeal}?code=${encodeURIComponent(gridCode)}`,
  myAppeals: () => `/${PAGES.myAppeals}`,
  appealDetail: (id: string) => `/${PAGES.appealDetail}?id=${encodeURIComponent(id)}`,
  inbox: () => `/${PAGES.inbox}`,
  noticeDetail: (id: string) => `/${PAGES.noticeDetail}?id=${encodeURIComponent(id)}`,
  notices: (gridCode: string) => `/${PAGES.noticeList}?code=${encodeURIComponent(gridCode)}`,
  publishNotice: (gridCode: string) => `/${PAGES.publishNotice}?code=${encodeURIComponent(gridCode)}`,
  registryImport: () => `/${PAGES.registryImport}`,
  /** 上报: a chief's or worker's report of what they found in their grid. */
  reportIssue: (gridCode: string) => `/${PAGES.reportIssue}?code=${encodeURIComponent(gridCode)}`,
  /** 问题台账 of a grid; without one, staff above the grids choose it there. */
  ledger: (gridCode?: string) => withQuery(PAGES.ledger, { code: gridCode }),
  board: () => `/${PAGES.board}`,
  /** 网格考核: the grids of the caller's street or community ranked for a month. */
  assessment: () => `/${PAGES.assessment}`,
  /** One grid's assessment month by month. */
  assessmentGrid: (gridCode: string) => `/${PAGES.assessmentGrid}?code=${encodeURIComponent(gridCode)}`,
  /** 考核明细: the check-ins or appeals behind one figure of a grid's month. */
  assessmentBehind: (gridCode: string, month: string, figure: string) => withQuery(PAGES.assessmentBehind, { code: gridCode, month, figure }),
  /** 扫码签到 in a grid (`code`), or 到场 for an appeal of it (`appealId`). */
  checkIn: (preset: { code?: string; appealId?: string }) => withQuery(PAGES.checkIn, preset),
  /** 六必访住户 of a grid, due first. */
  households: (gridCode: string) => `/${PAGES.households}?code=${encodeURIComponent(gridCode)}`,
  staffInvite: (preset: { gridCode?: string; communityId?: string; role?: string } = {}) => withQuery(PAGES.staffInvite, preset),
  staffTeam: (preset: { kind?: 'grid' | 'community'; gridCode?: string; communityId?: string } = {}) => withQuery(PAGES.staffTeam, preset),
  /** Also what an invite's share card opens. */
  staffJoin: (code?: string) => withQuery(PAGES.staffJoin, { code }),
};

function withQuery(page: string, query: Record<string, string | undefined>): string {
  const pairs = Object.entries(query).flatMap(([k, v]) => (v ? [`${k}=${encodeURIComponent(v)}`] : []));
  return `/${page}${pairs.length ? `?${pairs.join('&')}` : ''}`;
}
