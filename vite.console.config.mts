import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { pageShell } from './vite.page-shell.mjs';

// The township/county console is built into dist/console; the county gateway serves it at /console/.
export default defineConfig({
  root: 'src/console',
  base: '/console/',
  plugins: [react(), pageShell({ title: 'Console' })],
  build: {
    outDir: '../../dist/console',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome120',
    assetsInlineLimit: 0,
  },
});
