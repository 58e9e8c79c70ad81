export default definePageConfig({
  navigationBarTitleText: '网格人员',
});
