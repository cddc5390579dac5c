// Jest's globalSetup: the run's own temporary directory. Every test (and every process a test starts) that makes a
// directory under os.tmpdir() makes it here: kiosk stores, county data, report files hold encrypted personal data of
// test residents, and nearly 60 test files make such dirs without removing them. The workers start after this and
// inherit TMPDIR; jest-temp-teardown.cjs removes the whole directory after the run (KEEP_TEST_TMP=1 keeps it and
// prints where, to look at a failed test's data).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { nameRunDatabases } = require('./county-test-databases.cjs');

module.exports = async function makeTemporaryRoot() {
  // Made under the TMPDIR the process had before its first run: Stryker runs Jest many times in one process, and
  // after a run's teardown removed its root, os.tmpdir() would still name it (the next setup failed with ENOENT).
  const base = process.env.KIOSK_JEST_TMP_BASE ?? os.tmpdir();
  process.env.KIOSK_JEST_TMP_BASE = base;
  const root = fs.mkdtempSync(path.join(base, 'jest-run-'));
  // Others may pass through, not list: CUPS runs its backends as the lp user, and the CUPS rig's scheduler dirs inside
  // (test/fixtures/cups-rig.ts, opened to lp on purpose) were unreachable under mkdtemp's 0700 (the A4 printer test
  // failed: no job printed). Each test's own dir is still made 0700 by mkdtemp.
  fs.chmodSync(root, 0o711);
  process.env.KIOSK_JEST_TMP_ROOT = root;
  process.env.TMPDIR = root;
  await nameRunDatabases();
};
