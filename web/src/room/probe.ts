// What the browser tests read from a room page: the peer connections (for getStats), when Join was clicked
// and when the first remote video frame showed, and the whiteboard's element count.
export type RoomProbe = {
  peers: Map<string, RTCPeerConnection>;
  joinClickedAt?: number;
  /** When the gateway answered `joined`, and when the first peer connection was up. */
  joinedAt?: number;
  firstConnectedAt?: number;
  firstRemoteFrameAt?: number;
  /** `sfu` when the room's media go through the SFU: then `peers` holds one receiving connection per feed
   * (keyed by peer id, `<peerId>:screen` for a shared screen) and `publishers` my sending ones. */
  mediaMode?: 'mesh' | 'sfu';
  selfPeerId?: string;
  publishers?: Map<string, RTCPeerConnection>;
  /** Through the SFU: the video layer asked for per tile (`high`, `medium`, `low`, `off`), who is the large
   * tile (the active speaker), and whether I am in audio-only mode. */
  qualities?: Map<string, string>;
  speaker?: string | null;
  audioOnly?: boolean;
  /** How many elements the shared whiteboard holds here (drawn locally or received). */
  whiteboardElements?: () => number;
  /** The steps of joining, each the first time it happened (performance.now()), for the join benchmark:
   * `ws.open`, `joined`, `mesh.offer.sent`, `sfu.offer.received`, `ice.connected`, `frame.first`, ... */
  marks?: Record<string, number>;
  /** When the first video frame of each remote tile showed, by peer id. */
  remoteFrameAt?: Record<string, number>;
};
declare global {
  interface Window {
    __lectern?: RoomProbe;
  }
}
export const probe = (): RoomProbe => (window.__lectern ??= { peers: new Map() });

/** Records a step of joining the first time it happens (later repeats, e.g. after a reconnect, are kept out). */
export function mark(step: string) {
  const marks = (probe().marks ??= {});
  marks[step] ??= performance.now();
}
