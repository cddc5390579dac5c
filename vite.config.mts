import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { pageShell } from './vite.page-shell.mjs';
import { woff2OnlyFontFaces } from './vite.font-faces.mjs';
import { firstTapsScript } from './vite.first-taps.mjs';
import { deferredFonts } from './vite.deferred-fonts.mjs';

/**
 * Chunks the page fetches and parses beside its entry, rather than only once the entry has run and asks for them:
 * - the rest of the page (src/renderer/boot.tsx, imported by the small entry once it has asked the core for the
 *   point's settings) with every chunk it imports, and its stylesheets, so the page keeps one up-front set of styles;
 * - the page's own language's texts (a chunk of their own, src/renderer/i18n/load-language.ts).
 */
function preloadStartupChunks(): Plugin {
  return {
    name: 'preload-startup-chunks',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
        const language = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1];
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const files = new Set<string>();
        const css = new Set<string>();
        const add = (fileName: string) => {
          const chunk = byFile.get(fileName);
          if (!chunk || files.has(fileName)) return;
          files.add(fileName);
          chunk.viteMetadata?.importedCss.forEach((f) => css.add(f));
          chunk.imports.forEach(add);
        };
        const boot = chunks.find((c) => c.facadeModuleId?.endsWith('/src/renderer/boot.tsx'));
        if (boot) add(boot.fileName);
        const texts = chunks.find((c) => c.facadeModuleId?.endsWith(`/shared/locales/${language}/index.ts`));
        if (texts) files.add(texts.fileName);
        const listed = (file: string) => html.includes(`/${file}"`);
        return {
          // The entry runs as soon as it and its few imports are in, not after the stylesheets and the parse; the
          // screen still paints only once the stylesheets are in (they block rendering), and boot waits for the DOM.
          // An async script is fetched at low priority, and Chromium holds low-priority requests back while the
          // stylesheets and preloads of the page's head are in flight; the entry is what asks the core, so it is
          // fetched first (`fetchpriority="high"`).
          html: html.replace(/<script type="module" crossorigin src=/, '<script type="module" async fetchpriority="high" crossorigin src='),
          tags: [
            ...[...css].filter((f) => !listed(f)).map((f) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const })),
            ...[...files].filter((f) => !listed(f)).map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const })),
          ],
        };
      },
    },
  };
}

// The renderer is built into dist/renderer; both carriers serve it from there (Electron loads it from the asar).
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react(), woff2OnlyFontFaces(), pageShell({ title: 'Kiosk', media: true }), preloadStartupChunks(), firstTapsScript(), deferredFonts()],
  build: {
    outDir: '../../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome120',
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Libraries in chunks of their own: no chunk passes 500 kB, and a change to our code leaves them cached.
        // Screens the first paint does not need are split off by src/renderer/app/lazy-screens.tsx.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|use-sync-external-store)[\\/]/ },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/ },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
          ],
        },
      },
    },
  },
});
