// The README's test command: lint, type-check, build, Jest, Playwright; then one closing line
// "N passed, N failed" that CI reads. Each static check counts as one test; exit 1 if anything failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startCluster, stopCluster } from './postgres-cluster.mjs';

let passed = 0;
let failed = 0;
const failures = [];

/** How long each part took, printed at the end: CI has 45 minutes on 2 cores for the whole run. */
const took = [];

function timed(name, work) {
  const start = Date.now();
  const result = work();
  took.push(`${name} ${Math.round((Date.now() - start) / 1000)} s`);
  return result;
}

function run(name, command, args) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  return timed(name, () => spawnSync(command, args, { stdio: 'inherit', env: process.env }).status === 0);
}

function check(name, command, args) {
  if (run(name, command, args)) passed += 1;
  else {
    failed += 1;
    failures.push(name);
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

fs.mkdirSync('test-results', { recursive: true });
check('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
const built = run('build', 'npm', ['run', '--silent', 'build']);
if (built) passed += 1;
else {
  failed += 1;
  failures.push('build');
}

fs.rmSync('test-results/jest.json', { force: true });
const jestOk = run('unit and integration (jest)', 'npx', ['jest', '--json', '--outputFile=test-results/jest.json']);
const jest = readJson('test-results/jest.json');
if (jest) {
  passed += jest.numPassedTests;
  failed += jest.numFailedTests + (jest.numRuntimeErrorTestSuites ?? 0);
  if (!jestOk) failures.push('jest');
} else {
  failed += 1;
  failures.push('jest (no report)');
}

/** How many test county databases (`county_...`, test/support/county-database.ts) are on the server. */
async function testDatabasesLeft(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT count(*)::int AS n FROM pg_database WHERE datname LIKE 'county\\_%'");
    return rows[0].n;
  } finally {
    await client.end();
  }
}

// The county's suite again on a real PostgreSQL (a private cluster started for this run and stopped after it).
// Every test that starts a county, or opens its database, is listed in county-on-postgres.json (they reach the store
// only through the gateway or its query builder, and take their database from test/support/county-database.ts);
// test/unit/county-on-postgres.test.ts fails when a county test is left off the list. The Playwright e2e run the
// county as `npm run county` does, on its embedded SQLite: they test the kiosk and county together, not the engine.
const COUNTY_ON_POSTGRES = JSON.parse(fs.readFileSync(new URL('./county-on-postgres.json', import.meta.url), 'utf8'));
{
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'county-pg-'));
  let url = null;
  try {
    url = await startCluster(dir);
  } catch (error) {
    console.log(`\n=== county suite on PostgreSQL: cannot start a cluster (${error.message})`);
    failed += 1;
    failures.push('county on postgres (no cluster)');
  }
  if (url) {
    fs.rmSync('test-results/jest-postgres.json', { force: true });
    console.log(`\n=== county suite on PostgreSQL (${url})`);
    const r = timed('county suite on PostgreSQL', () => spawnSync('npx', ['jest', '--json', '--outputFile=test-results/jest-postgres.json', ...COUNTY_ON_POSTGRES], { stdio: 'inherit', env: { ...process.env, COUNTY_TEST_DATABASE: url } }));
    // The run's test databases are dropped by Jest's teardown (test/support/county-test-databases.cjs); one left
    // behind would mean a Stryker run on PostgreSQL fills the disk again, so it counts as a failed check.
    const left = await testDatabasesLeft(url);
    console.log(`test databases left on the server after the run: ${left}`);
    if (left === 0) passed += 1;
    else {
      failed += 1;
      failures.push(`county on postgres (${left} test databases left)`);
    }
    stopCluster(dir);
    const report = readJson('test-results/jest-postgres.json');
    if (report) {
      passed += report.numPassedTests;
      failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
    } else failed += 1;
    if (r.status !== 0) failures.push('county on postgres');
  }
}

if (built) {
  fs.rmSync('test-results/e2e.json', { force: true });
  const e2eOk = run('end-to-end (playwright)', 'npx', ['playwright', 'test']);
  const e2e = readJson('test-results/e2e.json');
  if (e2e) {
    passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
    failed += e2e.stats.unexpected;
    if (!e2eOk) failures.push('playwright');
  } else {
    failed += 1;
    failures.push('playwright (no report)');
  }
} else {
  failed += 1;
  failures.push('playwright (not run: build failed)');
}

console.log(`\ntime taken: ${took.join(', ')}`);
if (failures.length > 0) console.log(`\nfailed: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
