// One person's presence in a room, outside React: the socket, the WebRTC mesh and their own media, folded into one
// snapshot the components read (useSyncExternalStore). Created the moment `joined` arrives so no signal is missed.
import { Mesh, type RemoteMedia } from '../media/mesh';
import { SfuMedia } from '../media/sfu/sfuMedia';
import { keepIceServersFresh, replaceIceServers } from '../media/iceServers';
import type { LocalMedia, LocalState } from '../media/localMedia';
import type { ClientMessage, Joined, ServerMessage } from './protocol';
import { addNotice, dismissNotice, fromJoined, roomReducer, type Notice, type RoomState } from './roomState';
import type { RoomSocket, SocketStatus } from './socket';

export type RoomSnapshot = {
  room: RoomState;
  media: RemoteMedia[];
  local: LocalState;
  connection: SocketStatus;
};

export class RoomSession {
  /** Media peer to peer (one-to-one, small groups), or through the SFU when the gateway says so. */
  readonly mesh: Mesh | null = null;
  readonly sfu: SfuMedia | null = null;
  private snapshot: RoomSnapshot;
  private listeners = new Set<() => void>();
  private offs: (() => void)[] = [];
  /** The ICE servers every media connection reads; TURN credentials in it are renewed before they expire. */
  private readonly iceServers: Joined['iceServers'];

  constructor(
    readonly socket: RoomSocket,
    joined: Joined,
    readonly local: LocalMedia,
  ) {
    this.iceServers = joined.iceServers;
    const media =
      joined.media?.mode === 'sfu'
        ? (this.sfu = new SfuMedia(
            socket,
            joined.peerId,
            joined.self.personId,
            joined.iceServers,
            local.stream,
          ))
        : (this.mesh = new Mesh(socket, joined.peerId, joined.iceServers, local.stream));
    local.attach(media);
    this.snapshot = { room: fromJoined(joined), media: [], local: local.state, connection: socket.status };
    this.offs.push(
      keepIceServersFresh(joined.roomId, this.iceServers),
      socket.on((m) => this.receive(m)),
      socket.onStatus((connection) => this.set({ connection })),
      media.onChange((media) => this.set({ media })),
      local.onChange((l) => {
        this.set({ local: l });
        this.announceMedia();
      }),
    );
    for (const p of joined.peers) this.mesh?.ensure(p.peerId);
    this.sfu?.start();
    this.announceMedia();
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

  dismiss(id: number) {
    this.set({ room: dismissNotice(this.snapshot.room, id) });
  }

  leave() {
    for (const off of this.offs) off();
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
      default:
        if (m.type.startsWith('sfu.') || m.type === 'error') this.sfu?.receive(m);
    }
    const room = roomReducer(this.snapshot.room, m);
    if (room !== this.snapshot.room) this.set({ room });
  }

  /** Tells the room whether my camera and microphone are on, for the icons on my tile. */
  private announceMedia() {
    const { muted, cameraOn, sharing } = this.local.state;
    this.socket.send({ type: 'media', video: cameraOn || sharing, audio: !muted });
  }

  private set(patch: Partial<RoomSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const l of this.listeners) l();
  }
}
