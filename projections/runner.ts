// Runs projectors: each is a log consumer (commands/logConsumer) that applies a batch in one transaction that
// also moves its checkpoint, so a projector killed mid-batch resumes with nothing lost or applied twice.
import type { Db } from '../db/schema.js';
import type { EventStore, RecordedEvent } from '../commands/eventStore/port.js';
import {
  logConsumerRunner,
  transactionalConsume,
  type LogConsumer,
  type LogConsumerOptions,
  type LogConsumerRunner,
} from '../commands/logConsumer/consumer.js';
import { handledBy } from '../commands/logConsumer/domainEvents.js';
import type { Projection, ProjectionDb, ReplayMemory } from './projection.js';
import {
  PERSONAL_DATA_ERASED,
  type PersonalDataErasedData,
} from '../commands/eventStore/personalData/fields.js';

export type RunnerOptions = LogConsumerOptions;
export type ProjectionRunner = LogConsumerRunner;

/**
 * Feeds a projection the events it handles, in log order. A person's erasure (PersonalDataErased) is handled
 * here for every read model: the ones holding personal text scrub it at that point of the log. A replay passes
 * its memory (what the batch paths keep across its pages); the live projector has none.
 */
export async function applyEvents(
  db: ProjectionDb,
  projection: Projection,
  events: RecordedEvent[],
  memory?: ReplayMemory,
) {
  // The audit log (every event) records the erasures themselves and holds no personal text.
  if (projection.handlesAll) return applyHandled(db, projection, events, memory);
  let from = 0;
  for (let i = 0; i < events.length; i++) {
    if (events[i]!.type !== PERSONAL_DATA_ERASED) continue;
    await applyHandled(db, projection, events.slice(from, i), memory);
    await projection.erasePersonalData?.(db, (events[i]!.data as PersonalDataErasedData).personId);
    memory?.forget(); // the erasure rewrote rows the batch path may remember
    from = i + 1;
  }
  await applyHandled(db, projection, from === 0 ? events : events.slice(from), memory);
}

/** Feeds a projection the events it handles, narrowed to their domain types here and nowhere else. */
async function applyHandled(
  db: ProjectionDb,
  projection: Projection,
  events: RecordedEvent[],
  memory: ReplayMemory | undefined,
) {
  if (projection.handlesAll) {
    if (events.length === 0) return;
    if (projection.applyBatch) return projection.applyBatch(db, events, memory);
    for (const event of events) await projection.apply(db, event);
    return;
  }
  const relevant = events.filter(handledBy(projection.handles));
  if (relevant.length === 0) return;
  if (projection.applyBatch) return projection.applyBatch(db, relevant, memory);
  for (const event of relevant) await projection.apply(db, event);
}

/**
 * The event types a projection reads: what it handles, and erasures (handled above for every read model); none
 * (every event) for a projection of all events. A rebuild asks the store for these only.
 */
export function typesReadBy(projection: Projection): string[] | undefined {
  return projection.handlesAll ? undefined : [...projection.handles, PERSONAL_DATA_ERASED];
}

/** Whether a projection reads an event: those it handles, and erasures (every read model scrubs at them). */
export function readBy(projection: Projection): (event: RecordedEvent) => boolean {
  if (projection.handlesAll) return () => true;
  const handles = projection.handles as ReadonlySet<string>;
  return (event) => handles.has(event.type) || event.type === PERSONAL_DATA_ERASED;
}

export const projectionConsumer = (db: Db, store: EventStore, projection: Projection): LogConsumer => ({
  checkpoint: projection.name,
  name: projection.name,
  consume: transactionalConsume(db, store, projection.name, readBy(projection), (trx, events) =>
    applyEvents(trx, projection, events),
  ),
});

export function projectionRunner(
  db: Db,
  store: EventStore,
  projections: Projection[],
  options: RunnerOptions = {},
): ProjectionRunner {
  return logConsumerRunner(
    store,
    projections.map((projection) => projectionConsumer(db, store, projection)),
    options,
  );
}
