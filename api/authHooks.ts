// Who is asking (from the session cookie), and the Origin check on every state-changing request.
import type { FastifyInstance } from 'fastify';
import { allowedOrigins } from '../kernel/config.js';
import type { AppDeps } from './deps.js';
import { problem, sendProblem } from './errors.js';
import { actorForToken, SESSION_COOKIE } from '../auth/sessions.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

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
    if (token) request.actor = await actorForToken(deps.db, token, deps.clock.now());
  });
}

function isSameHost(origin: string, host: string | undefined) {
  try {
    return !!host && new URL(origin).host === host;
  } catch {
    return false;
  }
}
