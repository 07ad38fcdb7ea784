// Runs process managers: each reads the log after its checkpoint, handles events one by one and advances the
// checkpoint after them. A crash between a command and the checkpoint repeats the command, which its
// idempotency key turns into a no-op. A transient failure (a concurrency conflict after the handler's retries,
// the database down) stops the batch before the failing event, which keeps the checkpoint there: the event is
// handled again after a back-off, never skipped. Only a final refusal by the domain that a process did not turn
// into an event itself (billing records its refusals in the wallet) is reported and skipped, since it would be
// refused again forever.
// Every node runs the same runners, but a process consumes the log only on the node that holds its lease
// (leases.ts): one active runner per process across the cluster. The other nodes follow its checkpoint, so
// waiting for a position works on every node.
import type { Db } from '../../db/schema.js';
import type { EventStore, RecordedEvent } from '../eventStore/port.js';
import { comparePositions, readCheckpoint } from '../logConsumer/checkpoints.js';
import {
  logConsumerRunner,
  STORE_SKIPPED_AFTER_MS,
  type Consumed,
  type LogConsumer,
  type LogConsumerOptions,
  type LogConsumerRunner,
} from '../logConsumer/consumer.js';
import { handledBy } from '../logConsumer/domainEvents.js';
import { isTransient, type Process } from './process.js';
import { heldLease, LeaseLost, nodeHolder, writeCheckpointHeld } from './leases.js';

export type ProcessRunnerOptions = LogConsumerOptions & {
  /** An event a process skipped because the domain refused its command for good (default: `onError`). */
  onSkipped?: (name: string, error: Error) => void;
  /** This node's name as a lease holder (default: host, pid and a random part). */
  holder?: string;
  /** How long a lease lasts unless renewed (default 10 s): a dead node's processes move within that. */
  leaseMs?: number;
  /** How long the holder may stand ahead of its stored checkpoint over events it does not handle (default 5 s). */
  storeSkippedAfterMs?: number;
};

const checkpointName = (process: Process) => `process:${process.name}`;

export type ProcessRunner = LogConsumerRunner & {
  /** The position of the last event the processes appended (null: none yet). */
  appendedUpTo(): string | null;
};

