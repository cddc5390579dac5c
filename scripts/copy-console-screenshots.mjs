// Copies the console screenshots the e2e wrote (test-results/console-screens) into docs/screenshots/console.
// Run after `npx playwright test test/e2e/console*.spec.ts`; the e2e itself never writes into docs/.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const from = path.join(root, 'test-results', 'console-screens');
const to = path.join(root, 'docs', 'screenshots', 'console');
if (!fs.existsSync(from)) {
  console.error(`no screenshots in ${from}: run the console e2e first`);
  process.exit(1);
}
fs.mkdirSync(to, { recursive: true });
const files = fs.readdirSync(from).filter((f) => f.endsWith('.png'));
for (const f of files) fs.copyFileSync(path.join(from, f), path.join(to, f));
console.log(`copied ${files.length} screenshots to ${path.relative(root, to)}`);
