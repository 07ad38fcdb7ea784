// Who is asking (from the session cookie), and the Origin check on every state-changing request.
import type { FastifyInstance } from 'fastify';
import { allowedOrigins } from '../kernel/config.js';
import type { AppDeps } from './deps.js';
import { problem, sendProblem } from './errors.js';
import { actorForToken, SESSION_COOKIE } from '../auth/sessions.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The /api routes anyone may call without a session (`METHOD /url` as registered). Every other /api route answers
 * an anonymous caller 401 before its body is read or validated, so nothing about its input leaks. Routes outside
 * /api (health, OpenAPI docs, the web client, the WebSocket upgrade, which checks the cookie itself) are public.
 */
export const PUBLIC_API_ROUTES: ReadonlySet<string> = new Set([
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/auth/set-password',
  'GET /api/calendar/feed/:token.ics',
]);

/** True when the route (method and registered url) needs a signed-in caller. */
export function needsSession(method: string, url: string | undefined): boolean {
  if (!url || !url.startsWith('/api/')) return false;
  return !PUBLIC_API_ROUTES.has(`${method === 'HEAD' ? 'GET' : method} ${url}`);
}

export function authHooks(app: FastifyInstance, deps: AppDeps) {
  const origins = allowedOrigins(deps.config);
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (request, reply) => {
    // Browsers always send Origin on cross-site writes; a foreign one never gets to change anything.
    const origin = request.headers.origin;
    if (
      !SAFE_METHODS.has(request.method) &&
      origin &&
      !origins.has(origin) &&
      !isSameHost(origin, request.headers.host)
    ) {
      return sendProblem(reply, problem(403, 'forbidden', `origin ${origin} may not send this request`));
    }
    // Without an Origin (older browsers on same-site forms, or non-browser clients), Fetch Metadata still tells a
    // cross-site request apart.
    if (!SAFE_METHODS.has(request.method) && !origin && request.headers['sec-fetch-site'] === 'cross-site') {
      return sendProblem(reply, problem(403, 'forbidden', 'cross-site requests may not change anything'));
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token)
      request.actor = deps.sessions
        ? await deps.sessions.actorFor(token, deps.clock.now())
        : await actorForToken(deps.db, token, deps.clock.now());
    // Authenticate before anything reads or validates the request: onRequest runs before the body is parsed.
    if (!request.actor && needsSession(request.method, request.routeOptions.url))
      return sendProblem(reply, problem(401, 'unauthenticated', 'sign in first'));
  });
}

function isSameHost(origin: string, host: string | undefined) {
  try {
    return !!host && new URL(origin).host === host;
  } catch {
    return false;
  }
}
