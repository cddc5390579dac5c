import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { UI_FONT_WEIGHTS, uiFontCharacters, uiFontSubset, type UiFontWeight } from './vite.ui-font.mjs';

/** The mark on the fonts' link: boot finds it by this (src/renderer/theme/deferred-fonts.ts). */
const DEFERRED_FONTS_ATTRIBUTE = 'data-deferred-fonts';

/** The family the screens name first: `--font`'s first in src/renderer/theme/theme.css, where it is named once. */
function uiFontFamily(): string {
  const theme = fs.readFileSync(path.join(import.meta.dirname, 'src', 'renderer', 'theme', 'theme.css'), 'utf8');
  const family = /--font:\s*'([^']+)'/.exec(theme)?.[1];
  if (!family) throw new Error("src/renderer/theme/theme.css: --font names no family in quotes first (the CJK font's @font-face rules are named after it)");
  return family;
}

/**
 * The screens' CJK font: Noto Sans SC in its two weights, each one woff2 file cut down to the product's own texts and
 * everyday characters (vite.ui-font.mts), in a stylesheet of two `@font-face` rules. It is linked `disabled`: the
 * browser neither fetches nor applies it until boot switches it on, once the app has taken over from the first
 * screens (src/renderer/theme/deferred-fonts.ts). Measured (Debian's Chromium, the served page, interleaved loads):
 * - The font used to be @fontsource's ~200 faces, one per unicode range. Every layout of new text matched it against
 *   them (a touch's home screen: 411 font lookups, 32 of its 48 ms of layout); with two faces, touch to home went
 *   from 67-72 ms to 42-51.
 * - In the render-blocking stylesheet those rules made the first frame 60-80 ms later; linked `media="print"` and
 *   switched on after the first frame, the stylesheet was still fetched and parsed before that frame (the attract
 *   screen ~50 ms later than without it).
 */
export function deferredFonts(): Plugin {
  let stylesheet = '';
  return {
    name: 'deferred-fonts',
    apply: 'build',
    async generateBundle() {
      const characters = uiFontCharacters();
      const family = uiFontFamily();
      const faces: string[] = [];
      for (const weight of Object.keys(UI_FONT_WEIGHTS).map(Number) as UiFontWeight[]) {
        const file = this.getFileName(this.emitFile({ type: 'asset', name: `noto-sans-sc-${weight}.woff2`, source: await uiFontSubset(weight, characters) }));
        faces.push(`@font-face{font-family:"${family}";font-style:normal;font-display:swap;font-weight:${weight};src:url(./${path.basename(file)}) format("woff2")}`);
      }
      stylesheet = this.getFileName(this.emitFile({ type: 'asset', name: 'fonts.css', source: `${faces.join('\n')}\n` }));
    },
    transformIndexHtml: {
      order: 'post',
      handler() {
        if (!stylesheet) throw new Error('the fonts stylesheet was not built before the page was written');
        return [{ tag: 'link', attrs: { rel: 'stylesheet', href: `./${stylesheet}`, disabled: true, [DEFERRED_FONTS_ATTRIBUTE]: true }, injectTo: 'head' }];
      },
    },
  };
}
