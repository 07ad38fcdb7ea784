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
    chunkSizeWarningLimit: 800,
    reportCompressedSize: false,
    manifest: true,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/rt': { target: 'ws://127.0.0.1:3000', ws: true } } },
});
