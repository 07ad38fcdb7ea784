// Raised hands and reactions in a room. A raised hand is room state held with the peer (`Peer.handRaisedAt`):
// everyone sees it in `joined` and `peer.updated`, a reconnect within the grace period keeps it, and it goes
// down when its person lowers it, the host lowers it, or the person leaves. A reaction is a moment: it goes to
// everyone in the room, on every node, and is not stored. Neither becomes an event.
import { ForbiddenError, NotFoundError } from '../domain/shared/errors.js';
import type { ClientMessage, Reaction, ServerMessage } from './messages.js';
import type { JoinedConnection, Gateway } from './connection.js';
import type { LocalPeer, LocalRoom } from './roomNode.js';

export type GestureMessage = Extract<ClientMessage, { type: 'hand.raise' | 'hand.lower' | 'reaction' }>;

/** What crosses the bus between nodes: a host lowering a hand held on another node, and reactions. */
export type GestureBusEvent =
  | { type: 'hand.lower'; peerId: string; by: string }
  | { type: 'reaction'; peerId: string; personId: string; name: string; emoji: Reaction; at: string };

export const isGestureMessage = (m: ClientMessage): m is GestureMessage =>
  m.type === 'hand.raise' || m.type === 'hand.lower' || m.type === 'reaction';

export const isGestureEvent = (e: { type: string }): e is GestureBusEvent =>
  e.type === 'hand.lower' || e.type === 'reaction';

/** What a node offers the gesture events it receives. */
export type GestureContext = {
  sendAll(room: LocalRoom, message: ServerMessage, exceptPeer?: string): void;
  updatePeer(room: LocalRoom, peer: LocalPeer['peer']): void;
};

export async function handleGesture(gateway: Gateway, connection: JoinedConnection, message: GestureMessage) {
  const { room, local } = connection;
  const { node, deps } = gateway;
  const now = deps.clock.now().toISOString();
  switch (message.type) {
    case 'hand.raise':
      if (local.peer.handRaisedAt) return;
      return setHand(node, room, local, now, null);
    case 'hand.lower': {
      const target = message.peerId ?? local.peer.peerId;
      if (target === local.peer.peerId) return setHand(node, room, local, null, null);
      if (local.viewer.roomRole !== 'host')
        throw new ForbiddenError('host_only', 'only the host lowers other hands');
      const here = room.local.get(target);
      if (here) return setHand(node, room, here, null, local.viewer.personId);
      if (!node.hasPeer(room, target)) throw new NotFoundError('peer', `peer ${target} is not in the room`);
      await node.publishEvent(room.roomId, { type: 'hand.lower', peerId: target, by: local.viewer.personId });
      return;
    }
    case 'reaction':
      await node.publishEvent(room.roomId, {
        type: 'reaction',
        peerId: local.peer.peerId,
        personId: local.peer.personId,
        name: local.peer.name,
        emoji: message.emoji,
        at: now,
      });
      return;
  }
}

/** A gesture event from the bus, on every node holding the room. */
export function onGestureEvent(room: LocalRoom, event: GestureBusEvent, context: GestureContext) {
  switch (event.type) {
    case 'reaction': {
      const { peerId, personId, name, emoji, at } = event;
      return context.sendAll(room, { type: 'reaction', peerId, personId, name, emoji, at });
    }
    case 'hand.lower': {
      const local = room.local.get(event.peerId);
      if (local) setHand(context, room, local, null, event.by);
      return;
    }
  }
}

function setHand(
  node: Pick<GestureContext, 'updatePeer'>,
  room: LocalRoom,
  local: LocalPeer,
  raisedAt: string | null,
  loweredBy: string | null,
) {
  if ((local.peer.handRaisedAt ?? null) === raisedAt) return;
  local.peer = { ...local.peer, handRaisedAt: raisedAt };
  node.updatePeer(room, local.peer);
  local.sink?.send({ type: 'hand.changed', raisedAt, loweredBy });
}
