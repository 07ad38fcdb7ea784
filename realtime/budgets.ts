// What one connection may cost a room: a budget of stored document updates (messages and bytes, as token
// buckets), a bound on what waits to be sent to it (a browser that reads too slowly is closed with a reason
// instead of growing the node's memory), and back-pressure on what it sends faster than it is handled.
import type { WebSocket } from 'ws';
import type { Config } from '../kernel/config.js';

type Limit = { perSecond: number; burst: number };

function bucket(limit: Limit, now: () => number) {
  let tokens = limit.burst;
  let at = now();
  return {
    refill() {
      const t = now();
      tokens = Math.min(limit.burst, tokens + ((t - at) / 1000) * limit.perSecond);
      at = t;
    },
    has: (n: number) => tokens >= n,
    take: (n: number) => void (tokens -= n),
  };
}

export type UpdateBudget = {
  /** Takes one update of `bytes` from the budget; says which budget is spent when it does not fit. */
  take(bytes: number): 'messages' | 'bytes' | null;
};

export type BudgetConfig = Pick<
  Config,
  | 'ROOM_UPDATES_PER_SECOND'
  | 'ROOM_UPDATES_BURST'
  | 'ROOM_UPDATE_BYTES_PER_SECOND'
  | 'ROOM_UPDATE_BYTES_BURST'
>;

/** The per-connection budget of stored document updates. */
export function updateBudget(
  config: BudgetConfig,
  now: () => number = () => performance.now(),
): UpdateBudget {
  const messages = bucket(
    { perSecond: config.ROOM_UPDATES_PER_SECOND, burst: config.ROOM_UPDATES_BURST },
    now,
  );
  const bytes = bucket(
    { perSecond: config.ROOM_UPDATE_BYTES_PER_SECOND, burst: config.ROOM_UPDATE_BYTES_BURST },
    now,
  );
  return {
    take(size) {
      messages.refill();
      bytes.refill();
      if (!messages.has(1)) return 'messages';
      // An update larger than the whole burst could never pass: it is measured against the burst instead.
      const cost = Math.min(size, config.ROOM_UPDATE_BYTES_BURST);
      if (!bytes.has(cost)) return 'bytes';
      messages.take(1);
      bytes.take(cost);
      return null;
    },
  };
}

/** The close code of a connection that did not read what was sent to it (see contract/realtime.ts). */
export const CLOSE_SLOW_CONSUMER = 4408;

/**
 * Sends `text` unless more than `maxBytes` already wait to go out on the socket; then the connection is closed
 * with CLOSE_SLOW_CONSUMER (the close frame follows what is queued; ws ends the socket if it never gets there).
 */
export function boundedSend(socket: WebSocket, maxBytes: number, onOverflow: (waiting: number) => void) {
  return (text: string) => {
    if (socket.readyState !== socket.OPEN) return false;
    const waiting = socket.bufferedAmount;
    if (waiting + Buffer.byteLength(text) > maxBytes) {
      onOverflow(waiting);
      socket.close(
        CLOSE_SLOW_CONSUMER,
        `too slow: ${waiting} bytes were waiting to be sent (at most ${maxBytes}); reconnect`,
      );
      return false;
    }
    socket.send(text);
    return true;
  };
}

/** Frames received but not yet handled, above which the connection stops reading until it catches up. */
const INBOUND_PAUSE_FRAMES = 64;

/** Back-pressure on the frames a connection sends: reading pauses while too many wait to be handled. */
export function inboundFlow(socket: WebSocket) {
  let pending = 0;
  let paused = false;
  return {
    received() {
      if (++pending >= INBOUND_PAUSE_FRAMES && !paused) {
        paused = true;
        socket.pause();
      }
    },
    handled() {
      if (--pending < INBOUND_PAUSE_FRAMES / 2 && paused) {
        paused = false;
        socket.resume();
      }
    },
  };
}
