// The gateway's side of the SFU: a joined peer's `sfu.*` messages go to Janus through realtime/sfu/sfu.ts, in a
// room that uses the SFU; Janus being away is `unavailable` (the browser retries), not an internal error.
//
// Each receiving connection (a feed) and each publisher (camera, screen) has a lane of its own: its messages keep
// their order, but wait neither for the connection's other messages nor for the other feeds' Janus round trips.
// A peer that joins a room of five sets up its five subscriptions side by side instead of one after the other.
import { sendError, type Gateway, type JoinedConnection } from '../connection.js';
import { reportError } from '../reportError.js';
import { JanusError } from './janusClient.js';
import type { SfuMessage } from './sfu.js';

/** The lane a message runs in, or null: it runs in the connection's own order (join, host controls). */
export function laneOf(message: SfuMessage): string | null {
  switch (message.type) {
    case 'sfu.subscribe':
    case 'sfu.start':
    case 'sfu.unsubscribe':
    case 'sfu.restart':
    case 'sfu.quality':
      return `feed:${message.feed}`;
    case 'sfu.trickle':
      return message.feed !== undefined ? `feed:${message.feed}` : `publisher:${message.kind ?? 'camera'}`;
    case 'sfu.publish':
    case 'sfu.unpublish':
      return `publisher:${message.kind}`;
    default:
      return null;
  }
}

/** The lanes of each joined peer (a new join starts with none). */
const lanesOf = new WeakMap<JoinedConnection['local'], Map<string, Promise<void>>>();

export async function handleSfuMessage(gateway: Gateway, connection: JoinedConnection, message: SfuMessage) {
  const { room } = connection;
  if (!gateway.sfu || room.media !== 'sfu')
    return sendError(connection, 'rule', 'this room sends media peer to peer', message.ref, {
      code: 'not_sfu',
    });
  const lane = laneOf(message);
  let lanes = lanesOf.get(connection.local);
  if (!lanes) lanesOf.set(connection.local, (lanes = new Map()));
  if (lane === null) {
    // Joining again (after a failure) starts over: what the lanes still carry lands first.
    if (message.type === 'sfu.join') await Promise.all(lanes.values());
    return toJanus(gateway, connection, message);
  }
  const next = (lanes.get(lane) ?? Promise.resolve())
    .then(() => toJanus(gateway, connection, message))
    .catch((error: unknown) => reportError(gateway, connection, error, message.ref));
  lanes.set(lane, next);
  void next.finally(() => {
    if (lanes.get(lane) === next) lanes.delete(lane);
  });
}

async function toJanus(gateway: Gateway, connection: JoinedConnection, message: SfuMessage) {
  const { room, local } = connection;
  try {
    await gateway.sfu!.handle(
      {
        roomId: room.roomId,
        peerId: local.peer.peerId,
        personId: local.viewer.personId,
        host: local.viewer.roomRole === 'host',
        send: (m) => local.sink?.send(m),
      },
      message,
    );
  } catch (error) {
    if (!(error instanceof JanusError)) throw error;
    gateway.log(`sfu ${message.type} in ${room.roomId}`, error);
    sendError(connection, 'unavailable', 'group video is unavailable for a moment; retrying', message.ref, {
      sfu: message.type,
    });
  }
}
