// The live-room gateway: the WebSocket endpoint `/rt`. It checks the session cookie and the Origin on the
// upgrade, the room's access rule on join, and validates and authorises every message (protocol:
// messages.ts). Room traffic between nodes goes over the bus (roomNode.ts); room facts become commands.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import websocket from '@fastify/websocket';
import { allowedOrigins } from '../kernel/config.js';
import { actorForToken, SESSION_COOKIE } from '../auth/sessions.js';
import type { LocalPeer, LocalRoom } from './roomNode.js';
import { parseClientFrame, type ClientMessage, type ServerMessage } from './messages.js';
import { isRoomOpen, refreshRoomInfo } from '../auth/roomAccess.js';
import { rateLimiter } from './rateLimit.js';
import { boundedSend, inboundFlow, updateBudget } from './budgets.js';
import { handleRoomMessage } from './roomHandlers.js';
import { reportError } from './reportError.js';
import { joinRoom, leaveRoom, recordLeave } from './join.js';
import { watchRevocations } from './revocation.js';
import {
  createGateway,
  sendError,
  type Connection,
  type Gateway,
  type GatewayDeps,
  type JoinedConnection,
} from './connection.js';
import { reportRooms, websocketMessages } from '../kernel/metrics.js';

export { createGateway, sendError, type Gateway, type GatewayDeps, type JoinedConnection };

/** Close codes that tell the browser why (it cannot read an HTTP status from a refused upgrade). */
export const CLOSE_UNAUTHENTICATED = 4401;
export const CLOSE_FORBIDDEN_ORIGIN = 4403;
/** How often a long-lived connection re-reads its session (so signing out reaches it). */
export const SESSION_RECHECK_MS = 30_000;
const ROOM_SWEEP_MS = 15_000;

export async function gatewayRoutes(app: FastifyInstance, deps: GatewayDeps) {
  const log = (message: string, error?: unknown) => app.log.warn({ err: error }, message);
  const gateway = createGateway(deps, log);
  // Sessions and memberships re-checked every SESSION_RECHECK_MS and at once on a revocation from the bus.
  const stopRevocations = watchRevocations(gateway, SESSION_RECHECK_MS);
  const stopReporting = reportRooms(() => {
    const rooms = [...gateway.node.rooms.values()];
    return { rooms: rooms.length, peers: rooms.reduce((sum, room) => sum + room.local.size, 0) };
  });
  const origins = allowedOrigins(deps.config);
  await app.register(websocket, { options: { maxPayload: 2 * 1024 * 1024 } });

  app.get('/rt', { websocket: true, schema: { hide: true } }, (socket, request) => {
    // What waits to go out is bounded: a browser that does not read is closed with a reason (4408).
    const sendText = boundedSend(socket, deps.config.ROOM_SEND_QUEUE_BYTES, (waiting) =>
      log(`closed a slow connection of ${request.actor?.personId}: ${waiting} bytes waiting`),
    );
    const send = (message: ServerMessage) => {
      if (sendText(JSON.stringify(message))) websocketMessages.inc({ direction: 'out' });
    };
    const refusal = refuse(request, origins);
    if (refusal) {
      send({ type: 'error', code: refusal.code, message: refusal.message });
      socket.close(refusal.close, refusal.message);
      return;
    }
    const connection: Connection = {
      actor: request.actor!,
      send,
      socket,
      room: null,
      local: null,
      queue: Promise.resolve(),
      limiter: rateLimiter(),
      updates: updateBudget(deps.config),
      token: request.cookies[SESSION_COOKIE]!,
      sessionCheckedAt: deps.clock.now().getTime(),
    };
    gateway.connections.add(connection);
    const inbound = inboundFlow(socket);
    socket.on('message', (raw, isBinary) => {
      websocketMessages.inc({ direction: 'in' });
      inbound.received();
      // One message at a time per connection, so a peer's signals leave in the order they came.
      connection.queue = connection.queue
        .then(() => onFrame(gateway, connection, raw, isBinary))
        .finally(() => inbound.handled());
    });
    socket.on('close', () => {
      gateway.connections.delete(connection);
      connection.queue = connection.queue.then(() => leaveRoom(gateway, connection, 'dropped'));
    });
  });

  // Rooms close when their session ends: the peers are told (room_closed, then left) and let go.
  const sweeper = setInterval(
    () => void sweepRooms(gateway).catch((e) => log('room sweep', e)),
    ROOM_SWEEP_MS,
  );
  sweeper.unref();
  app.decorate('liveRooms', { sweep: () => sweepRooms(gateway) });

  app.addHook('onClose', async () => {
    clearInterval(sweeper);
    stopRevocations();
    stopReporting();
    for (const connection of gateway.connections) {
      // Detached first, so the closing socket does not start a reconnect grace period on a stopping node.
      connection.room = null;
      connection.local = null;
      connection.socket.close(1001, 'server shutting down');
    }
    const leaving: Promise<void>[] = [];
    for (const room of [...gateway.node.rooms.values()])
      for (const local of [...room.local.values()]) leaving.push(endPeer(gateway, room, local));
    await Promise.allSettled(leaving);
    gateway.sfu?.close();
  });
}

