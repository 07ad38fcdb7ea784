// Request rate limits (@fastify/rate-limit, per node, in memory) on the routes that are cheap to call and costly
// or sensitive to answer: signing in (argon2), setting a password from a link, sending invitations and reset
// links (mail), and the public calendar feeds. The sign-in throttle (auth/throttle.ts) counts failures across
// nodes on top of this. A refusal is 429 problem+json with Retry-After.
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { RateLimited } from '../domain/shared/errors.js';

type Limit = { max: number; windowMs: number; per: 'ip' | 'person' };

/** `METHOD /url` as registered → its limit. */
export const RATE_LIMITS: Readonly<Record<string, Limit>> = {
  'POST /api/auth/login': { max: 20, windowMs: 60_000, per: 'ip' },
  'POST /api/auth/set-password': { max: 10, windowMs: 60_000, per: 'ip' },
  'POST /api/auth/change-password': { max: 10, windowMs: 60_000, per: 'person' },
  'POST /api/people': { max: 60, windowMs: 60_000, per: 'person' },
  'POST /api/people/:id/reset-password': { max: 20, windowMs: 60_000, per: 'person' },
  'GET /api/calendar/feed/:token.ics': { max: 60, windowMs: 60_000, per: 'ip' },
};

const keyOf = (per: Limit['per']) => (request: FastifyRequest) =>
  per === 'person' && request.actor ? `person:${request.actor.personId}` : `ip:${request.ip}`;

/** Registers the plugin and gives each listed route its limit; call before any route is registered. */
export async function rateLimits(app: FastifyInstance, enabled: boolean) {
  if (!enabled) return;
  // Runs before the plugin's own onRoute hook (added by register below), which reads config.rateLimit.
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const limit = methods
      .map((m) => RATE_LIMITS[`${m === 'HEAD' ? 'GET' : m} ${route.url}`])
      .find((l) => l !== undefined);
    if (!limit) return;
    route.config = {
      ...(route.config as object),
      rateLimit: { max: limit.max, timeWindow: limit.windowMs, keyGenerator: keyOf(limit.per) },
    } as RouteOptions['config'];
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new RateLimited(`too many requests; try again in ${seconds} seconds`, seconds);
    },
  });
}
