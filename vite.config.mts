import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { pageShell } from './vite.page-shell.mjs';

// The renderer is built into dist/renderer; both carriers serve it from there (Electron loads it from the asar).
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react(), pageShell({ title: 'Kiosk', media: true })],
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
