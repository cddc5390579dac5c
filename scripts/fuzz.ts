/**
 * `npm run fuzz [-- --runs N] [--only text] [--seed S]`: every fuzz target at N generated cases (default 10,000).
 * The default suite runs the same targets at a few hundred cases (test/unit/fuzz-targets.test.ts).
 */
import { FUZZ_TARGETS } from '../test/fuzz/targets';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = Number(arg('runs') ?? 10_000);
const only = arg('only');
const seed = arg('seed') === undefined ? undefined : Number(arg('seed'));
let failed = 0;
for (const target of FUZZ_TARGETS) {
  if (only && !target.name.includes(only)) continue;
  const started = process.hrtime.bigint();
  try {
    target.check(runs, seed);
    console.log(`ok    ${target.name} (${runs} runs, ${Number((process.hrtime.bigint() - started) / 1_000_000n)} ms)`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL  ${target.name}\n${error instanceof Error ? error.message : String(error)}`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
