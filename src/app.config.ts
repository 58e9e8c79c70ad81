export default defineAppConfig({
  pages: ['pages/grid/index', 'pages/search/index'],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f4f6f9',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '网格通',
    navigationBarTextStyle: 'black',
  },
  lazyCodeLoading: 'requiredComponents',
});
