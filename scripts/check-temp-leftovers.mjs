// Runs a test command with a private temporary directory (TMPDIR) and counts what it left there: the kiosk and county
// data dirs (encrypted personal data of test residents), site configs and fake-camera files the tests make must be
// removed by the tests themselves. Prints each leftover, exits 1 if there is any (or the command failed), and removes
// the private directory in any case. CHECK_TEMP_LEFTOVERS=1 turns off the e2e's sweep of forgotten dirs at worker exit
// (test/e2e/support/temp-dirs.ts), so what is counted is what the teardowns left. Usage: node scripts/check-temp-leftovers.mjs npx playwright test test/e2e/x.spec.ts
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/check-temp-leftovers.mjs <command> [args...]');
  process.exit(2);
}
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'temp-leftovers-'));
try {
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, TMPDIR: root, CHECK_TEMP_LEFTOVERS: '1' } });
  // The tools' own transform caches (Jest's cacheDirectory $TMPDIR/jest_*, Playwright's playwright-transform-cache-*)
  // are not test data.
  const left = fs.readdirSync(root).filter((name) => !/^(jest_|playwright-transform-cache-)/.test(name)).sort();
  console.log(`\n${left.length} left in the temporary directory after \`${[command, ...args].join(' ')}\`${left.length ? ':' : ''}`);
  for (const name of left) console.log(`  ${name}`);
  process.exitCode = r.status === 0 && left.length === 0 ? 0 : 1;
  if (r.status !== 0) console.log(`the command itself failed (${r.status ?? r.signal})`);
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
