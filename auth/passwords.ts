// argon2id hashing, with a bound on how many hashes run at once: each takes ~64 MiB and tens of milliseconds,
// so an unbounded burst of sign-ins could exhaust memory.
import argon2 from 'argon2';

const MAX_CONCURRENT = 4;
let running = 0;
const queue: (() => void)[] = [];

async function bounded<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => queue.push(resolve));
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
