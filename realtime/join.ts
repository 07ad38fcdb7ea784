// Joining and leaving a room: the access check, the reconnect grace period, and presence for attendance.
import { randomBytes } from 'node:crypto';
import { loadAggregate } from '../commands/handleCommand.js';
import { rooms } from '../commands/aggregates.js';
import { recordPresence } from '../commands/presence.js';
import { trainingRoomJoined } from './trainingPresence.js';
import { RECONNECT_GRACE_MS, type ClientMessage, type Peer } from './messages.js';
import { canEdit, chatView, currentLesson, namesOf, pollView } from '../commands/rooms.js';
import { requireOpen, roomMembership } from '../auth/roomAccess.js';
import { iceServersFor } from '../auth/turnCredentials.js';
import type { LocalPeer, LocalRoom } from './roomNode.js';
import type { Connection, Gateway } from './connection.js';

const CHAT_ON_JOIN = 100;

export async function joinRoom(
  gateway: Gateway,
  connection: Connection,
  message: Extract<ClientMessage, { type: 'join' }>,
) {
  const { deps, node } = gateway;
  const actor = connection.actor;
  const { info, roomRole } = await roomMembership(deps, actor, message.roomId);
  requireOpen(info, deps.clock.now());
  if (connection.room) await leaveRoom(gateway, connection, 'left');

  const { state } = await loadAggregate(deps.eventStore, rooms, info.roomId);
  const room = await node.enter(info, async () => state.permissions);
  room.media = gateway.sfu?.settleMode(room, info) ?? 'mesh';
  const viewer = { personId: actor.personId, roomRole };
  const sink = { send: connection.send };

  const checkedAt = deps.clock.now().getTime();
  let local = message.resume ? room.local.get(message.resume) : undefined;
  // A browser that reconnects to another node keeps its peer id; the old node lets go of it (roomNode.ts).
  const elsewhere = message.resume ? room.remote.get(message.resume) : undefined;
  const resumed =
    (!!local && local.viewer.personId === actor.personId) || elsewhere?.peer.personId === actor.personId;
  if (local && resumed) {
    if (local.graceTimer) clearTimeout(local.graceTimer);
    local.graceTimer = null;
    local.checkedAt = checkedAt;
    for (const other of gateway.connections)
      if (other !== connection && other.local === local) {
        // The same browser came back on a new socket before the old one was noticed as gone.
        other.room = null;
        other.local = null;
        other.socket.close(4000, 'resumed on another connection');
      }
    local.sink = sink;
    if (local.peer.video !== message.video) {
      local.peer = { ...local.peer, video: message.video };
      node.updatePeer(room, local.peer);
    }
  } else {
    const peer: Peer = {
      peerId: resumed ? message.resume! : randomBytes(9).toString('base64url'),
      personId: actor.personId,
      name: actor.name,
      roomRole,
      video: message.video,
      audio: true,
      // Back on this node after a reconnect: a raised hand stays up (realtime/gestures.ts).
      handRaisedAt: resumed ? (elsewhere?.peer.handRaisedAt ?? null) : null,
    };
    local = node.addPeer(room, peer, viewer, sink, checkedAt);
    await node.flush();
    if (!resumed) void presence(gateway, room, actor.personId, 'joined');
  }
  connection.room = room;
  connection.local = local;

  const chat = state.chat.filter((m) => !m.removed).slice(-CHAT_ON_JOIN);
  const names = await namesOf(
    deps.db,
    chat.map((m) => m.personId),
  );
  const lesson = currentLesson(state, info);
  connection.send({
    type: 'joined',
    ref: message.ref,
    roomId: info.roomId,
    peerId: local.peer.peerId,
    resumed,
    self: { ...local.peer, canEdit: canEdit(room, viewer) },
    peers: node.peersOf(room, local.peer.peerId),
    iceServers: iceServersFor(deps.config, actor.personId, deps.clock.now()).iceServers,
    meshVideoLimit: 4,
    chat: chatView(chat, names),
    polls: state.polls.map((p) => pollView(p, viewer, info.participantIds)),
    permissions: info.participantIds.map((personId) => ({
      personId,
      canEdit: room.permissions[personId] === true,
    })),
    lesson,
    docs: ['lesson', 'whiteboard', ...(lesson.current ? [`lesson:${lesson.current.lessonId}`] : [])],
    media: { mode: room.media },
  });
  node.checkMesh(room, local);
}

/** `left`: the person left (or joined another room). `dropped`: the socket closed; wait for a reconnect. */
export async function leaveRoom(gateway: Gateway, connection: Connection, how: 'left' | 'dropped') {
  const { room, local } = connection;
  connection.room = null;
  connection.local = null;
  if (!room || !local || local.sink?.send !== connection.send) return;
  if (how === 'left') {
    await recordLeave(gateway, room, local);
    gateway.node.removePeer(room, local.peer.peerId);
    return;
  }
  local.sink = null;
  local.graceTimer = setTimeout(() => {
    local.graceTimer = null;
    void recordLeave(gateway, room, local).finally(() => gateway.node.removePeer(room, local.peer.peerId));
  }, RECONNECT_GRACE_MS);
}

/** The person is recorded as having left unless they are still in the room (another tab, another node). */
export async function recordLeave(gateway: Gateway, room: LocalRoom, local: LocalPeer) {
  const personId = local.viewer.personId;
  const stillHere =
    [...room.local.values()].some((l) => l !== local && l.viewer.personId === personId) ||
    [...room.remote.values()].some((r) => r.peer.personId === personId);
  if (!stillHere) await presence(gateway, room, personId, 'left');
}

async function presence(gateway: Gateway, room: LocalRoom, personId: string, presence: 'joined' | 'left') {
  const { info } = room;
  if (info.kind === 'trainingEvent' && presence === 'joined')
    return trainingRoomJoined(gateway, room, personId);
  if (info.kind !== 'liveSession' || !info.liveSessionId) return;
  // Admins who drop in are not attendance.
  if (!info.hostIds.includes(personId) && !info.participantIds.includes(personId)) return;
  try {
    await recordPresence(gateway.deps, {
      orgId: info.orgId,
      liveSessionId: info.liveSessionId,
      personId,
      presence,
      at: gateway.deps.clock.now().toISOString(),
    });
  } catch (error) {
    gateway.log(`presence ${presence} of ${personId} in ${info.roomId} not recorded`, error);
  }
}
