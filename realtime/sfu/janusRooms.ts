// The Janus rooms of Lectern's rooms: one per live session or training event, named by a stable number, made
// by whichever node sees the first `sfu.join` and destroyed when the session ends or nobody is left. A node
// keeps one Janus handle of its own for this (made again after a lost connection).
import { createHash } from 'node:crypto';
import type { Config } from '../../kernel/config.js';
import { JanusError, type JanusClient, type JanusHandle } from './janusClient.js';

/** The Janus room of a Lectern room: a stable number (48 bits of a hash, safe in JSON on both sides). */
export const janusRoomOf = (roomId: string) =>
  Number.parseInt(createHash('sha256').update(`lectern:${roomId}`).digest('hex').slice(0, 12), 16) + 1;

/** Janus' answer when the room is already there (another node made it) and when it is already gone. */
const ROOM_EXISTS = 427;
const NO_SUCH_ROOM = 426;

export function janusRooms(janus: JanusClient, config: Config, log: (m: string, e?: unknown) => void) {
  let control: Promise<JanusHandle> | null = null;

  function controlHandle(): Promise<JanusHandle> {
    control ??= (async () => {
      const session = await janus.createSession();
      session.onGone(() => (control = null));
      return session.attach();
    })().catch((error: unknown) => {
      control = null;
      throw error;
    });
    return control;
  }

  return {
    async ensure(roomId: string) {
      const room = janusRoomOf(roomId);
      const handle = await controlHandle();
      const { data } = await handle.message({ request: 'exists', room });
      if (data.exists === true) return room;
      try {
        await handle.message({
          request: 'create',
          room,
          description: roomId,
          is_private: true,
          permanent: false,
          publishers: config.SFU_MAX_PUBLISHERS,
          // The ceiling of one publisher's video: the three simulcast layers together.
          bitrate: 1_200_000,
          fir_freq: 10,
          audiocodec: 'opus',
          videocodec: 'vp8',
          notify_joining: false,
          // Who is talking (the active-speaker layout): about a second of audio louder than -45 dBov.
          audiolevel_ext: true,
          audiolevel_event: true,
          audio_active_packets: 50,
          audio_level_average: 45,
        });
      } catch (error) {
        if (!(error instanceof JanusError && error.code === ROOM_EXISTS)) throw error;
      }
      return room;
    },

    destroy(roomId: string) {
      void controlHandle()
        .then((handle) => handle.message({ request: 'destroy', room: janusRoomOf(roomId) }))
        .catch((error: unknown) => {
          if (!(error instanceof JanusError && error.code === NO_SUCH_ROOM)) log('sfu room destroy', error);
        });
    },
  };
}
