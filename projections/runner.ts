// Runs projectors: each reads the log after its checkpoint and applies a batch in one transaction that also
// moves the checkpoint, so a projector killed mid-batch resumes with nothing lost or applied twice.
import type { Db } from '../db/schema.js';
import type { EventStore, RecordedEvent } from '../commands/eventStore/port.js';
import type { Projection } from './projection.js';
import { comparePositions, lockCheckpoint, readCheckpoint, writeCheckpoint } from './checkpoints.js';
import { waitUntil } from './waitUntil.js';

export type RunnerOptions = {
  batchSize?: number;
  pollMs?: number;
  onError?: (name: string, error: unknown) => void;
};

export type ProjectionRunner = {
  start(): void;
  stop(): Promise<void>;
  /** Resolves once every projector has applied the log up to `position` (or the current head). */
  waitFor(position?: string | null, timeoutMs?: number): Promise<boolean>;
  /** Applies everything readable now, once, for each projector. Used by scripts and tests. */
  catchUp(): Promise<void>;
  positions(): Record<string, string | null>;
};

/** Applies one batch to one projection; returns how many events it read (0: nothing new). */
export async function projectBatch(db: Db, store: EventStore, projection: Projection, batchSize: number) {
  const after = await readCheckpoint(db, projection.name);
  const events = await store.readAll({ after, limit: batchSize });
  if (events.length === 0) return { read: 0, position: after };
  const last = events[events.length - 1]!.position;
  const applied = await db.transaction().execute(async (trx) => {
    // Another node's projector may have moved on since we read: then this batch is theirs, not ours.
    if ((await lockCheckpoint(trx, projection.name)) !== after) return false;
    await applyEvents(trx, projection, events);
    await writeCheckpoint(trx, projection.name, last);
    return true;
  });
  return { read: applied ? events.length : 0, position: applied ? last : after };
}

export async function applyEvents(
  db: Parameters<Projection['apply']>[0],
  projection: Projection,
  events: RecordedEvent[],
) {
  const relevant = projection.handlesAll
    ? events
    : events.filter((event) => projection.handles.has(event.type));
  if (relevant.length === 0) return;
  if (projection.applyBatch) return projection.applyBatch(db, relevant);
  for (const event of relevant) await projection.apply(db, event);
}

export function projectionRunner(
  db: Db,
  store: EventStore,
  projections: Projection[],
  options: RunnerOptions = {},
): ProjectionRunner {
  const batchSize = options.batchSize ?? 500;
  const pollMs = options.pollMs ?? 250;
  const reached = new Map<string, string | null>();
  const waiters = new Set<() => void>();
  let running = false;
  const sleepers = new Set<() => void>();
  const wakeUp = () => {
    for (const sleeper of sleepers) sleeper();
    sleepers.clear();
  };
  let loops: Promise<void>[] = [];
  const unsubscribe = store.onAppended(wakeUp);

  const notifyWaiters = () => waiters.forEach((w) => w());

  async function step(projection: Projection): Promise<number> {
    const { read, position } = await projectBatch(db, store, projection, batchSize);
    reached.set(projection.name, position);
    if (read > 0) notifyWaiters();
    return read;
  }

  async function loop(projection: Projection) {
    while (running) {
      try {
        if ((await step(projection)) > 0) continue;
      } catch (error) {
        options.onError?.(projection.name, error);
      }
      await new Promise<void>((resolve) => {
        const sleeper = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          sleepers.delete(sleeper);
          resolve();
        }, pollMs);
        sleepers.add(sleeper);
      });
    }
  }

  async function catchUp() {
    for (const projection of projections) while ((await step(projection)) > 0);
  }

  return {
    start() {
      if (running) return;
      running = true;
      loops = projections.map(loop);
    },
    async stop() {
      running = false;
      unsubscribe();
      wakeUp();
      await Promise.all(loops);
    },
    catchUp,
    positions: () => Object.fromEntries(projections.map((p) => [p.name, reached.get(p.name) ?? null])),
    async waitFor(position, timeoutMs = 5000) {
      const target = position === undefined ? await store.headPosition() : position;
      if (target === null) return true;
      const done = () => projections.every((p) => comparePositions(reached.get(p.name) ?? null, target) >= 0);
      if (!running) await catchUp();
      return waitUntil(done, waiters, wakeUp, timeoutMs);
    },
  };
}
