// Read-your-writes without making writes wait for the read models. Every write that appended answers with the
// log position of its events (`Lectern-Position`). A client that keeps the newest position it was given and
// sends it on its reads (`Lectern-After`) says so on its writes (`Lectern-Consistency: token`); such a client's
// writes answered from their decided state return at once, and its reads wait (briefly) until the read models
// include that position. The node also remembers each person's last such write, so their reads on this node wait
// for it even without the header (another tab, a download, a script with the same session). Clients that send
// nothing keep the default: a write waits for the read models, so the next read of any client sees it.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ValidationError } from '../domain/shared/errors.js';
import { comparePositions } from '../commands/logConsumer/checkpoints.js';
import type { AppDeps } from './deps.js';

export const POSITION_HEADER = 'lectern-position';
export const AFTER_HEADER = 'lectern-after';
export const CONSISTENCY_HEADER = 'lectern-consistency';

/** How long a wait gives the projectors before it looks whether they can reach the position at all. */
const GRACE_MS = 25;
/**
 * How long the readers must stay held back behind the position before a wait gives up on it: a transaction of
 * this database that is merely short (a projector's batch, a lease renewal, another write) holds them back for
 * milliseconds and is waited out; one held longer than this is a long transaction, which is not.
 */
const HELD_MS = 250;
/** The longest a read waits for the read models to include the client's last write. */
const READ_WAIT_MS = 10_000;

/** Per node, per person: the position of their last write that did not wait, until the read models pass it. */
const MAX_REMEMBERED = 10_000;
const lastWrites = new WeakMap<AppDeps['projections'], Map<string, string>>();
const remembered = (deps: AppDeps) => {
  let map = lastWrites.get(deps.projections);
  if (!map) lastWrites.set(deps.projections, (map = new Map()));
  return map;
};

/** Notes a person's write that answered without waiting: their next reads on this node wait for it. */
export function rememberWrite(deps: AppDeps, personId: string, position: string) {
  const map = remembered(deps);
  map.delete(personId);
  if (map.size >= MAX_REMEMBERED) map.delete(map.keys().next().value!);
  map.set(personId, position);
}

/** True when the client carries positions to its reads itself. */
export const carriesPositions = (request: FastifyRequest) => request.headers[CONSISTENCY_HEADER] === 'token';

/**
 * Waits up to `timeoutMs` until the read models include `position`, unless they cannot reach it soon: when an
 * older transaction of this database holds the readers back (the event store's head stays behind the position
 * for HELD_MS), or the position is not this store's, it returns without waiting longer.
 */
export async function readModelsReach(deps: AppDeps, position: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let heldSince: number | null = null;
  for (;;) {
    const left = deadline - performance.now();
    if (left <= 0) return;
    if (await deps.projections.waitFor(position, Math.min(GRACE_MS, left))) return;
    const head = await deps.eventStore.headPosition();
    if (comparePositions(head, position) >= 0) {
      // Readable: only the projectors are behind, and they are on their way.
      await deps.projections.waitFor(position, deadline - performance.now());
      return;
    }
    heldSince ??= performance.now();
    if (performance.now() - heldSince >= HELD_MS) return;
  }
}

/** Reads carrying `Lectern-After` see the read models at least at that position. */
export function readAfterPositions(app: FastifyInstance, deps: AppDeps) {
  app.addHook('preHandler', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const after = request.headers[AFTER_HEADER];
    if (after !== undefined && after !== '') {
      if (typeof after !== 'string' || !/^\d{1,20}:\d{1,20}$/.test(after))
        throw new ValidationError(`the ${AFTER_HEADER} header must be a position this server gave`, [
          { path: `headers.${AFTER_HEADER}`, message: 'must be two whole numbers joined by a colon' },
        ]);
      await readModelsReach(deps, after, READ_WAIT_MS);
    }
    const personId = request.actor?.personId;
    const own = personId ? remembered(deps).get(personId) : undefined;
    if (personId && own) {
      await readModelsReach(deps, own, READ_WAIT_MS);
      if (remembered(deps).get(personId) === own) remembered(deps).delete(personId);
    }
  });
}
