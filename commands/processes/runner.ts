// Runs process managers: each reads the log after its checkpoint, handles events one by one and advances the
// checkpoint after them. A crash between a command and the checkpoint repeats the command, which its
// idempotency key turns into a no-op. A command the domain refuses is logged and skipped (it would be refused
// again forever); anything else (the database is down) stops the batch and is retried.
import type { Db } from '../../db/schema.js';
import type { EventStore } from '../eventStore/port.js';
import { AppError } from '../../domain/shared/errors.js';
import { comparePositions } from '../logConsumer/checkpoints.js';
import {
  consumeAtLeastOnce,
  logConsumerRunner,
  type LogConsumer,
  type LogConsumerOptions,
  type LogConsumerRunner,
} from '../logConsumer/consumer.js';
import { handledBy } from '../logConsumer/domainEvents.js';
import type { Process } from './process.js';

export type ProcessRunnerOptions = LogConsumerOptions;

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
            if (!(error instanceof AppError)) throw error;
            options.onError?.(process.name, error);
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
