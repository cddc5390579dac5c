// `npm run bench`: runs every bench/*.bench.ts (each in its own process, one after another, so they do not
// disturb each other), prints one table of figures beside their same-run baselines, writes bench/results/latest.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const only = process.argv.slice(2);
const files = fs
  .readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const figures = [];
let failures = 0;
for (const file of files) {
  console.error(`running ${file} ...`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'scripts/bench-one.mts', path.join('bench', file)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = r.stdout.trim().split('\n').filter((l) => l.startsWith('BENCH_RESULT ')).pop();
  if (r.status !== 0 || !line) {
    failures += 1;
    console.error(`${file} failed (exit ${r.status})`);
    continue;
  }
  for (const f of JSON.parse(line.slice('BENCH_RESULT '.length))) figures.push({ file, ...f });
}

const fmt = (n) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toPrecision(3));
const rows = figures.map((f) => [f.name, `${fmt(f.value)} ${f.unit}`, f.baselineName, `${fmt(f.baselineValue)} ${f.unit}`, fmt(f.ratio), f.target, f.met ? 'met' : 'NOT MET']);
const header = ['figure', 'value', 'baseline', 'baseline value', 'ratio', 'target', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const r of rows) console.log(line(r));
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync('bench/results/latest.json', JSON.stringify({ at: new Date().toISOString(), figures }, null, 2));
console.log(`\n${figures.length} figures from ${files.length} benchmarks, ${failures} failed to run; written to bench/results/latest.json`);
process.exit(failures > 0 ? 1 : 0);
