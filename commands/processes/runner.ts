// Runs process managers: each reads the log after its checkpoint, handles events one by one and advances the
// checkpoint after them. A crash between a command and the checkpoint repeats the command, which its
// idempotency key turns into a no-op. A transient failure (a concurrency conflict after the handler's retries,
// the database down) stops the batch before the failing event, which keeps the checkpoint there: the event is
// handled again after a back-off, never skipped. Only a final refusal by the domain that a process did not turn
// into an event itself (billing records its refusals in the wallet) is reported and skipped, since it would be
// refused again forever.
import type { Db } from '../../db/schema.js';
import type { EventStore } from '../eventStore/port.js';
import { comparePositions } from '../logConsumer/checkpoints.js';
import {
  consumeAtLeastOnce,
  logConsumerRunner,
  type LogConsumer,
  type LogConsumerOptions,
  type LogConsumerRunner,
} from '../logConsumer/consumer.js';
import { handledBy } from '../logConsumer/domainEvents.js';
import { isTransient, type Process } from './process.js';

export type ProcessRunnerOptions = LogConsumerOptions & {
  /** An event a process skipped because the domain refused its command for good (default: `onError`). */
  onSkipped?: (name: string, error: Error) => void;
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

  const consumer = (process: Process): LogConsumer => {
    const handles = handledBy(process.handles);
    return {
      checkpoint: checkpointName(process),
      name: process.name,
      consume: (batchSize) =>
        consumeAtLeastOnce(db, store, checkpointName(process), batchSize, async (event) => {
          if (!handles(event)) return;
          try {
            const position = await process.handle(event);
            if (position && comparePositions(position, appended) > 0) appended = position;
          } catch (error) {
            if (isTransient(error)) throw error;
            const skipped = new Error(
              `skipped ${event.type} ${event.eventId} for good: ${(error as Error).message}`,
              { cause: error },
            );
            (options.onSkipped ?? options.onError)?.(process.name, skipped);
          }
        }),
    };
  };

  return { ...logConsumerRunner(store, processes.map(consumer), options), appendedUpTo: () => appended };
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
