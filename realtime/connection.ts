// A gateway's state and one browser's connection to it, shared by the gateway and the message handlers.
import type { WebSocket } from 'ws';
import type { Actor } from '../auth/sessions.js';
import type { Db } from '../db/schema.js';
import type { EventStore } from '../commands/eventStore/port.js';
import type { Bus } from '../bus/port.js';
import type { Clock } from '../kernel/clock.js';
import type { Config } from '../kernel/config.js';
import type { ErrorCode, ServerMessage } from './messages.js';
import type { RateLimiter } from './rateLimit.js';
import type { UpdateBudget } from './budgets.js';
import { roomDocs } from './docs.js';
import { roomNode, type LocalPeer, type LocalRoom } from './roomNode.js';
import { createSfu } from './sfu/sfu.js';

/** What the gateway is built from (the composition root passes the app's dependencies). */
export type GatewayDeps = { config: Config; db: Db; eventStore: EventStore; bus: Bus; clock: Clock };

export type Gateway = ReturnType<typeof createGateway>;

export function createGateway(deps: GatewayDeps, log: (message: string, error?: unknown) => void) {
  const docs = roomDocs(deps.db, deps.config);
  // Group video through Janus when JANUS_URL is set (realtime/sfu); otherwise every room is a mesh.
  const sfu = deps.config.JANUS_URL
    ? createSfu({ ...deps, log, room: (roomId) => node.rooms.get(roomId) })
    : null;
  const node = roomNode(
    deps.bus,
    docs,
    log,
    sfu
      ? {
          peerGone: (room, peerId) => sfu.peerGone(room.roomId, peerId),
          roomClosed: (room) => sfu.roomClosed(room.info, room.remote.size === 0, deps.clock.now()),
        }
      : undefined,
  );
  const connections = new Set<Connection>();
  return { deps, docs, node, connections, log, sfu };
}

export type Connection = {
  actor: Actor;
  send(message: ServerMessage): void;
  socket: WebSocket;
  room: LocalRoom | null;
  local: LocalPeer | null;
  queue: Promise<void>;
  limiter: RateLimiter;
  /** The budget of stored document updates (realtime/budgets.ts). */
  updates: UpdateBudget;
  /** The session token of the upgrade, re-validated now and then: signing out ends the live connection too. */
  token: string;
  sessionCheckedAt: number;
};

export type JoinedConnection = Connection & { room: LocalRoom; local: LocalPeer; actor: Actor };

export function sendError(
  connection: { send(message: ServerMessage): void },
  code: ErrorCode,
  message: string,
  ref?: string,
  details?: Record<string, unknown>,
) {
  connection.send({ type: 'error', code, message, ref, ...(details ? { details } : {}) });
}
