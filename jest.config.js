/**
 * Two tiers of tests. `unit` (test/unit/): pure logic (names, validation, plan, resolution, extraction rules), no
 * database, no Java: `npm run test:unit` runs them in seconds. `integration` (the rest of test/): against the real
 * Neo4j the global setup starts (Community Edition has a single user database: suites run one at a time).
 * `npm test` runs both.
 */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] };

/** @type {import('jest').Config} */
module.exports = {
  maxWorkers: 1,
  // Suites run one at a time in a worker that is replaced once it holds more than this after a test file: memory that
  // test files leave behind (module registries, drivers) cannot pile up to the heap limit over the whole run.
  workerIdleMemoryLimit: '1.5GB',
  testTimeout: 120000,
  verbose: true,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      testEnvironmentOptions: { globalsCleanup: 'off' },
      transform,
      testMatch: ['<rootDir>/test/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
