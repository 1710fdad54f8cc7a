/**
 * Jest runs the TypeScript sources directly (babel-jest), so tests never test
 * stale build output. `@hermetic/*` resolves to each package's `src/`.
 * Node's `--experimental-vm-modules` (set by `npm test`) lets tests `import()`
 * real ES modules: fixtures for the differential tests, lodash-es, preact.
 */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['babel-jest', { configFile: './babel.config.cjs' }] },
  moduleNameMapper: {
    '^@hermetic/([a-z-]+)$': '<rootDir>/packages/$1/src/index.ts',
    '^hermetic$': '<rootDir>/packages/hermetic/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testTimeout: 60000,
  maxWorkers: 2,
};
