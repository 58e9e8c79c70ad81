export default defineAppConfig({
  pages: ['pages/grid/index', 'pages/search/index'],
  // The appeal loop loads on demand, so the main package stays small (see services/routes.ts).
  subPackages: [
    { root: 'packages/appeal', pages: ['new/index', 'mine/index', 'detail/index'] },
    { root: 'packages/inbox', pages: ['index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f4f6f9',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '网格通',
    navigationBarTextStyle: 'black',
  },
  lazyCodeLoading: 'requiredComponents',
  // The appeal form's optional location: declared, and asked only after the privacy consent.
  requiredPrivateInfos: ['chooseLocation'],
  __usePrivacyCheck__: true,
});
