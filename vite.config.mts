import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { pageShell } from './vite.page-shell.mjs';
import { firstTapsScript } from './vite.first-taps.mjs';
import { deferredFonts } from './vite.deferred-fonts.mjs';
import { inlineFirstFrame } from './vite.inline-first-frame.mjs';

/**
 * The page's up-front styles: boot's stylesheets (src/renderer/boot.tsx and every chunk it imports) linked in the head
 * beside the entry's, so the host's first screens are styled in the first frame and the page keeps one set of styles.
 * Boot's modules themselves are not preloaded: the entry imports them once that frame is drawn (main.tsx); fetched
 * and compiled beside it, they made it come ~50 ms later (the start-up bench).
 */
function startupStylesheets(): Plugin {
  return {
    name: 'startup-stylesheets',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const seen = new Set<string>();
        const css = new Set<string>();
        const add = (fileName: string) => {
          const chunk = byFile.get(fileName);
          if (!chunk || seen.has(fileName)) return;
          seen.add(fileName);
          chunk.viteMetadata?.importedCss.forEach((f) => css.add(f));
          chunk.imports.forEach(add);
        };
        const boot = chunks.find((c) => c.facadeModuleId?.endsWith('/src/renderer/boot.tsx'));
        if (boot) add(boot.fileName);
        const listed = (file: string) => html.includes(`/${file}"`);
        return {
          // The entry runs as soon as it and its few imports are in, not after the stylesheets and the parse: it is
          // what asks the core, so it is fetched first (`fetchpriority="high"`; an async script is otherwise fetched
          // at low priority, held back while the head's stylesheets are in flight).
          html: html.replace(/<script type="module" crossorigin src=/, '<script type="module" async fetchpriority="high" crossorigin src='),
          tags: [...css].filter((f) => !listed(f)).map((f) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const })),
        };
      },
    },
  };
}

// The renderer is built into dist/renderer; both carriers serve it from there (Electron loads it from the asar).
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react(), pageShell({ title: 'Kiosk', media: true }), startupStylesheets(), firstTapsScript(), deferredFonts(), inlineFirstFrame()],
  build: {
    outDir: '../../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    // Which files each chunk imports, for the benches' count of the page's start-up bytes (bench/support/startup-files.ts).
    manifest: true,
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
