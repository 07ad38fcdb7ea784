// Helpers every route uses: who is asking, the command context of a request, ETags and read-your-writes.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError, ValidationError } from '../domain/shared/errors.js';
import type { CommandContext } from '../commands/handleCommand.js';
import type { Role } from '../db/people.table.js';
import type { Actor } from '../auth/sessions.js';
import type { AppDeps } from './deps.js';
import { carriesPositions, POSITION_HEADER, readModelsReach, rememberWrite } from './readYourWrites.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function requireActor(request: FastifyRequest, ...roles: Role[]): Actor {
  const actor = request.actor;
  if (!actor) throw new UnauthenticatedError('sign in first');
  if (roles.length > 0 && !roles.includes(actor.role))
    throw new ForbiddenError('role_required', `this needs the role ${roles.join(' or ')}`, { roles });
  return actor;
}

/** The revision a client pinned with If-Match, if any. */
export function ifMatchOf(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (!header || header === '*') return undefined;
  const match = /^(?:W\/)?"?(-?\d+)"?$/.exec(header.trim());
  if (!match)
    throw new ValidationError('If-Match must be an ETag this API returned, like "3"', [
      { path: 'headers.if-match', message: 'is not an ETag' },
    ]);
  return Number(match[1]);
}

const IDEMPOTENCY_KEY = /^[\w.:-]{1,200}$/;

/** The Idempotency-Key, scoped to the organisation, the person and the route, so keys never collide. */
export function idempotencyKeyOf(request: FastifyRequest, actor: Actor): string | undefined {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    throw new ValidationError('Idempotency-Key must be 1-200 letters, digits or .:_-', [
      { path: 'headers.idempotency-key', message: 'is invalid' },
    ]);
  }
  const route = `${request.method} ${request.routeOptions.url}`;
  return createHash('sha256')
    .update(`${actor.orgId}|${actor.personId}|${route}|${JSON.stringify(request.params)}|${key}`)
    .digest('hex');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** X-Correlation-Id, accepted only as a UUID (it is stored in every event's metadata); else the request id. */
export function correlationIdOf(request: FastifyRequest): string {
  const header = request.headers['x-correlation-id'];
  if (header === undefined) return request.id;
  if (typeof header !== 'string' || !UUID.test(header))
    throw new ValidationError('X-Correlation-Id must be a UUID, like 3f1c2a8e-5b6d-4e7f-8a9b-0c1d2e3f4a5b', [
      { path: 'headers.x-correlation-id', message: 'is not a UUID' },
    ]);
  return header.toLowerCase();
}

/** A digest of what a request asks for (its body), kept with its Idempotency-Key to tell a reuse apart. */
export const requestHashOf = (request: FastifyRequest) =>
  createHash('sha256')
    .update(JSON.stringify(request.body ?? null))
    .digest('hex');

export function commandContext(
  deps: AppDeps,
  request: FastifyRequest,
  actor: Actor,
  options: { ifMatch?: boolean } = {},
): CommandContext {
  const idempotencyKey = idempotencyKeyOf(request, actor);
  return {
    orgId: actor.orgId,
    actorId: actor.personId,
    now: deps.clock.now().toISOString(),
    correlationId: correlationIdOf(request),
    ifMatch: options.ifMatch === false ? undefined : ifMatchOf(request),
    idempotencyKey,
    requestHash: idempotencyKey ? requestHashOf(request) : undefined,
  };
}

export const etag = (revision: number) => `"${revision}"`;

/** True when the client sent `Prefer: return=minimal` (RFC 7240): it wants 204 and no representation. */
export function prefersMinimal(request: FastifyRequest): boolean {
  return /\breturn=minimal\b/.test(String(request.headers.prefer ?? ''));
}

/**
 * A consistent read of the read models: waits (up to `timeoutMs`, normally no time at all) until the projectors
 * have reached what the event store holds now, so a GET right after a write, over HTTP or the room's socket,
 * sees it. After the timeout the read models answer as they stand.
 */
export async function readModelsCaughtUp(deps: AppDeps, timeoutMs = 2_000) {
  const head = await deps.eventStore.headPosition();
  if (head) await deps.projections.waitFor(head, timeoutMs);
}

/**
 * Sets the ETag and, unless the client asked for a minimal return, waits (briefly) until the read models include
 * the write, so the response and the client's next read see it. `timeoutMs` bounds the wait (default 10 s).
 *
 * `answer: 'decided'` is for routes whose response is built from the write's decided state (api/answers.ts): the
 * response does not need the read models, so the wait is only for the client's next read, and only while the
 * projectors can reach the write. When an older transaction on this database still holds the readers back (the
 * event store's head is behind this write), the route answers at once instead of waiting for it; and a client
 * that brings the write's position to its next reads (api/readYourWrites.ts) is answered at once too.
 */
export async function afterWrite(
  deps: AppDeps,
  reply: FastifyReply,
  result: { revision: number; position: string | null; replayed?: boolean },
  options: { timeoutMs?: number; answer?: 'readModel' | 'decided' } = {},
) {
  reply.header('etag', etag(result.revision));
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  if (result.position) reply.header(POSITION_HEADER, result.position);
  if (prefersMinimal(reply.request)) {
    reply.header('preference-applied', 'return=minimal');
    return;
  }
  if (!result.position) return;
  const bound = options.timeoutMs ?? 10_000;
  // Normally milliseconds; the bound only matters when a long transaction holds the readers back.
  if (options.answer !== 'decided') {
    await deps.projections.waitFor(result.position, bound);
    return;
  }
  // The answer does not need the read models; the client's next read does, unless it brings the position.
  if (carriesPositions(reply.request)) {
    const personId = reply.request.actor?.personId;
    if (personId) rememberWrite(deps, personId, result.position);
    return;
  }
  await readModelsReach(deps, result.position, bound);
}
