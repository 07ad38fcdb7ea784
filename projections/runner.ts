// Runs projectors: each is a log consumer (commands/logConsumer) that applies a batch in one transaction that
// also moves its checkpoint, so a projector killed mid-batch resumes with nothing lost or applied twice.
import type { Db } from '../db/schema.js';
import type { EventStore, RecordedEvent } from '../commands/eventStore/port.js';
import {
  consumeInTransaction,
  logConsumerRunner,
  type LogConsumer,
  type LogConsumerOptions,
  type LogConsumerRunner,
} from '../commands/logConsumer/consumer.js';
import { handledBy } from '../commands/logConsumer/domainEvents.js';
import type { Projection, ProjectionDb } from './projection.js';

export type RunnerOptions = LogConsumerOptions;
export type ProjectionRunner = LogConsumerRunner;

/** Feeds a projection the events it handles, narrowed to their domain types here and nowhere else. */
export async function applyEvents(db: ProjectionDb, projection: Projection, events: RecordedEvent[]) {
  if (projection.handlesAll) {
    if (events.length === 0) return;
    if (projection.applyBatch) return projection.applyBatch(db, events);
    for (const event of events) await projection.apply(db, event);
    return;
  }
  const relevant = events.filter(handledBy(projection.handles));
  if (relevant.length === 0) return;
  if (projection.applyBatch) return projection.applyBatch(db, relevant);
  for (const event of relevant) await projection.apply(db, event);
}

export const projectionConsumer = (db: Db, store: EventStore, projection: Projection): LogConsumer => ({
  checkpoint: projection.name,
  name: projection.name,
  consume: (batchSize) =>
    consumeInTransaction(db, store, projection.name, batchSize, (trx, events) =>
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
