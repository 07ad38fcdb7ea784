// What every command carries (its context), what it gives back, and the steps the command handler and the group
// commit share: fold a stream (from this node's cached fold on), the events' metadata, and the back-off between
// attempts.
import { randomUUID } from 'node:crypto';
import type { Aggregate } from './aggregates.js';
import { streamId as streamIdOf } from './eventStore/streams.js';
import type { EventMetadata, EventStore } from './eventStore/port.js';
import { cachedState, rememberState } from './streamCache.js';

export type CommandContext = {
  orgId: string;
  actorId: string | null;
  /** The time the command is taken at (from the clock, or fixed by tests). */
  now: string;
  correlationId?: string;
  /** The event that caused this command, for process managers. */
  causationId?: string;
  /**
   * Who may do this, judged on the state the command is decided on (throws NotFoundError or ForbiddenError).
   * A cached fold that refuses is read again first, and a fold let through is appended after at its revision,
   * so the check and the write see the same state.
   */
  authorize?: (state: unknown) => void;
  /** From If-Match: the stream must be at this revision, or the command fails with 412. */
  ifMatch?: number;
  /** From Idempotency-Key, already scoped to the organisation and actor. */
  idempotencyKey?: string;
  /** A digest of the request the key came with: the key sent again with another request is refused (422). */
  requestHash?: string;
  /**
   * How often to decide again when another writer appended in between (default 5). Raise it for streams many
   * nodes write at once (a training's registrations); conflicts back off with jitter between attempts.
   */
  maxAttempts?: number;
};

export type CommandResult<State, Event> = {
  streamId: string;
  state: State;
  events: Event[];
  /** The stream's revision after the command (the ETag); -1 when the stream still does not exist. */
  revision: number;
  position: string | null;
  replayed: boolean;
};

export const MAX_ATTEMPTS = 5;

/** Jittered back-off before deciding again, so two nodes do not collide again on the very next revision. */
export const backOff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * Math.min(attempt, 10)));

export async function loadAggregate<C, E extends { type: string }, S>(
  store: EventStore,
  aggregate: Aggregate<C, E, S>,
  id: string,
): Promise<{ state: S; revision: number }> {
  const streamId = streamIdOf(aggregate.category, id);
  // Start from the cached fold, if any, and read only what was appended since.
  const cached = cachedState(store, streamId);
  const recorded = await store.readStream(streamId, { fromRevision: cached ? cached.revision + 1 : 0 });
  let state = cached ? (cached.state as S) : aggregate.decider.initialState();
  for (const event of recorded) {
    state = aggregate.decider.evolve(state, aggregate.events.parse({ type: event.type, data: event.data }));
  }
  const revision =
    recorded.length > 0 ? recorded[recorded.length - 1]!.streamRevision : (cached?.revision ?? -1);
  if (revision >= 0) rememberState(store, streamId, revision, state);
  return { state, revision };
}

export function metadataFor(context: CommandContext): EventMetadata {
  const commandId = randomUUID();
  return {
    commandId,
    correlationId: context.correlationId ?? commandId,
    causationId: context.causationId ?? commandId,
    actorId: context.actorId,
    orgId: context.orgId,
    at: context.now,
  };
}
