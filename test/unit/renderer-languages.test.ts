import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { importsOf, reachable } from '../support/module-graph';

/**
 * The kiosk page carries one language's texts up front and fetches the other on the first switch to it
 * (src/renderer/i18n/load-language.ts). That holds only while no module the page can reach imports both languages at once: one static
 * import of `shared/locales` (its `resources`) anywhere in the renderer, or in a shared module a screen uses, and the
 * bundler folds both languages back into the page's first chunk.
 */
const SRC = path.resolve(__dirname, '../../src');
const LOCALES = path.join(SRC, 'shared/locales');
const LOADER = path.join(SRC, 'renderer/i18n/load-language.ts');

describe('the kiosk page and its languages', () => {
  const graph = reachable(path.join(SRC, 'renderer/main.tsx'));
  const rel = (f: string) => path.relative(SRC, f);

  it('reaches the screens and the texts through the loader (the walk itself works)', () => {
    expect(graph.has(path.join(SRC, 'renderer/app/App.tsx'))).toBe(true);
    expect(graph.has(path.join(SRC, 'renderer/report/ReportScreen.tsx'))).toBe(true);
    expect(graph.get(path.join(LOCALES, 'zh-CN/index.ts'))).toBe(LOADER);
  });

  it('imports both languages nowhere: each language module only from the loader, the both-languages index from nothing', () => {
    const offenders = [...graph]
      .filter(([file, by]) => file === path.join(LOCALES, 'index.ts') || (/[\\/]locales[\\/][^\\/]+[\\/]index\.ts$/.test(file) && by !== LOADER))
      .map(([file, by]) => `${rel(file)} imported by ${rel(by)}`);
    expect(offenders).toEqual([]);
    for (const language of ['zh-CN', 'en']) {
      const importers = [...graph.keys()].filter((f) => f !== LOADER && importsOf(f).includes(path.join(LOCALES, language, 'index.ts')));
      expect({ language, importers: importers.map(rel) }).toEqual({ language, importers: [] });
    }
  });
});
