// The rooms one server node holds: its own peers, the peers other nodes announce, and the bus subscriptions
// that carry a room's presence, signalling and events between nodes. A node subscribes to a room while it
// has at least one peer in it.
import { randomUUID } from 'node:crypto';
import type { Bus } from '../bus/port.js';
import { MESH_VIDEO_LIMIT, type Peer, type ServerMessage } from './messages.js';
import { decodeJson, encodeJson, roomSubject, type RoomBusEvent, type Viewer } from '../commands/rooms.js';
import type { RoomInfo } from '../auth/roomAccess.js';
import type { RoomDocs } from './docs.js';
import { removals, type AwarenessSeen } from './awareness.js';
import { relayRoomEvent } from './roomEvents.js';
import { isGestureEvent, onGestureEvent, type GestureBusEvent } from './gestures.js';

/** Where a node sends a peer's messages; null while the browser is away (reconnect grace). */
export type PeerSink = { send(message: ServerMessage): void } | null;

export type LocalPeer = {
  peer: Peer;
  viewer: Viewer;
  sink: PeerSink;
  /** When the room's access rule was last checked for this peer (ms since the epoch). */
  checkedAt: number;
  /** The Yjs awareness clients this peer announced, removed for everyone when it leaves. */
  awareness: AwarenessSeen;
  graceTimer: NodeJS.Timeout | null;
  unsubscribeSignals: () => void;
};

export type LocalRoom = {
  roomId: string;
  info: RoomInfo;
  permissions: Record<string, boolean>;
  local: Map<string, LocalPeer>;
  remote: Map<string, { peer: Peer; node: string }>;
  videoNoticeAt: number;
  unsubscribe: (() => void)[];
  /** How media travels in this room (realtime/sfu): a mesh unless the session uses the SFU. */
  media?: 'mesh' | 'sfu';
};

/** Told when a peer leaves this node and when this node lets go of a room (the SFU lets go of its handles). */
export type RoomNodeHooks = {
  peerGone(room: LocalRoom, peerId: string): void;
  roomClosed(room: LocalRoom): void;
};

type Presence =
  | { op: 'joined' | 'updated'; node: string; peer: Peer }
  | { op: 'left'; node: string; peerId: string }
  | { op: 'who'; node: string }
  | { op: 'here'; node: string; peers: Peer[] };

export type SignalEnvelope = { from: string; data: unknown };

/** How long a new node listens for the peers other nodes already hold in a room. */
const DISCOVERY_MS = 150;

