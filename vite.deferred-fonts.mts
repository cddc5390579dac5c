import path from 'node:path';
import type { Plugin } from 'vite';

const SOURCE = path.resolve(import.meta.dirname, 'src/renderer/theme/fonts.ts');

/** The mark on the fonts' link: boot finds it by this (src/renderer/theme/deferred-fonts.ts). */
export const DEFERRED_FONTS_ATTRIBUTE = 'data-deferred-fonts';

/**
 * The CJK font's stylesheet (src/renderer/theme/fonts.ts) as a stylesheet of its own, linked `disabled`: the browser
 * neither fetches nor applies it until boot switches it on, once the app has taken over from the first screens.
 * Measured (Debian's Chromium, the served page, interleaved loads): with its ~200 `@font-face` rules in the
 * render-blocking stylesheet the first frame came 60-80 ms later, the same whether the font files were reachable or
 * not (the cost is matching the text against the rules' unicode ranges, not the download); linked `media="print"`
 * and switched on after the first frame, it was still fetched and parsed before that frame (the attract screen
 * ~50 ms later than without it) and matched while the first touch was answered (home ~15 ms later).
 *
 * The chunk's script is empty (the module only imports the two stylesheets) and is left out of the build.
 */
export function deferredFonts(): Plugin {
  let reference = '';
  let stylesheet = '';
  return {
    name: 'deferred-fonts',
    apply: 'build',
    buildStart() {
      reference = this.emitFile({ type: 'chunk', id: SOURCE, name: 'fonts' });
    },
    generateBundle(_options, bundle) {
      const fileName = this.getFileName(reference);
      const chunk = bundle[fileName];
      const css = chunk?.type === 'chunk' ? [...(chunk.viteMetadata?.importedCss ?? [])] : [];
      if (chunk?.type !== 'chunk' || css.length !== 1 || chunk.imports.length > 0 || chunk.dynamicImports.length > 0) {
        this.error(`${SOURCE} must build to one stylesheet and nothing else (found ${css.length} stylesheets)`);
      }
      stylesheet = css[0]!;
      delete bundle[fileName];
      if (chunk.sourcemapFileName) delete bundle[chunk.sourcemapFileName];
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
