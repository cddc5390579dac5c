import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { BenchFigure } from './types';

/**
 * Initial JS of the kiosk screen, gzipped: the module scripts and modulepreloads index.html loads before the first
 * screen (lazily imported chunks are not counted, they load when needed). Baseline: the 500 KB budget of issue 6.
 */
export default async function uiBundle(): Promise<BenchFigure[]> {
  const dir = path.resolve('dist/renderer');
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]!);
  if (refs.length === 0) throw new Error('no scripts found in dist/renderer/index.html (run npm run build)');
  let gzipped = 0;
  for (const ref of new Set(refs)) gzipped += zlib.gzipSync(fs.readFileSync(path.join(dir, ref.replace(/^\.\//, '')))).length;
  const kb = gzipped / 1024;
  const budget = 500;
  return [
    {
      name: 'initial renderer JS, gzipped',
      value: kb,
      unit: 'KB',
      baselineName: 'budget of issue 6',
      baselineValue: budget,
      ratio: kb / budget,
      target: 'ratio <= 1 (<= 500 KB)',
      met: kb <= budget,
    },
  ];
}
