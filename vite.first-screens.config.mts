import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The host's render of the page's first screens (src/renderer/first-paint/first-screens.tsx): one self-contained
 * CommonJS file, React and the texts inside, that the kiosk's main process requires (src/main/page/). The packaged
 * app carries no renderer packages in its node_modules, so nothing stays external.
 */
export default defineConfig({
  plugins: [react()],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: 'src/renderer/first-paint/first-screens.tsx',
    outDir: 'dist/first-screens',
    emptyOutDir: true,
    target: 'node20',
    minify: true,
    // The screens the first render never draws (lazy-screens.tsx) and the contract's tables stay in chunks of their
    // own, required only if asked for: the host loads the first file alone.
    rolldownOptions: { output: { format: 'cjs', entryFileNames: 'first-screens.cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' } },
  },
});
