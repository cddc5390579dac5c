// Jest's globalTeardown: removes the run's temporary directory made by jest-temp-setup.cjs (all workers are done).
const fs = require('node:fs');

module.exports = function removeTemporaryRoot() {
  const root = process.env.KIOSK_JEST_TMP_ROOT;
  if (!root) return;
  if (process.env.KEEP_TEST_TMP === '1') console.log(`\nthe tests' temporary files are kept in ${root}`);
  else fs.rmSync(root, { recursive: true, force: true });
};
