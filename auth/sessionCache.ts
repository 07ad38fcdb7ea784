// Who a session cookie belongs to, cached for a few seconds per node so a request does not pay a database round
// trip for it. A cached entry is dropped at once when the person is revoked (signed out, deactivated, erased,
// password set or reset, role, name or time zone changed): on this node directly, on the others through the bus
// (`person.<id>.revoked`, bus/revocations.ts). Should a bus message be lost, no entry outlives `ttlMs`; a session
// past its expiry is never answered from the cache. Unknown tokens are not cached: each is looked up again.
import { createHash } from 'node:crypto';
import type { Bus } from '../bus/port.js';
import { PERSON_REVOKED } from '../bus/revocations.js';
import type { DbOrTrx } from '../db/schema.js';
import { actorWithExpiry, type Actor } from './sessions.js';

export type SessionCache = {
  actorFor(token: string, now: Date): Promise<Actor | null>;
  /** Drops every cached session of the person on this node. */
  forget(personId: string): void;
  close(): void;
};

type Entry = { actor: Actor; expiresAt: number; cachedUntil: number };

export function sessionCache(
  db: DbOrTrx,
  bus: Bus,
  { ttlMs = 5_000, max = 10_000 }: { ttlMs?: number; max?: number } = {},
): SessionCache {
  const entries = new Map<string, Entry>();
  // Bumped on every revocation: a lookup that started before one must not cache what it read.
  let generation = 0;
  const forget = (personId: string) => {
    generation++;
    for (const [key, entry] of entries) if (entry.actor.personId === personId) entries.delete(key);
  };
  const off = bus.subscribe(PERSON_REVOKED, ({ subject }) =>
    forget(subject.split('.').slice(1, -1).join('.')),
  );
  return {
    async actorFor(token, now) {
      const key = createHash('sha256').update(token).digest('hex');
      const cached = entries.get(key);
      const at = now.getTime();
      // Timer time for the cache's own lifetime (tests run on a fixed clock), the clock for the session's expiry.
      if (cached && cached.cachedUntil > performance.now()) {
        if (cached.expiresAt > at) return cached.actor;
        entries.delete(key);
        return null;
      }
      entries.delete(key);
      const seen = generation;
      const found = await actorWithExpiry(db, token, now);
      if (!found) return null;
      if (seen === generation) {
        if (entries.size >= max) entries.delete(entries.keys().next().value!);
        entries.set(key, { ...found, cachedUntil: performance.now() + ttlMs });
      }
      return found.actor;
    },
    forget,
    close: off,
  };
}
