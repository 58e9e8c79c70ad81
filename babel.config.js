// babel-preset-taro: used by `taro build` for both weapp and h5.
// (Jest does not go through Babel: see jest.config.js, which uses ts-jest.)
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