export function roomNode(
  bus: Bus,
  docs: RoomDocs,
  log: (message: string, error?: unknown) => void,
  hooks?: RoomNodeHooks,
) {
  const node = randomUUID();
  const rooms = new Map<string, LocalRoom>();
  const opening = new Map<string, Promise<LocalRoom>>();

  const sendAll = (room: LocalRoom, message: ServerMessage, exceptPeer?: string) => {
    for (const [peerId, local] of room.local) if (peerId !== exceptPeer) local.sink?.send(message);
  };

  function onPresence(room: LocalRoom, presence: Presence) {
    // Our own joins and leaves come back to us too (they tell our other local peers); our own
    // discovery questions and answers do not concern us.
    if (presence.node === node && (presence.op === 'who' || presence.op === 'here')) return;
    switch (presence.op) {
      case 'who':
        if (room.local.size > 0)
          void bus.publish(
            roomSubject.presence(room.roomId),
            encodeJson({ op: 'here', node, peers: [...room.local.values()].map((l) => l.peer) }),
          );
        return;
      case 'here':
        for (const peer of presence.peers) room.remote.set(peer.peerId, { peer, node: presence.node });
        return;
      case 'joined':
      case 'updated': {
        if (presence.node !== node) {
          room.remote.set(presence.peer.peerId, { peer: presence.peer, node: presence.node });
          // The browser came back on another node within the grace period: that node owns the peer now.
          const away = room.local.get(presence.peer.peerId);
          if (away && !away.sink) forget(room, away);
        }
        const type = presence.op === 'joined' ? 'peer.joined' : 'peer.updated';
        sendAll(room, { type, peer: presence.peer }, presence.peer.peerId);
        checkMesh(room);
        return;
      }
      case 'left':
        if (presence.node !== node) room.remote.delete(presence.peerId);
        sendAll(room, { type: 'peer.left', peerId: presence.peerId }, presence.peerId);
        if (videoPeers(room) <= MESH_VIDEO_LIMIT) room.videoNoticeAt = 0;
        return;
    }
  }

  const allPeers = (room: LocalRoom) => [
    ...[...room.local.values()].map((l) => l.peer),
    ...[...room.remote.values()].map((r) => r.peer),
  ];
  const videoPeers = (room: LocalRoom) => allPeers(room).filter((p) => p.video).length;

  /** Tells the room once each time the number of video peers grows past what a mesh carries. */
  function checkMesh(room: LocalRoom, only?: LocalPeer) {
    // Through the SFU a room carries every camera; the mesh notice is not for it.
    if (room.media === 'sfu') return;
    const count = videoPeers(room);
    if (count <= MESH_VIDEO_LIMIT || (!only && count <= room.videoNoticeAt)) return;
    const notice: ServerMessage = {
      type: 'mesh.tooLarge',
      videoPeers: count,
      limit: MESH_VIDEO_LIMIT,
      message: `${count} people are sending video; a peer-to-peer call works best with up to ${MESH_VIDEO_LIMIT}. Turn off video if the call stutters.`,
    };
    if (only) return only.sink?.send(notice);
    room.videoNoticeAt = count;
    sendAll(room, notice);
  }

  /** Drops a peer from this node without telling anyone (it lives on elsewhere). */
  function forget(room: LocalRoom, local: LocalPeer) {
    if (local.graceTimer) clearTimeout(local.graceTimer);
    local.graceTimer = null;
    local.unsubscribeSignals();
    room.local.delete(local.peer.peerId);
    hooks?.peerGone(room, local.peer.peerId);
    if (room.local.size === 0) close(room);
  }

  function updatePeer(room: LocalRoom, peer: Peer) {
    void bus.publish(roomSubject.presence(room.roomId), encodeJson({ op: 'updated', node, peer }));
  }

  function close(room: LocalRoom) {
    for (const unsubscribe of room.unsubscribe) unsubscribe();
    rooms.delete(room.roomId);
    docs.release(room.roomId);
    hooks?.roomClosed(room);
  }

  async function open(
    info: RoomInfo,
    permissions: () => Promise<Record<string, boolean>>,
  ): Promise<LocalRoom> {
    const room: LocalRoom = {
      roomId: info.roomId,
      info,
      permissions: {},
      local: new Map(),
      remote: new Map(),
      videoNoticeAt: 0,
      unsubscribe: [],
    };
    // Subscribe first, then read the stored state: nothing that happens in between is missed.
    room.unsubscribe.push(
      bus.subscribe(roomSubject.presence(info.roomId), (m) => onPresence(room, decodeJson<Presence>(m.data))),
      bus.subscribe(roomSubject.evtAll(info.roomId), (m) => {
        const event = decodeJson<RoomBusEvent | GestureBusEvent>(m.data);
        // Raised hands and reactions (realtime/gestures.ts) are not stored room events.
        if (isGestureEvent(event)) return onGestureEvent(room, event, { sendAll, updatePeer });
        relayRoomEvent(room, event, docs, sendAll).catch((e) => log(`room ${info.roomId} event`, e));
      }),
    );
    room.permissions = { ...(await permissions()), ...room.permissions };
    await bus.publish(roomSubject.presence(info.roomId), encodeJson({ op: 'who', node }));
    if (bus.kind !== 'local') await new Promise((resolve) => setTimeout(resolve, DISCOVERY_MS));
    rooms.set(info.roomId, room);
    return room;
  }

  return {
    node,
    rooms,

    /** The room on this node, opened (subscribed, peers discovered) on first use. */
    async enter(info: RoomInfo, permissions: () => Promise<Record<string, boolean>>): Promise<LocalRoom> {
      const existing = rooms.get(info.roomId);
      if (existing) {
        existing.info = info;
        return existing;
      }
      let pending = opening.get(info.roomId);
      if (!pending) {
        pending = open(info, permissions).finally(() => opening.delete(info.roomId));
        opening.set(info.roomId, pending);
      }
      return pending;
    },

    addPeer(room: LocalRoom, peer: Peer, viewer: Viewer, sink: PeerSink, checkedAt: number): LocalPeer {
      room.remote.delete(peer.peerId);
      const local: LocalPeer = {
        peer,
        viewer,
        sink,
        checkedAt,
        awareness: new Map(),
        graceTimer: null,
        unsubscribeSignals: bus.subscribe(roomSubject.sig(room.roomId, peer.peerId), (m) => {
          const envelope = decodeJson<SignalEnvelope>(m.data);
          local.sink?.send({ type: 'signal', from: envelope.from, data: envelope.data });
        }),
      };
      room.local.set(peer.peerId, local);
      void bus.publish(roomSubject.presence(room.roomId), encodeJson({ op: 'joined', node, peer }));
      return local;
    },

    /** Waits until the bus server has this node's subscriptions, so a peer told it joined misses no signal. */
    flush: () => bus.flush(),

    updatePeer,

    /** Removes the peer; closes the room on this node when it was the last one here. */
    removePeer(room: LocalRoom, peerId: string) {
      const local = room.local.get(peerId);
      if (!local) return;
      if (local.graceTimer) clearTimeout(local.graceTimer);
      local.unsubscribeSignals();
      room.local.delete(peerId);
      hooks?.peerGone(room, peerId);
      for (const { doc, data } of removals(local.awareness)) {
        const event: RoomBusEvent = { type: 'yjs.awareness', doc, data, fromPeer: peerId };
        void bus.publish(roomSubject.evt(room.roomId, event.type), encodeJson(event));
      }
      void bus.publish(roomSubject.presence(room.roomId), encodeJson({ op: 'left', node, peerId }));
      // The "left" above still goes out: unsubscribing does not cancel a publish already made.
      if (room.local.size === 0) close(room);
    },

    /** Tells a newly joined peer when the room already has more video than a mesh carries. */
    checkMesh(room: LocalRoom, local: LocalPeer) {
      checkMesh(room, local);
    },

    peersOf(room: LocalRoom, exceptPeer: string): Peer[] {
      return allPeers(room).filter((p) => p.peerId !== exceptPeer);
    },

    hasPeer(room: LocalRoom, peerId: string) {
      return room.local.has(peerId) || room.remote.has(peerId);
    },

    signal(roomId: string, to: string, envelope: SignalEnvelope) {
      return bus.publish(roomSubject.sig(roomId, to), encodeJson(envelope));
    },

    publishEvent(roomId: string, event: RoomBusEvent | GestureBusEvent) {
      return bus.publish(roomSubject.evt(roomId, event.type), encodeJson(event));
    },
  };
}

export type RoomNode = ReturnType<typeof roomNode>;
