// Per-connection message budgets: a browser that floods the room gets `rate_limited` errors instead of
// filling the event store (stored messages) or the bus (signals, document updates).
import type { ClientMessage } from './messages.js';

type Bucket = { tokens: number; at: number };

/** Messages that become stored events: a person types, so a few per second is plenty. */
const STORED = { perSecond: 5, burst: 20 };
/** Relayed traffic: WebRTC sends ICE candidates and Yjs sends keystrokes in bursts. */
const RELAYED = { perSecond: 200, burst: 400 };

const stored = new Set<ClientMessage['type']>([
  'chat.post',
  'chat.remove',
  'poll.open',
  'poll.answer',
  'poll.close',
  'permission.set',
  'lesson.switch',
  'lesson.return',
  'lesson.instant',
  // Raised hands and reactions are not stored, but a person makes them by hand: limited like chat.
  'hand.raise',
  'hand.lower',
  'reaction',
]);

export type RateLimiter = { allow(type: ClientMessage['type']): boolean };

export function rateLimiter(now: () => number = () => performance.now()): RateLimiter {
  const buckets = {
    stored: { tokens: STORED.burst, at: now() },
    relayed: { tokens: RELAYED.burst, at: now() },
  };
  const take = (bucket: Bucket, limit: { perSecond: number; burst: number }) => {
    const t = now();
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((t - bucket.at) / 1000) * limit.perSecond);
    bucket.at = t;
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  };
  return {
    allow(type) {
      return stored.has(type) ? take(buckets.stored, STORED) : take(buckets.relayed, RELAYED);
    },
  };
}
