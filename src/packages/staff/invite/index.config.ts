export default definePageConfig({
  navigationBarTitleText: '邀请工作人员',
  enableShareAppMessage: true,
});
