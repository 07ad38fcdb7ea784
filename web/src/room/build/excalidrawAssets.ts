// A Vite plugin: serves Excalidraw's fonts from our own server at /excalidraw-assets/ (copied into the build,
// served from node_modules in dev), so the whiteboard never fetches from a CDN. It also sets
// window.EXCALIDRAW_ASSET_PATH in index.html, before any module runs: Excalidraw reads it when its module
// is evaluated, which in a bundle can come before the code that imports it.
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import type { Plugin } from 'vite';

export const EXCALIDRAW_ASSET_URL = '/excalidraw-assets/';

function fontsDir() {
  const entry = createRequire(import.meta.url).resolve('@excalidraw/excalidraw');
  return join(dirname(entry), 'fonts');
}

export function excalidrawAssets(): Plugin {
  return {
    name: 'lectern-excalidraw-assets',
    configureServer(server) {
      server.middlewares.use(EXCALIDRAW_ASSET_URL, (req, res, next) => {
        const file = normalize(join(fontsDir(), '..', decodeURIComponent((req.url ?? '').split('?')[0]!)));
        if (!file.startsWith(dirname(fontsDir())) || !existsSync(file)) return next();
        res.setHeader('content-type', file.endsWith('.woff2') ? 'font/woff2' : 'application/octet-stream');
        res.end(readFileSync(file));
      });
    },
    transformIndexHtml() {
      return [
        {
          tag: 'script',
          children: `window.EXCALIDRAW_ASSET_PATH = ${JSON.stringify(EXCALIDRAW_ASSET_URL)};`,
          injectTo: 'head-prepend',
        },
      ];
    },
    writeBundle(options) {
      if (!options.dir) return;
      cpSync(fontsDir(), join(options.dir, EXCALIDRAW_ASSET_URL, 'fonts'), { recursive: true });
    },
  };
}
