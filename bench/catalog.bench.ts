import { performance } from 'node:perf_hooks';
import { defaultCatalogInput } from '../src/shared/catalog/default-catalog';
import { CatalogSchema } from '../src/shared/catalog/schema';
import { CatalogSearchIndex } from '../src/shared/catalog/search';
import type { BenchFigure } from './types';

/**
 * The catalogue's own costs: validating all 44 records with the zod schema (paid at start and for every county
 * download), building the pinyin search index, and answering one search keystroke. Baselines in the same run:
 * JSON decoding of the same catalogue (the least any load costs), a plain name array, and a plain substring scan
 * of the Chinese names without pinyin.
 */

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

function time(run: () => unknown, rounds: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** What a resident types: every prefix of names, keywords, codes and initials, as they type them. */
function keystrokes(catalog: ReturnType<typeof CatalogSchema.parse>): string[] {
  const words = ['sbk', 'ylj', 'qzdj', 'shiyejin', 'chuangye', 'INS-04', 'unemployment', 'pension', 'zzzz'];
  for (const item of catalog.items) words.push(item.name['zh-CN'], ...item.keywords);
  const out: string[] = [];
  for (const word of words) for (let n = 1; n <= [...word].length; n += 1) out.push([...word].slice(0, n).join(''));
  return out;
}

export default async function catalogBench(): Promise<BenchFigure[]> {
  const input = defaultCatalogInput();
  const json = JSON.stringify(input);
  // Warm up the JIT so the figures are the steady state, as on a kiosk that has been running.
  for (let i = 0; i < 5; i += 1) CatalogSchema.parse(JSON.parse(json));
  const parse = median(time(() => CatalogSchema.parse(JSON.parse(json)), 30));
  const decode = median(time(() => JSON.parse(json), 30));

  const catalog = CatalogSchema.parse(input);
  const build = median(time(() => new CatalogSearchIndex(catalog.items), 10));
  const plainBuild = median(time(() => catalog.items.map((item) => item.name['zh-CN'].toLowerCase()), 10));

  const index = new CatalogSearchIndex(catalog.items);
  const names = catalog.items.map((item) => item.name['zh-CN']);
  const queries = keystrokes(catalog);
  for (const query of queries) index.search(query);
  const searchSamples = queries.map((query) => time(() => index.search(query), 1)[0]! * 1000);
  const scanSamples = queries.map((query) => time(() => names.filter((name) => name.includes(query)), 1)[0]! * 1000);
  const search = p95(searchSamples);
  const scan = p95(scanSamples);

  return [
    {
      name: `catalogue validation, ${catalog.items.length} items (zod, median)`,
      value: parse,
      unit: 'ms',
      baselineName: 'JSON.parse of the same catalogue',
      baselineValue: decode,
      ratio: parse / decode,
      target: 'value <= 100 ms (start-up and each county download)',
      met: parse <= 100,
    },
    {
      name: 'search index build with pinyin (median)',
      value: build,
      unit: 'ms',
      baselineName: 'lower-cased name list',
      baselineValue: plainBuild,
      ratio: build / Math.max(plainBuild, 1e-6),
      target: 'value <= 200 ms (once per catalogue version)',
      met: build <= 200,
    },
    {
      name: `search per keystroke, p95 of ${queries.length}`,
      value: search,
      unit: 'µs',
      baselineName: 'substring scan of Chinese names, p95',
      baselineValue: scan,
      ratio: search / Math.max(scan, 1e-6),
      target: 'value <= 1000 µs (1% of the 100 ms touch budget)',
      met: search <= 1000,
    },
  ];
}
