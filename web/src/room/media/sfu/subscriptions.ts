// My receiving connections from the SFU: one per feed of someone else (a camera, or a shared screen shown as a
// tile of its own). Each is offered by the SFU and answered here; each gets the simulcast layer its tile needs,
// or none (audio only); an ICE failure asks the SFU for a fresh offer. Until its video flows a feed is received
// at the smallest layer, the one a loaded or weak sender keeps sending: the SFU only switches between layers that
// arrive, so asking for a larger one first could leave the tile black.
import type { Feed, IceServer, VideoQuality } from '../../rt/protocol';
import type { RoomSocket } from '../../rt/socket';
import type { RemoteMedia } from '../mesh';
import { mark, probe } from '../../probe';
import { QUIET, candidateOf } from './publishers';

type Subscription = {
  feed: Feed;
  pc: RTCPeerConnection | null;
  media: RemoteMedia;
  stream: MediaStream;
  /** The layer last asked of the SFU, and the one the tile wants (asked for once video flows). */
  quality: VideoQuality | null;
  wanted: VideoQuality | null;
  /** Video packets have arrived. */
  flowing: boolean;
};

export class SfuSubscriptions {
  private subs = new Map<number, Subscription>();

  constructor(
    private readonly socket: RoomSocket,
    private readonly iceServers: IceServer[],
    private readonly changed: () => void,
  ) {
    probe().qualities ??= new Map();
  }

  add(feed: Feed) {
    if (this.subs.has(feed.feed)) return;
    // The same person's camera (or screen) published again: the new feed replaces the old.
    for (const sub of [...this.subs.values()])
      if (sub.feed.peerId === feed.peerId && sub.feed.kind === feed.kind) this.drop(sub.feed.feed);
    const screen = feed.kind === 'screen';
    this.subs.set(feed.feed, {
      feed,
      pc: null,
      stream: new MediaStream(),
      quality: null,
      wanted: null,
      flowing: false,
      media: {
        peerId: screen ? `${feed.peerId}:screen` : feed.peerId,
        stream: null,
        state: 'connecting',
        ...(screen ? { screenOf: feed.peerId } : {}),
      },
    });
    mark('sfu.subscribe.sent');
    this.socket.send({ type: 'sfu.subscribe', ref: `${QUIET}subscribe:${feed.feed}`, feed: feed.feed });
    this.changed();
  }

  async answer(feedId: number, jsep: RTCSessionDescriptionInit) {
    const sub = this.subs.get(feedId);
    if (!sub) return;
    const pc = (sub.pc ??= this.connect(feedId, sub));
    try {
      await pc.setRemoteDescription(jsep);
      const answer = await pc.createAnswer();
      await pc.setLocalDescription(answer);
      if (this.subs.get(feedId) !== sub) return;
      mark('sfu.answer.sent');
      this.socket.send({
        type: 'sfu.start',
        ref: `${QUIET}start`,
        feed: feedId,
        jsep: { type: 'answer', sdp: answer.sdp! },
      });
    } catch {
      // Replaced or closed meanwhile.
    }
  }

  private connect(feedId: number, sub: Subscription) {
    const pc = new RTCPeerConnection({ iceServers: this.iceServers, bundlePolicy: 'max-bundle' });
    probe().peers.set(sub.media.peerId, pc);
    pc.ontrack = (e) => {
      mark('track');
      if (!sub.stream.getTracks().includes(e.track)) sub.stream.addTrack(e.track);
      if (e.track.kind === 'video') {
        const flows = () => {
          if (sub.flowing || this.subs.get(feedId) !== sub) return;
          sub.flowing = true;
          if (sub.wanted) this.setQuality(feedId, sub.wanted);
        };
        if (!e.track.muted) flows();
        else e.track.addEventListener('unmute', flows, { once: true });
      }
      this.update(sub, { stream: sub.stream });
    };
    pc.onicecandidate = (e) =>
      this.socket.send({
        type: 'sfu.trickle',
        ref: `${QUIET}trickle`,
        feed: feedId,
        candidate: e.candidate ? candidateOf(e.candidate) : null,
      });
    pc.onconnectionstatechange = () => {
      if (this.subs.get(feedId) !== sub) return;
      if (pc.connectionState === 'connected') {
        probe().firstConnectedAt ??= performance.now();
        this.update(sub, { state: 'connected' });
      } else if (pc.connectionState === 'failed') this.update(sub, { state: 'failed' });
    };
    pc.oniceconnectionstatechange = () => {
      if (pc.iceConnectionState === 'connected') mark('ice.connected');
      if (pc.iceConnectionState === 'failed' && this.subs.get(feedId) === sub) this.restart(feedId);
    };
    return pc;
  }

  /** The layer of a feed's video to receive (by its tile's size), or `off`: its sound only. */
  setQuality(feedId: number, quality: VideoQuality) {
    const sub = this.subs.get(feedId);
    if (!sub) return;
    sub.wanted = quality;
    if (!sub.flowing && quality !== 'off') quality = 'low';
    if (sub.quality === quality) return;
    sub.quality = quality;
    probe().qualities!.set(sub.media.peerId, quality);
    this.socket.send({ type: 'sfu.quality', ref: `${QUIET}quality`, feed: feedId, video: quality });
  }

  restart(feedId: number) {
    this.socket.send({ type: 'sfu.restart', ref: `${QUIET}restart`, feed: feedId });
  }

  restartAll() {
    for (const sub of this.subs.values()) if (sub.pc) this.restart(sub.feed.feed);
  }

  drop(feedId: number, emit = true) {
    const sub = this.subs.get(feedId);
    if (!sub) return;
    this.subs.delete(feedId);
    probe().qualities?.delete(sub.media.peerId);
    if (sub.pc) {
      if (probe().peers.get(sub.media.peerId) === sub.pc) probe().peers.delete(sub.media.peerId);
      sub.pc.close();
      this.socket.send({ type: 'sfu.unsubscribe', ref: `${QUIET}unsubscribe`, feed: feedId });
    }
    if (emit) this.changed();
  }

  dropAll() {
    for (const id of [...this.subs.keys()]) this.drop(id, false);
  }

  /** The feed of a tile (a peer id, or `<peerId>:screen`). */
  feedOf(tileId: string) {
    for (const sub of this.subs.values()) if (sub.media.peerId === tileId) return sub.feed.feed;
    return undefined;
  }

  peerOf(feedId: number) {
    return this.subs.get(feedId)?.feed.peerId;
  }

  all() {
    return [...this.subs.values()];
  }

  connections() {
    return this.all().flatMap((s) => (s.pc ? [s.pc] : []));
  }

  media(): RemoteMedia[] {
    return this.all().map((s) => s.media);
  }

  private update(sub: Subscription, patch: Partial<RemoteMedia>) {
    sub.media = { ...sub.media, ...patch };
    this.changed();
  }
}
