import type { UserConfigExport } from '@tarojs/cli';

// `npm run dev` serves the H5 app from Taro's dev server (rebuilt on change) and sends every
// cloud call, scanned-sign link and stored file to the local cloud.
const localCloud = process.env.GRIDLINK_CLOUD_URL ?? 'http://127.0.0.1:8787';

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    devServer: {
      host: '127.0.0.1',
      port: 10086,
      open: false,
      proxy: [{ context: ['/api', '/g/', '/storage'], target: localCloud, changeOrigin: true }],
    },
  },
} satisfies UserConfigExport<'webpack5'>;
