import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { pageShell } from './vite.page-shell.mjs';
import { woff2OnlyFontFaces } from './vite.font-faces.mjs';

/**
 * The page's own language's texts (a chunk of their own, src/renderer/i18n/load-language.ts) fetched and parsed
 * beside the first chunk, rather than only once it has run and asks for them.
 */
function preloadPageLanguage(): Plugin {
  return {
    name: 'preload-page-language',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const language = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1];
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith(`/shared/locales/${language}/index.ts`));
        return chunk ? [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` }, injectTo: 'head' }] : [];
      },
    },
  };
}

// The renderer is built into dist/renderer; both carriers serve it from there (Electron loads it from the asar).
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react(), woff2OnlyFontFaces(), pageShell({ title: 'Kiosk', media: true }), preloadPageLanguage()],
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
