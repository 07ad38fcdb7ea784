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
};
declare global {
  interface Window {
    __lectern?: RoomProbe;
  }
}
export const probe = (): RoomProbe => (window.__lectern ??= { peers: new Map() });
