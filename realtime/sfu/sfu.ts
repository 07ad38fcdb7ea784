// Group video through Janus' VideoRoom, controlled by us: a session's Janus room is made on the first `sfu.join`
// (janusRooms.ts), the browser's offers, answers and candidates go through the gateway (the browser never talks
// to Janus), only joined members get a handle (sfuPeers.ts), the host decides who may send video and may ask
// everyone to mute, and the room is destroyed when the session ends. Each server node keeps the Janus handles of
// its own peers; the feeds of every node's peers are listed by Janus itself (all nodes share one Janus); the
// mode and the host's decisions travel on the bus (roomControl.ts).
import type { Bus } from '../../bus/port.js';
import type { Config } from '../../kernel/config.js';
import { isRoomOpen, type RoomInfo } from '../../auth/roomAccess.js';
import { ForbiddenError } from '../../domain/shared/errors.js';
import type { ClientMessage } from '../messages.js';
import type { LocalRoom } from '../roomNode.js';
import { JanusClient } from './janusClient.js';
import { janusRooms } from './janusRooms.js';
import { roomControl } from './roomControl.js';
import { sfuPeers, type SfuPeerRef } from './sfuPeers.js';

export { mediaMode, type MediaMode } from './roomControl.js';
export { janusRoomOf } from './janusRooms.js';
export type { SfuPeerRef } from './sfuPeers.js';

export type SfuMessage = Extract<ClientMessage, { type: `sfu.${string}` }>;
export const isSfuMessage = (m: ClientMessage): m is SfuMessage => m.type.startsWith('sfu.');

export function createSfu(deps: {
  config: Config;
  bus: Bus;
  log: (message: string, error?: unknown) => void;
  /** This node's room of that id, if it holds one (for telling its peers of a changed mode). */
  room(roomId: string): LocalRoom | undefined;
}) {
  const { config, bus, log } = deps;
  const janus = new JanusClient(config.JANUS_URL!, log);
  const rooms = janusRooms(janus, config, log);
  const peers = sfuPeers(janus, (roomId) => rooms.ensure(roomId));
  const inRoom = (roomId: string) => [...peers.peers.values()].filter((s) => s.ref.roomId === roomId);

  const control = roomControl({
    config,
    bus,
    log,
    room: deps.room,
    // Stopped: what this person sends leaves the room now; their browser publishes sound only.
    async videoStopped(roomId, personId) {
      for (const state of inRoom(roomId).filter((s) => s.ref.personId === personId)) {
        await peers.stopScreen(state);
        await peers.unpublishCamera(state);
      }
    },
    toMesh(roomId) {
      for (const state of inRoom(roomId)) void peers.teardown(state).catch((e) => log('sfu teardown', e));
    },
  });

  const hostOnly = (ref: SfuPeerRef, what: string) => {
    if (!ref.host) throw new ForbiddenError('host_only', `only the host ${what}`);
  };

  return {
    janus,
    /** At a join: how media travel in this room, the same on every node (roomControl.ts). */
    settleMode: (room: LocalRoom, info: RoomInfo) => control.settle(room, info),

    async handle(ref: SfuPeerRef, message: SfuMessage) {
      switch (message.type) {
        case 'sfu.join': {
          const feeds = await peers.join(ref);
          ref.send({
            type: 'sfu.joined',
            ref: message.ref,
            feeds,
            videoAllowed: control.videoAllowed(ref.roomId, ref.personId),
            videoStopped: control.stopped(ref.roomId),
          });
          return;
        }
        case 'sfu.publish': {
          const allowed = control.videoAllowed(ref.roomId, ref.personId);
          return peers.publish(ref, message.kind, message.jsep, allowed);
        }
        case 'sfu.unpublish': {
          const state = peers.stateOf(ref);
          return message.kind === 'screen' ? peers.stopScreen(state) : peers.unpublishCamera(state);
        }
        case 'sfu.subscribe':
          return peers.subscribe(ref, message.feed);
        case 'sfu.start':
          await peers.start(ref, message.feed, message.jsep);
          return;
        case 'sfu.unsubscribe':
          return peers.unsubscribe(ref, message.feed);
        case 'sfu.restart':
          return peers.restart(ref, message.feed);
        case 'sfu.quality':
          return peers.quality(ref, message.feed, message.video);
        case 'sfu.trickle':
          return peers.trickle(ref, message.kind, message.feed, message.candidate);
        case 'sfu.allow':
          hostOnly(ref, 'decides who may send video');
          return control.decide(ref.roomId, message.personId, message.video);
        case 'sfu.mute':
          hostOnly(ref, 'may ask others to mute');
          return control.mute(ref.roomId, message.personId ?? null);
        default: {
          const _exhaustive: never = message;
          return _exhaustive;
        }
      }
    },

    /** The peer left this node (left, dropped past the grace period, or resumed on another node). */
    peerGone(roomId: string, peerId: string) {
      const state = peers.peers.get(`${roomId}/${peerId}`);
      if (state) void peers.teardown(state).catch((e) => log('sfu teardown', e));
    },

    /** This node's last peer left the room: when the session is over, or no node holds anyone, Janus lets go. */
    roomClosed(info: RoomInfo, nobodyElsewhere: boolean, now: Date) {
      if (!nobodyElsewhere && isRoomOpen(info, now)) return;
      control.forget(info.roomId);
      rooms.destroy(info.roomId);
    },

    close() {
      control.close();
      janus.close();
    },
  };
}

export type Sfu = ReturnType<typeof createSfu>;
