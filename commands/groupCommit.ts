// Group commit per stream. Commands for one stream run one after another on this node (streamCache.serialized);
// when several wait, each paying an append's round trip in turn makes a busy stream's queue grow. Instead the
// commands that arrived while the stream was busy are decided together, each on the state the ones before it
// left, and their events appended in one append at the revision they were decided on. Each command gets its own
// result (its events, the state after them, its revision); a command refused is refused alone, as it would have
// been in turn. Only commands without an idempotency key or If-Match join a group: those need an append of their
// own (the key is claimed by the append) or a revision of their own.
import { ConcurrencyError } from '../domain/shared/errors.js';
import { eventAppendDuration } from '../kernel/metrics.js';
import type { Aggregate } from './aggregates.js';
import { streamId as streamIdOf } from './eventStore/streams.js';
import type { EventStore, NewEvent } from './eventStore/port.js';
import { cachedState, rememberState, serialized } from './streamCache.js';
import {
  backOff,
  loadAggregate,
  MAX_ATTEMPTS,
  metadataFor,
  type CommandContext,
  type CommandResult,
} from './commandContext.js';

/** The most commands one append carries. */
const MAX_GROUP = 100;

type Waiting = {
  command: unknown;
  context: CommandContext;
  resolve(result: CommandResult<unknown, unknown>): void;
  reject(error: unknown): void;
};

/** Per store and stream: the group that has not started yet (later commands join it). */
const forming = new WeakMap<EventStore, Map<string, Waiting[]>>();

/** True when the command may be decided in a group with others of its stream. */
export const joinsGroup = (context: CommandContext) =>
  !context.idempotencyKey && context.ifMatch === undefined;

export function decideInGroup<C, E extends { type: string }, S>(
  store: EventStore,
  aggregate: Aggregate<C, E, S>,
  id: string,
  command: C,
  context: CommandContext,
): Promise<CommandResult<S, E>> {
  const streamId = streamIdOf(aggregate.category, id);
  let groups = forming.get(store);
  if (!groups) forming.set(store, (groups = new Map()));
  return new Promise((resolve, reject) => {
    const waiting: Waiting = {
      command,
      context,
      resolve: resolve as Waiting['resolve'],
      reject,
    };
    const group = groups.get(streamId);
    if (group && group.length < MAX_GROUP) {
      group.push(waiting);
      return;
    }
    const fresh = [waiting];
    groups.set(streamId, fresh);
    void serialized(store, streamId, async () => {
      // From here on, later commands form the next group, behind this one.
      if (groups.get(streamId) === fresh) groups.delete(streamId);
      await decideGroup(store, aggregate, id, fresh).catch((error) => {
        for (const w of fresh) w.reject(error);
      });
    });
  });
}

type Decided<E, S> = { waiting: Waiting; events: E[]; state: S };

async function decideGroup<C, E extends { type: string }, S>(
  store: EventStore,
  aggregate: Aggregate<C, E, S>,
  id: string,
  group: Waiting[],
) {
  const streamId = streamIdOf(aggregate.category, id);
  const maxAttempts = Math.max(...group.map((w) => w.context.maxAttempts ?? MAX_ATTEMPTS));
  let trustCache = true;
  for (let attempt = 1; ;) {
    // As handleCommand: a fold this node cached serves only a group that decides to append, every command
    // accepted; a refusal or a no-op is judged on a fresh read.
    const cached = trustCache ? cachedState(store, streamId) : undefined;
    trustCache = false;
    const { state: start, revision } = cached
      ? { state: cached.state as S, revision: cached.revision }
      : await loadAggregate(store, aggregate, id);
    let state = start;
    const decided: Decided<E, S>[] = [];
    const refused = new Map<Waiting, unknown>();
    let readAgain = false;
    for (const waiting of group) {
      try {
        waiting.context.authorize?.(state);
        const events = aggregate.decider.decide(waiting.command as C, state);
        if (events.length === 0 && cached) {
          readAgain = true;
          break;
        }
        state = events.reduce(aggregate.decider.evolve, state);
        decided.push({ waiting, events, state });
      } catch (error) {
        if (cached) {
          readAgain = true;
          break;
        }
        refused.set(waiting, error);
      }
    }
    if (readAgain) continue;
    const events: NewEvent[] = decided.flatMap((d) =>
      d.events.map((event) => ({
        type: event.type,
        data: (event as { data?: unknown }).data ?? {},
        metadata: metadataFor(d.waiting.context),
      })),
    );
    let position: string | null = null;
    if (events.length > 0) {
      try {
        const appended = eventAppendDuration.startTimer({ aggregate: aggregate.category });
        const result = await store.appendToStream(streamId, events, {
          expectedRevision: revision === -1 ? 'no_stream' : revision,
        });
        appended();
        position = result.position;
        rememberState(store, streamId, result.nextRevision, state);
      } catch (error) {
        // Someone appended in between: decide the whole group again on the new state.
        if (!(error instanceof ConcurrencyError)) throw error;
        if (cached) continue;
        if (attempt >= maxAttempts) throw error;
        await backOff(attempt++);
        continue;
      }
    }
    let at = revision;
    for (const d of decided) {
      at += d.events.length;
      d.waiting.resolve({
        streamId,
        state: d.state,
        events: d.events,
        revision: at,
        position: d.events.length > 0 ? position : null,
        replayed: false,
      });
    }
    for (const [waiting, error] of refused) waiting.reject(error);
    return;
  }
}
