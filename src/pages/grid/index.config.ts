export default definePageConfig({
  navigationBarTitleText: '网格通',
  enableShareAppMessage: true,
});
