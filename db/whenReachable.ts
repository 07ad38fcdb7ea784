// A node that starts while Postgres restarts (a failover, a reboot of the database host, the whole stack coming up
// at once) waits for it instead of exiting: the first step that needs the database is tried again with back-off
// until DATABASE_STARTUP_TIMEOUT_MS has passed. Only connection failures are retried; any other error is final.

/** Postgres SQLSTATEs and socket errors that say "not reachable now", not "wrong". */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, shutting down, in recovery
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

export function isUnreachable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; errors?: unknown[] } | null;
  if (!e || typeof e !== 'object') return false;
  if (typeof e.code === 'string' && UNREACHABLE_CODES.has(e.code)) return true;
  if (
    typeof e.message === 'string' &&
    /Connection terminated|not queryable|connection error/i.test(e.message)
  )
    return true;
  // Node reports a refused connection to every address of a name as one AggregateError.
  return Array.isArray(e.errors) && e.errors.length > 0 && e.errors.every(isUnreachable);
}

export async function whenReachable<T>(
  step: () => Promise<T>,
  options: { timeoutMs: number; onWait?: (error: unknown, attempt: number) => void },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (!isUnreachable(error) || Date.now() >= deadline) throw error;
      options.onWait?.(error, attempt);
      const delay = Math.min(2000, 100 * 2 ** Math.min(attempt, 5));
      await new Promise((r) => setTimeout(r, Math.min(delay, Math.max(0, deadline - Date.now()))));
    }
  }
}
