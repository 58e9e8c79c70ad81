/**
 * Every jest suite GridLink has, as projects (`npx jest --selectProjects <name>`):
 *   node  – contract, cloud functions and local-cloud modules
 *   build – checks over the built output (run after `npm run build`)
 *   app   – Taro pages and components in jsdom, with @tarojs/* stubbed (tests/jest/)
 *   e2e   – Chromium against the local cloud serving dist/h5
 *   weapp – the WeChat build (dist/weapp) as WeChat runs it, under miniprogram-simulate (tests/weapp/)
 * ts-jest transpiles file by file (isolatedModules): fast, and another folder's types never fail
 * this run; `npx tsc -p .` is the typecheck.
 */
const tsNode = {
  target: 'ES2020',
  module: 'commonjs',
  moduleResolution: 'node',
  esModuleInterop: true,
  skipLibCheck: true,
  resolveJsonModule: true,
  isolatedModules: true,
};
const tsTransform = (compilerOptions) => ['ts-jest', { tsconfig: compilerOptions, diagnostics: false }];

const nodeProject = (displayName, testMatch) => ({
  displayName,
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch,
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/'],
  transform: { '^.+\\.tsx?$': tsTransform(tsNode) },
});

module.exports = {
  testTimeout: 30000,
  projects: [
    nodeProject('node', ['<rootDir>/{types,cloudfunctions,scripts}/**/*.test.ts', '<rootDir>/tests/localcloud/**/*.test.ts']),
    nodeProject('build', ['<rootDir>/tests/build/**/*.test.ts']),
    {
      displayName: 'app',
      rootDir: __dirname,
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
      transform: { '^.+\\.tsx?$': tsTransform({ ...tsNode, jsx: 'react-jsx' }) },
      moduleNameMapper: {
        '^@tarojs/taro$': '<rootDir>/tests/jest/taro.ts',
        '^@tarojs/components$': '<rootDir>/tests/jest/components.tsx',
        '\\.(css|scss|sass|less)$': '<rootDir>/tests/jest/style.js',
      },
      setupFilesAfterEnv: ['<rootDir>/tests/jest/setup.ts'],
    },
    nodeProject('e2e', ['<rootDir>/tests/e2e/**/*.test.ts']),
    {
      // The compiled pages run as-is (plain JS from dist/weapp, not transformed) in jsdom, which
      // j-component renders into; see tests/weapp/README.md.
      displayName: 'weapp',
      rootDir: __dirname,
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/weapp/**/*.test.{ts,js}'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
      transform: { '^.+\\.tsx?$': tsTransform(tsNode) },
    },
  ],
};
