/** Jest for the local-cloud modules: `npx jest -c scripts/localcloud/jest.config.js`. */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', {
      tsconfig: {
        target: 'ES2020', module: 'commonjs', moduleResolution: 'node', strict: true,
        esModuleInterop: true, skipLibCheck: true, resolveJsonModule: true, types: ['node', 'jest'],
      },
    }],
  },
  testTimeout: 20000,
};
