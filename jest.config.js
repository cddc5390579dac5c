// Unit and integration tests (Node): beside the code (src/.../*.test.ts) or under test/unit and test/integration.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/src/**/*.test.ts', '**/src/**/*.test.tsx', '**/test/unit/**/*.test.ts', '**/test/integration/**/*.test.ts', '**/test/durability/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/test/e2e/'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } }],
  },
  // ESM-only packages that Node 20's require() loads natively but Jest's module system cannot: compile them too.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|uuid)/)'],
  // The Electron binary cannot run here: main-process code is tested against a recording stand-in.
  moduleNameMapper: { '^electron$': '<rootDir>/test/support/electron-mock.ts', '\\.css$': '<rootDir>/test/support/style-mock.ts' },
  // jsdom lacks TextEncoder/TextDecoder; lent once here rather than in each renderer test.
  setupFiles: ['<rootDir>/test/support/jsdom-browser-globals.ts'],
  // The run's own TMPDIR, removed after it: what tests leave under os.tmpdir() does not stay in /tmp (docs/testing.md).
  globalSetup: '<rootDir>/test/support/jest-temp-setup.cjs',
  globalTeardown: '<rootDir>/test/support/jest-temp-teardown.cjs',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  maxWorkers: 2,
  testTimeout: 30000,
};
