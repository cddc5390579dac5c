// Runs one benchmark file in this process and prints its figures as one line for run-bench.mjs.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const file = process.argv[2];
if (!file) throw new Error('usage: bench-one.mts bench/<name>.bench.ts');
const mod = (await import(pathToFileURL(path.resolve(file)).href)) as { default: () => Promise<unknown[]> };
const figures = await mod.default();
console.log(`BENCH_RESULT ${JSON.stringify(figures)}`);
process.exit(0);
