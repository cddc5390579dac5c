import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The township/county console is built into dist/console; the county gateway serves it at /console/.
export default defineConfig({
  root: 'src/console',
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: '../../dist/console',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome120',
    assetsInlineLimit: 0,
  },
});
