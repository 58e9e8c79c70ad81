export default definePageConfig({
  navigationBarTitleText: '查找网格',
});
