export default definePageConfig({
  navigationBarTitleText: '全部通知',
});