function refuse(request: FastifyRequest, origins: Set<string>) {
  const origin = request.headers.origin;
  if (origin && !origins.has(origin) && !sameHost(origin, request.headers.host))
    return {
      code: 'forbidden' as const,
      close: CLOSE_FORBIDDEN_ORIGIN,
      message: `origin ${origin} may not open the room`,
    };
  if (!request.actor)
    return { code: 'unauthenticated' as const, close: CLOSE_UNAUTHENTICATED, message: 'sign in first' };
  return null;
}

function sameHost(origin: string, host: string | undefined) {
  try {
    return !!host && new URL(origin).host === host;
  } catch {
    return false;
  }
}

async function onFrame(gateway: Gateway, connection: Connection, raw: unknown, isBinary: boolean) {
  if (isBinary)
    return sendError(
      connection,
      'invalid_message',
      'binary frames are not part of the protocol; send JSON text',
    );
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.concat(raw as Buffer[]).toString('utf8');
  const parsed = parseClientFrame(text);
  if (!parsed.ok) return sendError(connection, parsed.code, parsed.message, parsed.ref);
  const message = parsed.message;
  if (!(await sessionStillValid(gateway, connection))) return;
  if (!connection.limiter.allow(message.type))
    return sendError(connection, 'rate_limited', 'too many messages; slow down', message.ref);
  try {
    await dispatch(gateway, connection, message);
  } catch (error) {
    reportError(gateway, connection, error, message.ref);
  }
}

async function dispatch(gateway: Gateway, connection: Connection, message: ClientMessage) {
  switch (message.type) {
    case 'ping':
      return connection.send({ type: 'pong', ref: message.ref });
    case 'join':
      return joinRoom(gateway, connection, message);
    case 'leave': {
      const roomId = connection.room?.roomId;
      await leaveRoom(gateway, connection, 'left');
      if (roomId) connection.send({ type: 'left', roomId, ref: message.ref });
      return;
    }
    default:
      if (!connection.room || !connection.local)
        return sendError(connection, 'not_joined', 'join a room first', message.ref);
      return handleRoomMessage(gateway, connection as JoinedConnection, message);
  }
}

/** Re-reads the session every SESSION_RECHECK_MS; an ended or expired one closes the connection (4401). */
async function sessionStillValid(gateway: Gateway, connection: Connection) {
  const now = gateway.deps.clock.now();
  if (now.getTime() - connection.sessionCheckedAt < SESSION_RECHECK_MS) return true;
  const actor = await actorForToken(gateway.deps.db, connection.token, now);
  if (actor && actor.personId === connection.actor.personId) {
    connection.actor = actor;
    connection.sessionCheckedAt = now.getTime();
    return true;
  }
  sendError(connection, 'unauthenticated', 'your session has ended; sign in again');
  await leaveRoom(gateway, connection, 'left');
  connection.socket.close(CLOSE_UNAUTHENTICATED, 'session ended');
  return false;
}

/** Closes the rooms on this node whose session has ended (or whose hours are over). */
export async function sweepRooms(gateway: Gateway) {
  const now = gateway.deps.clock.now();
  for (const room of [...gateway.node.rooms.values()]) {
    room.info = await refreshRoomInfo(gateway.deps, room.info);
    if (isRoomOpen(room.info, now)) continue;
    for (const connection of [...gateway.connections].filter((c) => c.room === room)) {
      sendError(connection, 'room_closed', 'the session has ended');
      await leaveRoom(gateway, connection, 'left');
      connection.send({ type: 'left', roomId: room.roomId });
    }
    for (const local of [...room.local.values()]) await endPeer(gateway, room, local);
  }
}

/** Ends a peer on shutdown: recorded as leaving (the browser will rejoin on another node). */
async function endPeer(gateway: Gateway, room: LocalRoom, local: LocalPeer) {
  await recordLeave(gateway, room, local);
  gateway.node.removePeer(room, local.peer.peerId);
}
