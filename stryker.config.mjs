// Mutation testing (npm run mutate; slow, so not part of npm test). Stryker changes the code one small bug at a
// time and runs the tests that cover it; a mutant the tests do not notice "survived". Scores per file go to the
// console and reports/mutation/; docs/testing.md records them and the survivors judged harmless.
// MUTATE_SET picks a group of modules (default: the fast, unit-tested ones); see SETS below.
const SETS = {
  // Beside-code unit tests: seconds per mutant.
  units: {
    mutate: ['src/shared/domain/id-number.ts', 'src/shared/domain/mask.ts', 'src/main/sync/backoff.ts', 'src/devices/apdu/apdu.ts', 'src/shared/catalog/validate-form.ts'],
    tests: ['<rootDir>/src/shared/**/*.test.ts', '<rootDir>/src/devices/apdu/*.test.ts', '<rootDir>/test/integration/sync-backoff.test.ts'],
  },
  // The store, sync and county against their integration tests: about an hour on a quiet 2-core machine.
  delivery: {
    mutate: ['src/main/store/submissions.ts', 'src/main/store/outbox.ts', 'src/main/sync/sync-engine.ts', 'src/county/county-state.ts', 'src/county/attachments.ts'],
    tests: ['<rootDir>/test/integration/store-*.test.ts', '<rootDir>/test/integration/sync-engine.test.ts', '<rootDir>/test/integration/county-server.test.ts', '<rootDir>/test/integration/county-attachments.test.ts'],
  },
};
const set = SETS[process.env.MUTATE_SET ?? 'units'];
// MUTATE_TESTS narrows the tests to a comma-separated list of globs (a module's own tests: minutes, not an hour;
// the score is then a lower bound, since the set's other tests may kill more).
const tests = process.env.MUTATE_TESTS ? process.env.MUTATE_TESTS.split(',') : set.tests;

export default {
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.config.js', config: { testMatch: tests }, enableFindRelatedTests: true },
  // The TypeScript checker type-checks the whole project per mutant (about 10 s each on a busy 2-core machine):
  // on with MUTATE_TYPECHECK=1; without it a mutant that does not compile is reported as killed by an error.
  ...(process.env.MUTATE_TYPECHECK === '1' ? { checkers: ['typescript'], tsconfigFile: 'tsconfig.test.json', typescriptChecker: { prioritizePerformanceOverAccuracy: true } } : {}),
  // Mutants in module-level constants need a fresh process per test run: half the time for few findings.
  ignoreStatic: true,
  mutate: set.mutate,
  coverageAnalysis: 'perTest',
  concurrency: 1,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  ignorePatterns: ['dist', 'release', 'test-results', 'reports', '.tmp', 'docs', 'bench/results', 'playwright-report'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
