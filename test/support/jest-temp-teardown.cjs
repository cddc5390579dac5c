// Jest's globalTeardown: drops the run's PostgreSQL test databases (county-test-databases.cjs) and removes the run's
// temporary directory made by jest-temp-setup.cjs (all workers are done).
const fs = require('node:fs');
const { dropRunDatabases } = require('./county-test-databases.cjs');

module.exports = async function removeTemporaryRoot() {
  await dropRunDatabases();
  const root = process.env.KIOSK_JEST_TMP_ROOT;
  if (!root) return;
  // The process's own TMPDIR again, for whatever runs in it next (another Jest run under Stryker).
  if (process.env.KIOSK_JEST_TMP_BASE) process.env.TMPDIR = process.env.KIOSK_JEST_TMP_BASE;
  if (process.env.KEEP_TEST_TMP === '1') console.log(`\nthe tests' temporary files are kept in ${root}`);
  else fs.rmSync(root, { recursive: true, force: true });
};
