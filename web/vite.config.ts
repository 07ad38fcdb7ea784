// Builds the web client into web/dist. JSX goes through esbuild (no React plugin: it needs a newer Node).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { excalidrawAssets } from './src/room/build/excalidrawAssets';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  esbuild: { jsx: 'automatic' },
  plugins: [excalidrawAssets()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The live room (whiteboard, editor) is a large lazy chunk; the main-route budget is checked by scripts/buildWeb.ts.
    chunkSizeWarningLimit: 4000,
    reportCompressedSize: false,
    manifest: true,
    rollupOptions: {
      // Libraries marked "use client" for React Server Components: meaningless in a client bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/rt': { target: 'ws://127.0.0.1:3000', ws: true } } },
});
