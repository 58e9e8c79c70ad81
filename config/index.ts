import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * GridLink's Taro build. One source tree, two targets:
 *   weapp → dist/weapp (the mini-program), h5 → dist/h5 (served by the local cloud, used by e2e tests).
 * The cloud env id comes from `.env*` files (TARO_APP_CLOUD_ENV), never from code.
 */
/** The shared contract (zod schemas) lives outside sourceRoot: compile it like our own sources. */
const contract = path.resolve(__dirname, '..', 'types');

/**
 * `npm run bench` sets GRIDLINK_BUNDLE_REPORT to a file path: the build then writes there what every
 * emitted chunk holds, module by module, with minified (`parsedSize`) bytes (webpack-bundle-analyzer's
 * JSON report). Unset, the build is unchanged and never loads the analyzer.
 */
const bundleReport = process.env.GRIDLINK_BUNDLE_REPORT;

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'gridlink',
    date: '2026-11-24',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {},
    // Always defined, so the bundle never reads a `process` the mini-program doesn't have.
    // Taro loads `.env*` into process.env before this file runs; empty = the default cloud env.
    env: {
      TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [contract] },
      webpackChain(chain) {
        if (bundleReport) {
          const { BundleAnalyzerPlugin } = require('webpack-bundle-analyzer');
          chain.plugin('bundleReport').use(BundleAnalyzerPlugin, [{ analyzerMode: 'json', reportFilename: bundleReport, openAnalyzer: false, logLevel: 'warn' }]);
        }
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [contract] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
