// Copies the kiosk screenshots the e2e wrote (test-results/screens) into docs/screenshots.
// Run after `npx playwright test test/e2e/screenshots.spec.ts`; the e2e itself never writes into docs/.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const from = path.join(root, 'test-results', 'screens');
const to = path.join(root, 'docs', 'screenshots');
const files = fs.existsSync(from) ? fs.readdirSync(from).filter((f) => f.endsWith('.png')) : [];
if (files.length === 0) {
  console.error(`no screenshots in ${from}: run npx playwright test test/e2e/screenshots.spec.ts first`);
  process.exit(1);
}
for (const f of files) fs.copyFileSync(path.join(from, f), path.join(to, f));
console.log(`copied ${files.length} screenshots to ${path.relative(root, to)}`);
