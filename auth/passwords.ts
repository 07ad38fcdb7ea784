// argon2id hashing, with a bound on how many hashes run at once: each takes ~64 MiB and tens of milliseconds,
// so an unbounded burst of sign-ins could exhaust memory. The queue behind them is bounded too: when it is full,
// the request is refused at once (503 with Retry-After) instead of waiting, and piling up, without end.
import argon2 from 'argon2';
import { Unavailable } from '../domain/shared/errors.js';

export const MAX_CONCURRENT = 4;
/** Hashes that may wait for a free slot; one more is refused. */
export const MAX_QUEUED = 32;
let running = 0;
const queue: (() => void)[] = [];

/** How many hashes run and wait now (for tests and metrics). */
export const hashLoad = () => ({ running, queued: queue.length });

async function bounded<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) {
    if (queue.length >= MAX_QUEUED)
      throw new Unavailable('the server is busy checking passwords; try again in a few seconds', 2);
    await new Promise<void>((resolve) => queue.push(resolve));
  }
  running++;
  try {
    return await work();
  } finally {
    running--;
    queue.shift()?.();
  }
}

const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => bounded(() => argon2.hash(password, OPTIONS));

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  // Without a hash we still spend the time of a verification, so timing does not reveal who exists.
  if (!hash) {
    await bounded(() => argon2.hash(password, OPTIONS));
    return false;
  }
  return bounded(() => argon2.verify(hash, password).catch(() => false));
}
