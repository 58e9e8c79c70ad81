export default defineAppConfig({
  pages: ['pages/grid/index', 'pages/search/index'],
  // The appeal loop loads on demand, so the main package stays small (see services/routes.ts).
  subPackages: [
    { root: 'packages/appeal', pages: ['new/index', 'mine/index', 'detail/index'] },
    { root: 'packages/inbox', pages: ['index'] },
    { root: 'packages/notice', pages: ['detail/index', 'list/index', 'publish/index'] },
    { root: 'packages/staff', pages: ['invite/index', 'team/index', 'join/index'] },
    { root: 'packages/registry', pages: ['import/index'] },
    { root: 'packages/ledger', pages: ['report/index', 'list/index'] },
    { root: 'packages/board', pages: ['index'] },
    // ECharts lives only here.
    { root: 'packages/assessment', pages: ['ranking/index', 'grid/index', 'behind/index'] },
    { root: 'packages/presence', pages: ['checkin/index', 'households/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f4f6f9',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '网格通',
    navigationBarTextStyle: 'black',
  },
  lazyCodeLoading: 'requiredComponents',
  // Declared, and asked only on a tap after the privacy consent: the appeal form's optional
  // location (chooseLocation) and the search page's "用我的位置查找" (getLocation, GCJ-02).
  requiredPrivateInfos: ['chooseLocation', 'getLocation'],
  // The text of getLocation's authorization prompt.
  permission: { 'scope.userLocation': { desc: '用于查找您所在的网格' } },
  __usePrivacyCheck__: true,
});
