/**
 * Page paths both sides name: the app navigates to them, and the functions put them in
 * subscribe messages (WeChat wants them without a leading slash there).
 */
export const PAGES = {
  grid: 'pages/grid/index',
  search: 'pages/search/index',
  newAppeal: 'packages/appeal/new/index',
  myAppeals: 'packages/appeal/mine/index',
  appealDetail: 'packages/appeal/detail/index',
  inbox: 'packages/inbox/index',
  noticeDetail: 'packages/notice/detail/index',
  noticeList: 'packages/notice/list/index',
  publishNotice: 'packages/notice/publish/index',
  staffInvite: 'packages/staff/invite/index',
  staffTeam: 'packages/staff/team/index',
  staffJoin: 'packages/staff/join/index',
  registryImport: 'packages/registry/import/index',
  reportIssue: 'packages/ledger/report/index',
  ledger: 'packages/ledger/list/index',
  board: 'packages/board/index',
  assessment: 'packages/assessment/ranking/index',
  assessmentGrid: 'packages/assessment/grid/index',
  assessmentBehind: 'packages/assessment/behind/index',
  checkIn: 'packages/presence/checkin/index',
  households: 'packages/presence/households/index',
} as const;
