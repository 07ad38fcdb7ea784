// Consuming the event log: each consumer (a projector, a process manager) reads the log after its checkpoint a
// batch at a time and moves the checkpoint past what it applied. The runner loops over the consumers, wakes up
// when the store says something was appended (else polls), and lets callers wait until every consumer has
// reached a position. Two ways to consume a batch:
// - `transactionalConsume`: applied in the transaction that moves the checkpoint (read models: a consumer killed
//   mid-batch resumes with nothing lost or applied twice);
// - `consumeAtLeastOnce`: handled event by event, the checkpoint moved past those handled; an event whose
//   handler throws stays after the checkpoint and is handled again on the next attempt (process managers, whose
//   effects go to the event store and are made idempotent by their keys).
// A consumer that fails backs off (exponentially, with jitter, up to `maxBackOffMs`) before it tries again; an
// append elsewhere does not cut that short.
import type { Db, Trx } from '../../db/schema.js';
import type { EventStore, RecordedEvent } from '../eventStore/port.js';
import { comparePositions, lockCheckpoint, readCheckpoint, writeCheckpoint } from './checkpoints.js';
import { waitUntil } from './waitUntil.js';

/** What one batch did: where the checkpoint was, where it is now, how many events were read (0: nothing new). */
export type Consumed = { after: string | null; position: string | null; read: number; error?: unknown };

export type LogConsumer = {
  /** Its checkpoint's name (unique among all consumers), also the key of `positions()`. */
  checkpoint: string;
  /** The name given to `onError`. */
  name: string;
  consume(batchSize: number): Promise<Consumed>;
};

export type LogConsumerOptions = {
  batchSize?: number;
  pollMs?: number;
  /** The longest pause after repeated failures (default 30 s). */
  maxBackOffMs?: number;
  onError?: (name: string, error: unknown) => void;
};

export type LogConsumerRunner = {
  start(): void;
  stop(): Promise<void>;
  /** Resolves once every consumer has applied the log up to `position` (or the current head). */
  waitFor(position?: string | null, timeoutMs?: number): Promise<boolean>;
  /** Applies everything readable now, once, for each consumer. Used by scripts and tests. */
  catchUp(): Promise<void>;
  positions(): Record<string, string | null>;
};

/** How long a consumer may run ahead of its stored checkpoint over events it does not read before it stores it. */
export const STORE_SKIPPED_AFTER_MS = 5_000;

/**
 * A consumer whose batches are applied in the transaction that moves its checkpoint .
 * It keeps the checkpoint it stored in memory instead of reading it before every batch, and a batch holding none
 * of the events it reads (`reads`) is passed over without a transaction: it only moves the position in memory,
 * and the stored checkpoint follows with the next batch it applies, or within `STORE_SKIPPED_AFTER_MS`. Nothing
 * is lost by a crash in between: the events passed over are read again and passed over again. When another
 * node's consumer (or a rebuild's swap) moved the stored checkpoint, the lock tells, and this one carries on
 * from there.
 */
export function transactionalConsume(
  db: Db,
  store: EventStore,
  checkpoint: string,
  reads: (event: RecordedEvent) => boolean,
  apply: (trx: Trx, events: RecordedEvent[]) => Promise<void>,
): LogConsumer['consume'] {
  let stored: string | null | undefined; // undefined: not known on this node yet
  let seen: string | null = null; // at or past `stored`: the events between were none of ours
  let storedAt = 0;
  return async (batchSize) => {
    if (stored === undefined) {
      stored = seen = await readCheckpoint(db, checkpoint);
      storedAt = performance.now();
    }
    const after = seen;
    const events = await store.readAll({ after, limit: batchSize });
    if (events.length === 0) {
      if (seen === stored || performance.now() - storedAt < STORE_SKIPPED_AFTER_MS)
        return { after, read: 0, position: after };
    } else if (!events.some(reads) && performance.now() - storedAt < STORE_SKIPPED_AFTER_MS) {
      seen = events[events.length - 1]!.position;
      return { after, read: events.length, position: seen };
    }
    const last = events.length > 0 ? events[events.length - 1]!.position : seen;
    const expected = stored;
    const found = await db.transaction().execute(async (trx) => {
      const locked = await lockCheckpoint(trx, checkpoint);
      if (locked !== expected) return { locked };
      await apply(trx, events);
      await writeCheckpoint(trx, checkpoint, last);
      return null;
    });
    storedAt = performance.now();
    if (found) {
      // Moved elsewhere: carry on from where it is now.
      stored = seen = found.locked;
      return { after, read: 0, position: seen };
    }
    stored = seen = last;
    return { after, read: events.length, position: last };
  };
}

