// One person's presence in a room, outside React: the socket, the WebRTC mesh and their own media, folded into one
// snapshot the components read (useSyncExternalStore). Created the moment `joined` arrives so no signal is missed.
import { Mesh, type RemoteMedia } from '../media/mesh';
import { SfuMedia, type SfuView } from '../media/sfu/sfuMedia';
import { keepIceServersFresh, replaceIceServers } from '../media/iceServers';
import type { LocalMedia, LocalState } from '../media/localMedia';
import type { ClientMessage, Joined, Reaction, ServerMessage } from './protocol';
import {
  addNotice,
  dismissNotice,
  dropReaction,
  fromJoined,
  roomReducer,
  type Notice,
  type RoomState,
} from './roomState';

/** How long a reaction floats over the room. */
export const REACTION_MS = 4000;
import type { RoomSocket, SocketStatus } from './socket';

export type RoomSnapshot = {
  room: RoomState;
  media: RemoteMedia[];
  local: LocalState;
  connection: SocketStatus;
  /** Through the SFU: audio only, the active speaker, whose video is stopped. */
  sfu: SfuView | null;
};

export class RoomSession {
  /** Media peer to peer (one-to-one, small groups), or through the SFU when the gateway says so. */
  mesh: Mesh | null = null;
  sfu: SfuMedia | null = null;
  private mediaOffs: (() => void)[] = [];
  private snapshot: RoomSnapshot;
  private listeners = new Set<() => void>();
  private offs: (() => void)[] = [];
  /** The ICE servers every media connection reads; TURN credentials in it are renewed before they expire. */
  private readonly iceServers: Joined['iceServers'];

  constructor(
    readonly socket: RoomSocket,
    joined: Joined,
    readonly local: LocalMedia,
    /** The person's time zone, for the times the room writes (a refusal's). */
    timeZone?: string,
  ) {
    this.iceServers = joined.iceServers;
    this.snapshot = {
      room: fromJoined(joined, undefined, timeZone),
      media: [],
      local: local.state,
      connection: socket.status,
      sfu: null,
    };
    this.offs.push(
      keepIceServersFresh(joined.roomId, this.iceServers),
      socket.on((m) => this.receive(m)),
      socket.onStatus((connection) => this.set({ connection })),
      local.onChange((l) => {
        this.set({ local: l });
        this.announceMedia();
      }),
    );
    this.useMedia(joined.media?.mode ?? 'mesh');
  }

  /** Sends and receives media peer to peer or through the SFU; a room that changes mode switches here. */
  private useMedia(mode: 'mesh' | 'sfu') {
    for (const off of this.mediaOffs.splice(0)) off();
    this.mesh?.destroy();
    this.sfu?.destroy();
    this.mesh = this.sfu = null;
    const { room } = this.snapshot;
    const media =
      mode === 'sfu'
        ? (this.sfu = new SfuMedia(
            this.socket,
            room.selfPeerId,
            room.self.personId,
            this.iceServers,
            this.local.stream,
          ))
        : (this.mesh = new Mesh(this.socket, room.selfPeerId, this.iceServers, this.local.stream));
    this.local.attach(media);
    this.mediaOffs.push(media.onChange((media) => this.set({ media })));
    if (this.sfu) this.mediaOffs.push(this.sfu.onView((sfu) => this.set({ sfu })));
    else this.set({ sfu: null });
    for (const p of room.peers) this.mesh?.ensure(p.peerId);
    this.sfu?.start();
    this.announceMedia();
  }

  /** Through the SFU: audio only by choice (or back to video). */
  setAudioOnly(on: boolean) {
    this.sfu?.setAudioOnly(on ? 'chosen' : null);
  }

  get isHost() {
    return this.snapshot.room.self.roomRole === 'host';
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  send(message: ClientMessage) {
    this.socket.send(message);
  }

  notify(tone: Notice['tone'], text: string) {
    this.set({ room: addNotice(this.snapshot.room, tone, text) });
  }

  /** Raises my hand, or lowers it when it is up. */
  toggleHand() {
    this.send(this.snapshot.room.self.handRaisedAt ? { type: 'hand.lower' } : { type: 'hand.raise' });
  }

  /** Lowers someone's hand (the host), or mine without a peer. */
  lowerHand(peerId?: string) {
    this.send({ type: 'hand.lower', ...(peerId ? { peerId } : {}) });
  }

  react(emoji: Reaction) {
    this.send({ type: 'reaction', emoji });
  }

  dismiss(id: number) {
    this.set({ room: dismissNotice(this.snapshot.room, id) });
  }

  leave() {
    for (const off of [...this.offs, ...this.mediaOffs]) off();
    this.mesh?.destroy();
    this.sfu?.destroy();
    this.local.close();
    this.socket.close();
  }

  private receive(m: ServerMessage) {
    switch (m.type) {
      case 'joined':
        replaceIceServers(this.iceServers, m.iceServers);
        this.mesh?.rejoinedAs(
          m.peerId,
          m.peers.map((p) => p.peerId),
        );
        this.sfu?.rejoinedAs(m.peerId);
        this.announceMedia();
        break;
      case 'peer.joined':
        this.mesh?.ensure(m.peer.peerId);
        break;
      case 'peer.left':
        this.mesh?.remove(m.peerId);
        this.sfu?.receive(m);
        break;
      case 'signal':
        this.mesh?.signal(m.from, m.data);
        break;
      case 'media.mode':
        // A shared screen does not carry over to the other mode: share again.
        this.local.stopSharing();
        this.useMedia(m.mode);
        break;
      case 'sfu.muted':
        if (m.personId === this.snapshot.room.self.personId || (m.personId === null && !this.isHost))
          this.local.setMuted(true);
        break;
      default:
        if (m.type.startsWith('sfu.') || m.type === 'error') this.sfu?.receive(m);
    }
    const room = roomReducer(this.snapshot.room, m);
    if (room !== this.snapshot.room) this.set({ room });
    if (m.type === 'reaction') {
      const id = room.reactions.at(-1)?.id;
      if (id !== undefined)
        setTimeout(() => this.set({ room: dropReaction(this.snapshot.room, id) }), REACTION_MS);
    }
    // Back after the room changed mode while away: follow it.
    if (m.type === 'joined' && (m.media?.mode ?? 'mesh') !== (this.sfu ? 'sfu' : 'mesh'))
      this.useMedia(m.media?.mode ?? 'mesh');
  }

  /** Tells the room whether my camera and microphone are on, for the icons on my tile. */
  private announceMedia() {
    const { muted, cameraOn, sharing } = this.local.state;
    const audioOnly = !!this.snapshot.sfu?.audioOnly;
    this.socket.send({ type: 'media', video: (cameraOn || sharing) && !audioOnly, audio: !muted });
  }

  private set(patch: Partial<RoomSnapshot>) {
    const audioOnlyChanged = 'sfu' in patch && !!patch.sfu?.audioOnly !== !!this.snapshot.sfu?.audioOnly;
    this.snapshot = { ...this.snapshot, ...patch };
    if (audioOnlyChanged) this.announceMedia();
    for (const l of this.listeners) l();
  }
}
