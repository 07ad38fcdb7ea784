// Serves the built web client (web/dist): hashed assets with long caching, and index.html for the client's
// own paths (SPA fallback). Registered last, so /api and /docs win; an unknown /api path stays a problem 404.
import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { AppDeps } from '../deps.js';
import { WEB_DIST } from '../../kernel/paths.js';

export { WEB_DIST };

/** The paths the client's router owns; each answers with index.html. */
const CLIENT_PATHS = ['/', '/signin', '/set-password', '/platform', '/platform/*', '/room/*'];

export async function webRoutes(app: FastifyInstance, _deps: AppDeps) {
  if (!existsSync(`${WEB_DIST}index.html`)) {
    app.log.warn('web/dist is missing: run `npm run build:web` to serve the web client');
    return;
  }
  await app.register(fastifyStatic, {
    root: WEB_DIST,
    prefix: '/',
    index: false,
    wildcard: true,
    cacheControl: false,
    setHeaders(res, path) {
      res.setHeader(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  for (const url of CLIENT_PATHS) {
    app.get(url, { schema: { hide: true } }, (_request, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html'),
    );
  }
}
