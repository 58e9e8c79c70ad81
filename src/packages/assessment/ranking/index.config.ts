export default definePageConfig({
  navigationBarTitleText: '网格考核',
});
