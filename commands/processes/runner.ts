// Runs process managers: each reads the log after its checkpoint, handles events one by one and advances the
// checkpoint after them. A crash between a command and the checkpoint repeats the command, which its
// idempotency key turns into a no-op. A command the domain refuses is logged and skipped (it would be refused
// again forever); anything else (the database is down) stops the batch and is retried.
import type { Db } from '../../db/schema.js';
import type { EventStore } from '../eventStore/port.js';
import { AppError } from '../../domain/shared/errors.js';
import { comparePositions, readCheckpoint, writeCheckpoint } from '../../projections/checkpoints.js';
import type { ProjectionRunner } from '../../projections/runner.js';
import type { Process } from './process.js';
import { waitUntil } from '../../projections/waitUntil.js';

export type ProcessRunnerOptions = {
  batchSize?: number;
  pollMs?: number;
  onError?: (name: string, error: unknown) => void;
};

const checkpointName = (process: Process) => `process:${process.name}`;

export type ProcessRunner = ProjectionRunner & {
  /** The position of the last event the processes appended (null: none yet). */
  appendedUpTo(): string | null;
};

export function processRunner(
  db: Db,
  store: EventStore,
  processes: Process[],
  options: ProcessRunnerOptions = {},
): ProcessRunner {
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
  let appended: string | null = null;

  async function step(process: Process): Promise<number> {
    const after = await readCheckpoint(db, checkpointName(process));
    const events = await store.readAll({ after, limit: batchSize });
    let position = after;
    try {
      for (const event of events) {
        if (process.handles.has(event.type)) {
          try {
            const position = await process.handle(event);
            if (position && comparePositions(position, appended) > 0) appended = position;
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            options.onError?.(process.name, error);
          }
        }
        position = event.position;
      }
    } finally {
      if (position !== after) await writeCheckpoint(db, checkpointName(process), position);
      reached.set(process.name, position);
      if (position !== after) waiters.forEach((w) => w());
    }
    return events.length;
  }

  async function loop(process: Process) {
    while (running) {
      try {
        if ((await step(process)) > 0) continue;
      } catch (error) {
        options.onError?.(process.name, error);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          sleepers.delete(sleeper);
          resolve();
        }, pollMs);
        const sleeper = () => {
          clearTimeout(timer);
          resolve();
        };
        sleepers.add(sleeper);
      });
    }
  }

  async function catchUp() {
    for (const process of processes) while ((await step(process)) > 0);
  }

  return {
    appendedUpTo: () => appended,
    start() {
      if (running) return;
      running = true;
      unsubscribe = store.onAppended(wakeUp);
      loops = processes.map(loop);
    },
    async stop() {
      running = false;
      unsubscribe();
      wakeUp();
      await Promise.all(loops);
    },
    catchUp,
    positions: () =>
      Object.fromEntries(processes.map((p) => [checkpointName(p), reached.get(p.name) ?? null])),
    async waitFor(position, timeoutMs = 5000) {
      const target = position === undefined ? await store.headPosition() : position;
      if (target === null) return true;
      const done = () => processes.every((p) => comparePositions(reached.get(p.name) ?? null, target) >= 0);
      if (!running) await catchUp();
      return waitUntil(done, waiters, wakeUp, timeoutMs);
    },
  };
}

/**
 * Projections and process managers as one runner: waiting for a position first lets the processes react to
 * it, then waits for the read models to include what they appended (read-your-writes across a process).
 */
export function withProcesses(projections: ProjectionRunner, processes: ProcessRunner): ProjectionRunner {
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
