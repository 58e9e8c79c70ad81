export default definePageConfig({ navigationBarTitleText: '六必访住户' });
