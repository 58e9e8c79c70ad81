export default definePageConfig({ navigationBarTitleText: '导入网格台账' });
