import fs from 'node:fs';
import path from 'node:path';

/**
 * A stand-in for the renderer's first-screens bundle (the real one is built by Vite's SSR build): a CommonJS file
 * exporting renderFirstScreens, which puts the site's English name (HTML-escaped) into a <main> and appends one line
 * to `renders.log` beside it for each render, so a test can count them. `throws` makes every render throw.
 */
export function writeFirstScreensBundle(dir: string, behaviour: { throws?: boolean } = {}): { file: string; renders: () => number } {
  const file = path.join(dir, 'first-screens.cjs');
  const log = path.join(dir, 'renders.log');
  fs.writeFileSync(
    file,
    `'use strict';
const fs = require('node:fs');
const escape = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
exports.renderFirstScreens = function renderFirstScreens(site) {
  fs.appendFileSync(${JSON.stringify(log)}, 'render\\n');
  ${behaviour.throws ? "throw new Error('renderer broke');" : ''}
  if (!site || typeof site !== 'object' || !site.name) throw new Error('invalid site');
  return '<main class="attract">' + escape(site.name.en) + '</main>';
};
`,
  );
  return { file, renders: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0) };
}

/** A renderer folder's index.html with the root element the page mounts on and the shell's `<html>` (as Vite builds it). */
export const INDEX_HTML = '<!doctype html><html lang="zh-CN" translate="no"><head><title>t</title></head><body><div id="root"></div><script type="module" src="./assets/index.js"></script></body></html>';
