// Runs the kill -9 durability test RUNS times in a row (default 20), each with a fresh seed, and stops at the first
// failure (its seed is in the failure message: KILL_SEED=<seed> npx jest test/durability replays it).
// KILLS sets the kills per run (default 12). Usage: nice -n 5 npm run test:durability [-- RUNS]
import { spawnSync } from 'node:child_process';

const runs = Number(process.argv[2] ?? process.env.RUNS ?? 20);
const started = Date.now();
for (let i = 1; i <= runs; i++) {
  const t0 = Date.now();
  const r = spawnSync('npx', ['jest', '--silent=false', 'test/durability/kill-restart.test.ts'], { encoding: 'utf8', env: process.env });
  const out = `${r.stdout}${r.stderr}`;
  const summary = /durability: kills .*$/m.exec(out)?.[0] ?? '(no summary)';
  const seed = /KILL_SEED=(\d+)/.exec(out)?.[1] ?? '?';
  console.log(`run ${i}/${runs} seed ${seed}: ${r.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${summary}`);
  if (r.status !== 0) {
    console.log(out);
    process.exit(1);
  }
}
console.log(`${runs} runs in a row passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
