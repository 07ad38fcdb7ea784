// Builds the Fastify app from explicit dependencies. It never listens: main/server.ts does.
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.js';
import { sessionCache } from '../auth/sessionCache.js';
import { errorHandler, problem, sendProblem } from './errors.js';
import { readAfterPositions } from './readYourWrites.js';
import { authHooks } from './authHooks.js';
import { logSerializers } from './redact.js';
import { routes, webRoutes, type RouteModule } from './routes/index.js';
import { rateLimits } from './rateLimits.js';
import { trustProxyOf } from '../kernel/config.js';

export type App = FastifyInstance;

export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'req.body.password',
  'req.body.token',
];

/** Redaction for every logger the app is given: secrets in headers, bodies and URLs never reach the logs. */
export const LOG_OPTIONS = { redact: REDACTED_PATHS, serializers: logSerializers };

/** The HTTP API; `mounts` are registered before the web client's fallback (the composition root adds the gateway). */
export async function buildHttpApp(deps: AppDeps, mounts: RouteModule[] = []): Promise<App> {
  const app = Fastify({
    logger:
      deps.logger === undefined
        ? false
        : deps.logger === true
          ? { level: deps.config.LOG_LEVEL, ...LOG_OPTIONS }
          : deps.logger,
    bodyLimit: 1024 * 1024,
    // Plugins (Swagger UI reads its assets) can take longer than Fastify's 10 s default on a loaded machine.
    pluginTimeout: 60_000,
    // Off unless TRUST_PROXY names the proxies: otherwise a client's own X-Forwarded-For would pick its IP.
    trustProxy: trustProxyOf(deps.config),
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem(404, 'not_found', `no route ${request.method} ${request.url.split('?')[0]}`)),
  );

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        fontSrc: ["'self'", 'data:'],
        workerSrc: ["'self'", 'blob:'],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Lectern API',
        version: '0.1.0',
        description:
          'Schedule and run live teaching.\n\n' +
          'Read-your-writes: every write that recorded something answers with a `Lectern-Position` header. By ' +
          'default a write waits until the read models include it, so any later read sees it. A client that ' +
          'sends `Lectern-Consistency: token` on its writes and the newest position it was given as ' +
          '`Lectern-After` on its reads is answered without that wait; its reads wait instead, usually not at all.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lectern_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  // One session cache per node: the cookie lookups of this app, forgotten on revocations (auth/sessionCache.ts).
  const sessions = deps.sessions ?? sessionCache(deps.db, deps.bus);
  if (!deps.sessions) app.addHook('onClose', async () => sessions.close());
  const withSessions: AppDeps = { ...deps, sessions };
  authHooks(app, withSessions);
  readAfterPositions(app, withSessions);
  await rateLimits(app, deps.config.RATE_LIMITS === 'on');
  for (const register of [...routes, ...mounts, webRoutes]) await register(app, withSessions);
  return app;
}
