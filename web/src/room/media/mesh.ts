// The WebRTC mesh: one simple-peer connection per other participant, signalled through the gateway. The peer
// with the lexically smaller peer id makes the offer, so two browsers never offer to each other at once.
import SimplePeer, { type SignalData } from 'simple-peer/simplepeer.min.js';
import type { IceServer } from '../rt/protocol';
import type { RoomSocket } from '../rt/socket';
import { mark, probe } from '../probe';

export type RemoteMedia = {
  peerId: string;
  stream: MediaStream | null;
  state: 'connecting' | 'connected' | 'failed';
  /** Through the SFU a shared screen is a tile of its own: the peer whose screen it is. */
  screenOf?: string;
};

type Entry = { peer: SimplePeer; media: RemoteMedia };

export class Mesh {
  private entries = new Map<string, Entry>();
  private listeners = new Set<(media: RemoteMedia[]) => void>();
  private videoTrack: MediaStreamTrack | null;

  constructor(
    private readonly socket: RoomSocket,
    private selfId: string,
    private readonly iceServers: IceServer[],
    private readonly local: MediaStream,
  ) {
    this.videoTrack = local.getVideoTracks()[0] ?? null;
  }

  /** After a reconnect that got a new peer id, every connection is made again under the new id. */
  rejoinedAs(selfId: string, peerIds: string[]) {
    if (selfId !== this.selfId) {
      for (const id of [...this.entries.keys()]) this.remove(id);
      this.selfId = selfId;
    }
    for (const id of peerIds) this.ensure(id);
  }

  ensure(peerId: string) {
    if (peerId === this.selfId) return;
    const existing = this.entries.get(peerId);
    if (existing && !existing.peer.destroyed) return existing;
    const peer = new SimplePeer({
      initiator: this.selfId < peerId,
      stream: this.local,
      config: { iceServers: this.iceServers },
      trickle: true,
    });
    const entry: Entry = { peer, media: { peerId, stream: null, state: 'connecting' } };
    this.entries.set(peerId, entry);
    probe().peers.set(peerId, peer._pc);
    mark('mesh.peer');
    peer._pc.addEventListener('iceconnectionstatechange', () => {
      if (peer._pc.iceConnectionState === 'connected') mark('ice.connected');
    });
    peer.on('signal', (data) => {
      mark(`mesh.${typeof data.type === 'string' ? data.type : 'candidate'}.sent`);
      this.socket.send({ type: 'signal', to: peerId, data });
    });
    peer.on('stream', (stream) => {
      mark('track');
      this.update(peerId, { stream });
    });
    peer.on('connect', () => {
      probe().firstConnectedAt ??= performance.now();
      this.update(peerId, { state: 'connected' });
    });
    peer.on('error', () => this.update(peerId, { state: 'failed' }));
    peer.on('close', () => {
      if (this.entries.get(peerId)?.peer === peer) this.update(peerId, { state: 'failed' });
    });
    // The screen may already be shared when someone joins: they get the shared screen, not the camera.
    const sent = this.local.getVideoTracks()[0];
    if (sent && this.videoTrack && sent !== this.videoTrack)
      peer.replaceTrack(sent, this.videoTrack, this.local);
    this.emit();
    return entry;
  }

  signal(from: string, data: unknown) {
    const type = (data as { type?: unknown } | null)?.type;
    mark(`mesh.${typeof type === 'string' ? type : 'candidate'}.received`);
    const entry = this.ensure(from);
    if (!entry) return;
    try {
      entry.peer.signal(data as SignalData);
    } catch {
      // A signal for a connection that was just replaced; the new one negotiates afresh.
    }
  }

  remove(peerId: string) {
    const entry = this.entries.get(peerId);
    if (!entry) return;
    this.entries.delete(peerId);
    probe().peers.delete(peerId);
    entry.peer.destroy();
    this.emit();
  }

  /** Sends another video track (the shared screen, or the camera again) to everyone without renegotiating. */
  sendVideo(track: MediaStreamTrack) {
    const current = this.videoTrack;
    if (!current || current === track) return;
    for (const { peer } of this.entries.values()) {
      if (!peer.destroyed) peer.replaceTrack(current, track, this.local);
    }
    this.videoTrack = track;
  }

  onChange(listener: (media: RemoteMedia[]) => void) {
    this.listeners.add(listener);
    listener(this.snapshot());
    return () => void this.listeners.delete(listener);
  }

  destroy() {
    for (const id of [...this.entries.keys()]) this.remove(id);
    this.listeners.clear();
  }

  private update(peerId: string, patch: Partial<RemoteMedia>) {
    const entry = this.entries.get(peerId);
    if (!entry) return;
    entry.media = { ...entry.media, ...patch };
    this.emit();
  }

  private snapshot() {
    return [...this.entries.values()].map((e) => e.media);
  }

  private emit() {
    const media = this.snapshot();
    for (const l of this.listeners) l(media);
  }
}