/**
 * Reads one batch after the checkpoint and hands each event to `handle` in order; then moves the checkpoint
 * past the events handled. When `handle` throws, the checkpoint stays before the failing event (the error is
 * returned with how far it got), so that event is handled again next time.
 */
export async function consumeAtLeastOnce(
  db: Db,
  store: EventStore,
  checkpoint: string,
  batchSize: number,
  handle: (event: RecordedEvent) => Promise<void>,
): Promise<Consumed> {
  const after = await readCheckpoint(db, checkpoint);
  const events = await store.readAll({ after, limit: batchSize });
  let position = after;
  let error: unknown;
  let failed = false;
  try {
    for (const event of events) {
      await handle(event);
      position = event.position;
    }
  } catch (e) {
    failed = true;
    error = e;
  }
  if (position !== after) await writeCheckpoint(db, checkpoint, position);
  return failed ? { after, position, read: events.length, error } : { after, position, read: events.length };
}

export function logConsumerRunner(
  store: EventStore,
  consumers: LogConsumer[],
  options: LogConsumerOptions = {},
): LogConsumerRunner {
  const batchSize = options.batchSize ?? 500;
  const pollMs = options.pollMs ?? 250;
  const reached = new Map<string, string | null>();
  const waiters = new Set<() => void>();
  const sleepers = new Set<() => void>();
  const wakeUp = () => {
    for (const sleeper of sleepers) sleeper();
    sleepers.clear();
  };
  let running = false;
  let loops: Promise<void>[] = [];
  let unsubscribe = () => {};

  async function step(consumer: LogConsumer): Promise<number> {
    const { after, position, read, ...failure } = await consumer.consume(batchSize);
    const before = reached.get(consumer.checkpoint);
    reached.set(consumer.checkpoint, position);
    // Moved by this batch, or by another node's runner since this one last looked: a write waiting on this
    // node for the read models may be answered now (else it would wait out its whole timeout).
    if (position !== after || position !== before) waiters.forEach((w) => w());
    if ('error' in failure) throw failure.error;
    return read;
  }

  const maxBackOffMs = options.maxBackOffMs ?? 30_000;
  const stopped = new Set<() => void>();

  /** After `failures` failures in a row: pollMs, 2 pollMs, 4 pollMs ... up to maxBackOffMs, jittered. */
  const backOff = (failures: number) =>
    new Promise<void>((resolve) => {
      const ms = Math.min(maxBackOffMs, pollMs * 2 ** Math.min(failures - 1, 20));
      const done = () => {
        clearTimeout(timer);
        stopped.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms / 2 + (Math.random() * ms) / 2);
      stopped.add(done);
    });

  async function loop(consumer: LogConsumer) {
    let failures = 0;
    while (running) {
      try {
        const read = await step(consumer);
        failures = 0;
        if (read > 0) continue;
      } catch (error) {
        failures++;
        options.onError?.(consumer.name, error);
        await backOff(failures);
        continue;
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
    for (const consumer of consumers) while ((await step(consumer)) > 0);
  }

  return {
    start() {
      if (running) return;
      running = true;
      unsubscribe = store.onAppended(wakeUp);
      loops = consumers.map(loop);
    },
    async stop() {
      running = false;
      unsubscribe();
      wakeUp();
      for (const done of [...stopped]) done();
      await Promise.all(loops);
    },
    catchUp,
    positions: () =>
      Object.fromEntries(consumers.map((c) => [c.checkpoint, reached.get(c.checkpoint) ?? null])),
    async waitFor(position, timeoutMs = 5000) {
      const target = position === undefined ? await store.headPosition() : position;
      if (target === null) return true;
      const done = () =>
        consumers.every((c) => comparePositions(reached.get(c.checkpoint) ?? null, target) >= 0);
      if (!running) await catchUp();
      return waitUntil(done, waiters, wakeUp, timeoutMs);
    },
  };
}
