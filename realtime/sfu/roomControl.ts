// What everyone in a room agrees on, on every node, through the bus (`room.<roomId>.sfu`): how its media travel
// (the mode), whose video the host has stopped, and the host's asks to mute. The rule for the mode: the session's
// roster decides it at every join (one-to-one: the mesh; a group: the SFU above SFU_THRESHOLD people). The
// joining node announces it; a node whose room had the other mode switches it and tells its peers
// (`media.mode`), so a session that crosses the threshold mid-way (a student added or removed) never runs two
// modes at once. A node that opens a room asks the others what the host decided before it came.
import type { Bus } from '../../bus/port.js';
import type { Config } from '../../kernel/config.js';
import type { RoomInfo } from '../../auth/roomAccess.js';
import { decodeJson, encodeJson } from '../../commands/rooms.js';
import type { ServerMessage } from '../messages.js';
import type { LocalRoom } from '../roomNode.js';

export type MediaMode = 'mesh' | 'sfu';

/** One-to-one stays a mesh; a group session uses the SFU when there is one and it has more than SFU_THRESHOLD people. */
export function mediaMode(config: Config, info: RoomInfo): MediaMode {
  if (!config.JANUS_URL || info.sessionKind === 'individual') return 'mesh';
  const people = new Set([...info.hostIds, ...info.participantIds]).size;
  return people > config.SFU_THRESHOLD ? 'sfu' : 'mesh';
}

type Control =
  | { op: 'mode'; roomId: string; mode: MediaMode }
  | { op: 'video'; roomId: string; personId: string; allowed: boolean }
  | { op: 'mute'; roomId: string; personId: string | null }
  | { op: 'ask'; roomId: string }
  | { op: 'state'; roomId: string; stopped: string[] };

const SUBJECT = (roomId: string) => `room.${roomId}.sfu`;

export function roomControl(deps: {
  config: Config;
  bus: Bus;
  log: (message: string, error?: unknown) => void;
  /** This node's room of that id, if it holds one. */
  room(roomId: string): LocalRoom | undefined;
  /** The host stopped this person's video: what they send through the SFU on this node leaves the room. */
  videoStopped(roomId: string, personId: string): Promise<void>;
  /** The room went back to the mesh: this node lets go of its peers' SFU handles. */
  toMesh(roomId: string): void;
}) {
  const { config, bus, log } = deps;
  /** Per room, the people the host stopped from sending video. */
  const stopped = new Map<string, Set<string>>();
  const publish = (control: Control) =>
    bus.publish(SUBJECT(control.roomId), encodeJson(control)).catch((e) => log('sfu room control', e));

  const tellRoom = (roomId: string, message: ServerMessage) => {
    for (const local of deps.room(roomId)?.local.values() ?? []) local.sink?.send(message);
  };

  function switchTo(room: LocalRoom, mode: MediaMode) {
    if (room.media === mode) return;
    room.media = mode;
    if (mode === 'mesh') deps.toMesh(room.roomId);
    tellRoom(room.roomId, { type: 'media.mode', mode });
  }

  const unsubscribe = bus.subscribe('room.*.sfu', (message) => {
    const control = decodeJson<Control>(message.data);
    const set = stopped.get(control.roomId) ?? new Set<string>();
    switch (control.op) {
      case 'mode': {
        const room = deps.room(control.roomId);
        if (room?.media) switchTo(room, control.mode);
        return;
      }
      case 'video':
        if (control.allowed) set.delete(control.personId);
        else set.add(control.personId);
        stopped.set(control.roomId, set);
        tellRoom(control.roomId, { type: 'sfu.video', personId: control.personId, allowed: control.allowed });
        if (!control.allowed)
          deps.videoStopped(control.roomId, control.personId).catch((e) => log('sfu video decision', e));
        return;
      case 'mute':
        tellRoom(control.roomId, { type: 'sfu.muted', personId: control.personId });
        return;
      case 'ask':
        if (set.size > 0) void publish({ op: 'state', roomId: control.roomId, stopped: [...set] });
        return;
      case 'state':
        for (const personId of control.stopped) set.add(personId);
        stopped.set(control.roomId, set);
        return;
    }
  });

  return {
    /** At a join: the mode the roster gives, for this node's room and (announced) every other node's. */
    settle(room: LocalRoom, info: RoomInfo): MediaMode {
      const mode = mediaMode(config, info);
      const opened = room.media === undefined;
      if (opened) room.media = mode;
      else switchTo(room, mode);
      void publish({ op: 'mode', roomId: room.roomId, mode });
      if (opened && mode === 'sfu') void publish({ op: 'ask', roomId: room.roomId });
      return mode;
    },
    decide: (roomId: string, personId: string, allowed: boolean) =>
      publish({ op: 'video', roomId, personId, allowed }),
    mute: (roomId: string, personId: string | null) => publish({ op: 'mute', roomId, personId }),
    videoAllowed: (roomId: string, personId: string) => !stopped.get(roomId)?.has(personId),
    stopped: (roomId: string) => [...(stopped.get(roomId) ?? [])],
    forget: (roomId: string) => void stopped.delete(roomId),
    close: unsubscribe,
  };
}
