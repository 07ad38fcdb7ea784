// The generic command handler: read the stream, fold it, decide, append with the expected revision.
import {
  AppError,
  ConcurrencyError,
  IdempotencyKeyReused,
  PreconditionFailed,
} from '../domain/shared/errors.js';
import { commandsTotal, eventAppendDuration, type CommandOutcome } from '../kernel/metrics.js';
import type { Aggregate } from './aggregates.js';
import { streamId as streamIdOf } from './eventStore/streams.js';
import { requestDiffers, type EventStore } from './eventStore/port.js';
import { cachedState, rememberState, serialized } from './streamCache.js';
import {
  backOff,
  loadAggregate,
  MAX_ATTEMPTS,
  metadataFor,
  type CommandContext,
  type CommandResult,
} from './commandContext.js';
import { decideInGroup, joinsGroup } from './groupCommit.js';

export { loadAggregate, metadataFor, type CommandContext, type CommandResult };

export async function handleCommand<C, E extends { type: string }, S>(
  store: EventStore,
  aggregate: Aggregate<C, E, S>,
  id: string,
  command: C,
  context: CommandContext,
): Promise<CommandResult<S, E>> {
  const streamId = streamIdOf(aggregate.category, id);
  try {
    let result: CommandResult<S, E> | undefined;
    if (context.idempotencyKey) {
      const previous = await store.idempotentResult(context.idempotencyKey);
      if (requestDiffers(previous, context.requestHash)) throw new IdempotencyKeyReused();
      if (previous)
        result = await replayedResult(
          store,
          aggregate,
          previous.streamId,
          previous.nextRevision,
          previous.position,
        );
    }
    // Commands that need no append of their own are decided in a group with the others waiting for the stream.
    result ??= joinsGroup(context)
      ? await decideInGroup(store, aggregate, id, command, context)
      : await serialized(store, streamId, () => decideAndAppend(store, aggregate, id, command, context));
    commandsTotal.inc({ aggregate: aggregate.category, outcome: 'accepted' });
    return result;
  } catch (error) {
    commandsTotal.inc({ aggregate: aggregate.category, outcome: outcomeOf(error) });
    throw error;
  }
}

/** For the metrics: another writer or a pinned revision got in the way, a rule refused, or something broke. */
function outcomeOf(error: unknown): CommandOutcome {
  if (error instanceof ConcurrencyError || error instanceof PreconditionFailed) return 'conflict';
  return error instanceof AppError ? 'refused' : 'failed';
}

async function decideAndAppend<C, E extends { type: string }, S>(
  store: EventStore,
  aggregate: Aggregate<C, E, S>,
  id: string,
  command: C,
  context: CommandContext,
): Promise<CommandResult<S, E>> {
  const streamId = streamIdOf(aggregate.category, id);
  let trustCache = true;
  for (let attempt = 1; ;) {
    // 1. Fold the stream. A fold this node cached serves as is, without a read: the append's expected revision
    //    catches one that another node made stale, and the next attempt reads. Anything but a decision to append
    //    (a refusal, nothing to do, an If-Match that differs) is taken on a fresh read only.
    const cached = trustCache ? cachedState(store, streamId) : undefined;
    trustCache = false;
    const { state, revision } = cached
      ? { state: cached.state as S, revision: cached.revision }
      : await loadAggregate(store, aggregate, id);
    // 2. Check who is asking, then the caller's precondition.
    if (context.authorize) {
      try {
        context.authorize(state);
      } catch (error) {
        if (cached) continue;
        throw error;
      }
    }
    if (context.ifMatch !== undefined && context.ifMatch !== revision) {
      if (cached) continue;
      throw new PreconditionFailed(`the resource is at revision ${revision}, not ${context.ifMatch}`, {
        revision,
      });
    }
    // 3. Decide.
    let events: E[];
    try {
      events = aggregate.decider.decide(command, state);
    } catch (error) {
      if (cached) continue;
      throw error;
    }
    if (events.length === 0 && cached) continue;
    if (events.length === 0) return { streamId, state, events, revision, position: null, replayed: false };
    // 4. Append, expecting the revision we decided on.
    const metadata = metadataFor(context);
    try {
      // Timed for the metrics: appends that succeed (a conflict is counted by the command's outcome).
      const appended = eventAppendDuration.startTimer({ aggregate: aggregate.category });
      const result = await store.appendToStream(
        streamId,
        events.map((event) => ({
          type: event.type,
          data: (event as { data?: unknown }).data ?? {},
          metadata,
        })),
        {
          expectedRevision: revision === -1 ? 'no_stream' : revision,
          idempotencyKey: context.idempotencyKey,
          requestHash: context.requestHash,
        },
      );
      appended();
      if (result.replayed)
        return replayedResult(store, aggregate, result.streamId, result.nextRevision, result.position);
      const next = events.reduce(aggregate.decider.evolve, state);
      rememberState(store, streamId, result.nextRevision, next);
      return {
        streamId,
        state: next,
        events,
        revision: result.nextRevision,
        position: result.position,
        replayed: false,
      };
    } catch (error) {
      // 5. Someone appended in between: decide again on the new state, unless the caller pinned a revision.
      if (!(error instanceof ConcurrencyError)) throw error;
      if (context.ifMatch !== undefined)
        throw new PreconditionFailed('the resource changed while the command ran');
      if (cached) continue; // the cached fold was stale: read, without counting it as a lost race
      if (attempt >= (context.maxAttempts ?? MAX_ATTEMPTS)) throw error;
      await backOff(attempt++);
    }
  }
}

async function replayedResult<C, E extends { type: string }, S>(
  store: EventStore,
  aggregate: Aggregate<C, E, S>,
  streamId: string,
  revision: number,
  position: string,
): Promise<CommandResult<S, E>> {
  const id = streamId.slice(aggregate.category.length + 1);
  const { state } = await loadAggregate(store, aggregate, id);
  return { streamId, state, events: [], revision, position, replayed: true };
}
