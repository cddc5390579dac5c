import type { Plugin } from 'vite';

/**
 * The CJK font's `@font-face` rules name each subset twice, woff2 then woff; every browser the kiosk runs in
 * (Electron's Chromium, Debian's Chromium) reads woff2, so the woff fallback only made the first stylesheet
 * larger (and emitted ~200 files never fetched). This drops it before Vite resolves the rule's urls.
 */
export function woff2OnlyFontFaces(): Plugin {
  return {
    name: 'woff2-only-font-faces',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]@fontsource[\\/][^?]+\.css(\?|$)/.test(id)) return null;
      const woff2Only = code.replace(/,\s*url\([^)]*\.woff\)\s*format\(['"]woff['"]\)/g, '');
      if (/\.woff\)/.test(woff2Only)) this.error(`a woff source is left in ${id}: the rule's layout changed, update this plugin`);
      return { code: woff2Only, map: null };
    },
  };
}