export function processRunner(
  db: Db,
  store: EventStore,
  processes: Process[],
  options: ProcessRunnerOptions = {},
): ProcessRunner {
  let appended: string | null = null;
  const holder = options.holder ?? nodeHolder();
  const leaseMs = options.leaseMs ?? 10_000;
  const storeSkippedAfterMs = options.storeSkippedAfterMs ?? STORE_SKIPPED_AFTER_MS;
  const leases = processes.map((process) => heldLease(db, checkpointName(process), holder, leaseMs));

  const consumer = (process: Process, index: number): LogConsumer => {
    const handles = handledBy(process.handles);
    const lease = leases[index]!;
    const name = checkpointName(process);
    let seen: string | null = null;
    // While this node holds the lease: the checkpoint it stored, and when (undefined: read it first).
    let stored: string | null | undefined;
    let storedAt = 0;
    const handle = async (event: RecordedEvent) => {
      if (!handles(event)) return;
      if (!(await lease.hold())) throw new LeaseLost(process.name);
      try {
        const position = await process.handle(event);
        if (position && comparePositions(position, appended) > 0) appended = position;
      } catch (error) {
        if (isTransient(error)) throw error;
        const why = `skipped ${event.type} ${event.eventId} for good: ${(error as Error).message}`;
        const skipped = new Error(why, { cause: error });
        (options.onSkipped ?? options.onError)?.(process.name, skipped);
      }
    };
    return {
      checkpoint: name,
      name: process.name,
      async consume(batchSize) {
        if (!(await lease.hold())) {
          stored = undefined;
          return follow(batchSize);
        }
        return consumeHeld(batchSize);
      },
    };

    /**
     * Another node runs this process: this node follows it. Its stored checkpoint may stand behind events this
     * process does not handle (the holder stores it only with the next event it handles, or within
     * STORE_SKIPPED_AFTER_MS), so the position reached is the stored one, or past it up to the first event the
     * process handles that is after it.
     */
    async function follow(batchSize: number): Promise<Consumed> {
      const checkpoint = await readCheckpoint(db, name);
      const after = comparePositions(seen, checkpoint) > 0 ? seen : checkpoint;
      const events = await store.readAll({ after, limit: batchSize });
      const first = events.findIndex(handles);
      const position =
        first === -1
          ? (events[events.length - 1]?.position ?? after)
          : first === 0
            ? after
            : events[first - 1]!.position;
      const before = seen;
      seen = position;
      return { after: before, position, read: 0 };
    }

    /**
     * Handles a batch event by event (at least once: see consumeAtLeastOnce), then moves the checkpoint past
     * those handled, if this node still holds the lease. A lease lost mid-batch stops the batch quietly. A batch
     * with no event this process handles moves the position in memory only; the stored checkpoint follows with
     * the next event it handles, or within STORE_SKIPPED_AFTER_MS (a crash in between reads those events again
     * and passes them over again).
     */
    async function consumeHeld(batchSize: number): Promise<Consumed> {
      if (stored === undefined) {
        stored = seen = await readCheckpoint(db, name);
        storedAt = performance.now();
      }
      const after = seen;
      const events = await store.readAll({ after, limit: batchSize });
      const due = performance.now() - storedAt >= storeSkippedAfterMs;
      if (!events.some(handles) && !(due && (events.length > 0 || seen !== stored))) {
        if (events.length > 0) seen = events[events.length - 1]!.position;
        return { after, position: seen, read: events.length };
      }
      let position = after;
      let failure: { error: unknown } | null = null;
      try {
        for (const event of events) {
          await handle(event);
          position = event.position;
        }
      } catch (error) {
        failure = { error };
      }
      if (position !== stored) {
        storedAt = performance.now();
        if (await writeCheckpointHeld(db, name, holder, position)) stored = position;
        else {
          // The lease went to another node: read where it stands next time.
          stored = undefined;
          position = after;
        }
      }
      seen = position;
      if (!failure || failure.error instanceof LeaseLost) return { after, position, read: events.length };
      return { after, position, read: events.length, error: failure.error };
    }
  };

  const runner = logConsumerRunner(store, processes.map(consumer), options);
  return {
    ...runner,
    async stop() {
      await runner.stop();
      // Stopping cleanly hands the processes over at once instead of when the leases lapse.
      for (const lease of leases) await lease.release().catch(() => undefined);
    },
    appendedUpTo: () => appended,
  };
}

/**
 * Projections and process managers as one runner: waiting for a position first lets the processes react to
 * it, then waits for the read models to include what they appended (read-your-writes across a process).
 */
export function withProcesses(projections: LogConsumerRunner, processes: ProcessRunner): LogConsumerRunner {
  return {
    start() {
      processes.start();
      projections.start();
    },
    async stop() {
      await processes.stop();
      await projections.stop();
    },
    async catchUp() {
      await processes.catchUp();
      await projections.catchUp();
    },
    positions: () => ({ ...projections.positions(), ...processes.positions() }),
    async waitFor(position, timeoutMs = 5000) {
      if (position === null) return true;
      const started = Date.now();
      const reacted = await processes.waitFor(position, timeoutMs);
      const left = () => Math.max(1, timeoutMs - (Date.now() - started));
      let projected = await projections.waitFor(position, left());
      // What the processes appended in reaction lies beyond the position: wait for that too.
      const effects = processes.appendedUpTo();
      if (effects && (position === undefined || comparePositions(effects, position) > 0))
        projected = (await projections.waitFor(effects, left())) && projected;
      return projected && reacted;
    },
  };
}
