// The slice of simple-peer the room uses, typed for the browser. We load its prebuilt browser bundle (it carries
// its own Buffer/process shims), whose package types would pull Node's typings into the web project.
declare module 'simple-peer/simplepeer.min.js' {
  export type SignalData = Record<string, unknown>;
  export type PeerOptions = {
    initiator?: boolean;
    stream?: MediaStream;
    config?: RTCConfiguration;
    trickle?: boolean;
    offerOptions?: RTCOfferOptions;
  };
  export default class SimplePeer {
    constructor(options?: PeerOptions);
    readonly connected: boolean;
    readonly destroyed: boolean;
    /** The underlying connection (undocumented, stable since v9); the room exposes it for getStats. */
    readonly _pc: RTCPeerConnection;
    signal(data: SignalData | string): void;
    replaceTrack(oldTrack: MediaStreamTrack, newTrack: MediaStreamTrack, stream: MediaStream): void;
    addTrack(track: MediaStreamTrack, stream: MediaStream): void;
    removeTrack(track: MediaStreamTrack, stream: MediaStream): void;
    destroy(error?: Error): void;
    on(event: 'signal', listener: (data: SignalData) => void): this;
    on(event: 'stream', listener: (stream: MediaStream) => void): this;
    on(event: 'track', listener: (track: MediaStreamTrack, stream: MediaStream) => void): this;
    on(event: 'connect' | 'close', listener: () => void): this;
    on(event: 'error', listener: (error: Error & { code?: string }) => void): this;
  }
}
