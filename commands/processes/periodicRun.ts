// A job run every `intervalMs` once per cluster: every node keeps the timer, and every `checkMs` (at most a minute)
// tries to claim the period with a lease taken for the interval; the node that claims it runs the job. One run at
// a time per node; the returned function stops the timer and waits for a run in progress.
import type { Db } from '../../db/schema.js';
import { nodeHolder, takeLease } from './leases.js';

export type PeriodicOptions<R> = {
  intervalMs?: number;
  checkMs?: number;
  holder?: string;
  onError?: (error: unknown) => void;
  /** Told after each run this node made (tests count them). */
  onRun?: (result: R) => void;
};

export function startPeriodicRun<R>(
  db: Db,
  lease: string,
  job: () => Promise<R>,
  options: PeriodicOptions<R> = {},
): () => Promise<void> {
  const intervalMs = options.intervalMs ?? 60 * 60_000;
  const holder = options.holder ?? nodeHolder();
  let current: Promise<void> | null = null;
  const run = async () => {
    try {
      if (!(await takeLease(db, lease, holder, intervalMs, { renew: false }))) return;
      options.onRun?.(await job());
    } catch (error) {
      options.onError?.(error);
    } finally {
      current = null;
    }
  };
  const timer = setInterval(
    () => {
      current ??= run();
    },
    options.checkMs ?? Math.min(intervalMs, 60_000),
  );
  timer.unref();
  return async () => {
    clearInterval(timer);
    await current;
  };
}
