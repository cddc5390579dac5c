/** @jest-environment jsdom */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { startEntry } from '../../src/renderer/first-paint/entry-after-first-frame';

/**
 * The built page links its entry only by a meta (vite.entry-after-first-frame.mts), and the first script starts it
 * from there (src/renderer/first-paint/entry-after-first-frame.ts): read here from the built page itself, so the two sides agree on the meta.
 * (The e2e first-screens.spec.ts shows it starting only once the first frame is drawn.)
 */
const RENDERER = path.resolve(__dirname, '../../dist/renderer');

function builtPage(): { html: string; entry: string } {
  const page = path.join(RENDERER, 'index.html');
  if (!fs.existsSync(page)) throw new Error(`${page} is missing: run npm run build first`);
  const manifest = JSON.parse(fs.readFileSync(path.join(RENDERER, '.vite', 'manifest.json'), 'utf8')) as Record<string, { file: string }>;
  return { html: fs.readFileSync(page, 'utf8'), entry: manifest['index.html']!.file };
}

describe('the page entry, started after the first frame', () => {
  it('is not a script of the built page: nothing of the page but its first script runs before the first frame', () => {
    const { html } = builtPage();
    expect(html).not.toMatch(/<script[^>]*type="module"/);
    // The first script is the page's only script, written in.
    expect([...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag)).toEqual(['<script>']);
  });

  it("is started from the built page's meta as the module Vite builds it to", () => {
    const { html, entry } = builtPage();
    document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
    const modules = () => [...document.querySelectorAll<HTMLScriptElement>('script[type="module"]')];
    expect(modules()).toHaveLength(0);
    startEntry(document);
    expect(modules().map((s) => s.getAttribute('src'))).toEqual([`./${entry}`]);
    expect(modules()[0]!.parentElement).toBe(document.head);
    expect(modules()[0]!.getAttribute('fetchpriority')).toBe('high');
    expect(modules()[0]!.hasAttribute('crossorigin')).toBe(true);
  });

  it('leaves a page without the meta as it is', () => {
    document.documentElement.innerHTML = '<head><title>t</title></head><body><div id="root"></div></body>';
    startEntry(document);
    expect(document.querySelectorAll('script')).toHaveLength(0);
  });
});
