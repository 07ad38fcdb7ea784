// Group video through the SFU (Janus' VideoRoom behind our gateway; the browser never talks to Janus): my
// camera (and microphone) published once, my shared screen as a publisher of its own, and one receiving
// connection per feed of everyone else. Offers, answers and candidates go over the room socket as `sfu.*`
// messages. A failed connection (or a network change) restarts ICE; a lost media server starts over.
import type { Feed, IceServer, ServerMessage, SfuKind } from '../../rt/protocol';
import type { RoomSocket } from '../../rt/socket';
import type { RemoteMedia } from '../mesh';
import { probe } from '../../probe';

type Publisher = { pc: RTCPeerConnection; video: RTCRtpSender | null };
type Subscription = { feed: Feed; pc: RTCPeerConnection | null; media: RemoteMedia; stream: MediaStream };

/** Quiet refs: an error answering them is handled here, not shown (see roomState.ts). */
const QUIET = 'sfu:';
const RETRY_MS = 2000;

export class SfuMedia {
  private publishers = new Map<SfuKind, Publisher>();
  private subs = new Map<number, Subscription>();
  private listeners = new Set<(media: RemoteMedia[]) => void>();
  private videoTrack: MediaStreamTrack | null;
  private screenTrack: MediaStreamTrack | null = null;
  private videoAllowed = true;
  private started = false;
  private destroyed = false;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private readonly onNetworkChange = () => this.restartIce();

  constructor(
    private readonly socket: RoomSocket,
    private selfId: string,
    private readonly personId: string,
    private readonly iceServers: IceServer[],
    private readonly local: MediaStream,
  ) {
    this.videoTrack = local.getVideoTracks()[0] ?? null;
    probe().mediaMode = 'sfu';
    probe().selfPeerId = selfId;
    probe().publishers ??= new Map();
    window.addEventListener('online', this.onNetworkChange);
    connectionInfo()?.addEventListener('change', this.onNetworkChange);
  }

  /** Joins the video room (again): everything of before is let go and made afresh. */
  start() {
    if (this.destroyed) return;
    clearTimeout(this.retry);
    this.teardown();
    this.started = true;
    this.socket.send({ type: 'sfu.join', ref: 'sfu.join' });
  }

  /** After a reconnect the gateway has let go of our handles (or we are on another node): start over. */
  rejoinedAs(selfId: string) {
    this.selfId = selfId;
    probe().selfPeerId = selfId;
    this.start();
  }

  receive(m: ServerMessage) {
    if (this.destroyed) return;
    switch (m.type) {
      case 'sfu.joined':
        this.videoAllowed = m.videoAllowed;
        void this.publish('camera');
        if (this.screenTrack && this.videoAllowed) void this.publish('screen');
        for (const feed of m.feeds) this.subscribe(feed);
        return;
      case 'sfu.feeds':
        for (const feed of m.removed) this.drop(feed);
        for (const feed of m.added) this.subscribe(feed);
        return;
      case 'sfu.answer':
        void this.publishers
          .get(m.kind)
          ?.pc.setRemoteDescription(m.jsep)
          .catch(() => undefined);
        return;
      case 'sfu.offer':
        void this.answer(m.feed, m.jsep);
        return;
      case 'sfu.reset':
        this.later();
        return;
      case 'sfu.video':
        if (m.personId !== this.personId || m.allowed === this.videoAllowed) return;
        this.videoAllowed = m.allowed;
        if (!m.allowed) this.closePublisher('screen');
        // Sound only while video is stopped; both again when it is allowed.
        this.closePublisher('camera', true);
        void this.publish('camera');
        if (m.allowed && this.screenTrack) void this.publish('screen');
        return;
      case 'peer.left':
        for (const sub of [...this.subs.values()]) if (sub.feed.peerId === m.peerId) this.drop(sub.feed.feed);
        return;
      case 'error':
        if (m.ref === 'sfu.join') this.later();
        else if (m.ref?.startsWith(`${QUIET}subscribe:`)) this.drop(Number(m.ref.slice(14)));
        return;
    }
  }

  /** The camera or its placeholder picture (camera off) on the published connection, without renegotiating. */
  sendVideo(track: MediaStreamTrack) {
    this.videoTrack = track;
    const sender = this.publishers.get('camera')?.video;
    if (sender) void sender.replaceTrack(track).catch(() => undefined);
  }

  /** The shared screen is a feed of its own: everyone gets it beside my camera. */
  shareScreen(track: MediaStreamTrack) {
    this.screenTrack = track;
    this.closePublisher('screen', true);
    if (this.started) void this.publish('screen');
  }

  stopScreen() {
    this.screenTrack = null;
    this.closePublisher('screen', true);
  }

  onChange(listener: (media: RemoteMedia[]) => void) {
    this.listeners.add(listener);
    listener(this.snapshot());
    return () => void this.listeners.delete(listener);
  }

  destroy() {
    this.destroyed = true;
    clearTimeout(this.retry);
    window.removeEventListener('online', this.onNetworkChange);
    connectionInfo()?.removeEventListener('change', this.onNetworkChange);
    this.teardown();
    this.listeners.clear();
  }

  private later() {
    clearTimeout(this.retry);
    this.retry = setTimeout(() => this.start(), RETRY_MS);
  }

  private teardown() {
    for (const kind of [...this.publishers.keys()]) this.closePublisher(kind);
    for (const id of [...this.subs.keys()]) this.drop(id, false);
    this.emit();
  }

  private newConnection() {
    return new RTCPeerConnection({ iceServers: this.iceServers, bundlePolicy: 'max-bundle' });
  }

  private async publish(kind: SfuKind, iceRestart = false) {
    let publisher = this.publishers.get(kind);
    if (!publisher || !iceRestart) {
      if (publisher) this.closePublisher(kind, true);
      const video = kind === 'screen' ? this.screenTrack : this.videoAllowed ? this.videoTrack : null;
      const audio = kind === 'camera' ? this.local.getAudioTracks() : [];
      if (!video && audio.length === 0) return;
      const pc = this.newConnection();
      for (const track of audio) pc.addTransceiver(track, { direction: 'sendonly', streams: [this.local] });
      const sender = video ? pc.addTransceiver(video, { direction: 'sendonly' }).sender : null;
      publisher = { pc, video: sender };
      this.publishers.set(kind, publisher);
      probe().publishers!.set(kind, pc);
      pc.onicecandidate = (e) =>
        this.socket.send({
          type: 'sfu.trickle',
          ref: `${QUIET}trickle`,
          kind,
          candidate: e.candidate ? candidateOf(e.candidate) : null,
        });
      pc.oniceconnectionstatechange = () => {
        if (pc.iceConnectionState === 'failed' && this.publishers.get(kind)?.pc === pc)
          void this.publish(kind, true);
      };
    }
    const pc = publisher.pc;
    try {
      const offer = await pc.createOffer(iceRestart ? { iceRestart: true } : undefined);
      await pc.setLocalDescription(offer);
      if (this.publishers.get(kind)?.pc !== pc) return;
      this.socket.send({
        type: 'sfu.publish',
        ref: 'sfu.publish',
        kind,
        jsep: { type: 'offer', sdp: offer.sdp! },
      });
    } catch {
      // The connection was closed meanwhile.
    }
  }

  private closePublisher(kind: SfuKind, tellServer = false) {
    const publisher = this.publishers.get(kind);
    if (!publisher) return;
    this.publishers.delete(kind);
    if (probe().publishers?.get(kind) === publisher.pc) probe().publishers!.delete(kind);
    publisher.pc.close();
    if (tellServer) this.socket.send({ type: 'sfu.unpublish', ref: `${QUIET}unpublish`, kind });
  }

  private subscribe(feed: Feed) {
    if (feed.peerId === this.selfId || this.subs.has(feed.feed)) return;
    // The same person's camera (or screen) published again: the new feed replaces the old.
    for (const sub of [...this.subs.values()])
      if (sub.feed.peerId === feed.peerId && sub.feed.kind === feed.kind) this.drop(sub.feed.feed);
    const screen = feed.kind === 'screen';
    const stream = new MediaStream();
    this.subs.set(feed.feed, {
      feed,
      pc: null,
      stream,
      media: {
        peerId: screen ? `${feed.peerId}:screen` : feed.peerId,
        stream: null,
        state: 'connecting',
        ...(screen ? { screenOf: feed.peerId } : {}),
      },
    });
    this.socket.send({ type: 'sfu.subscribe', ref: `${QUIET}subscribe:${feed.feed}`, feed: feed.feed });
    this.emit();
  }

  private async answer(feedId: number, jsep: { type: 'offer' | 'answer'; sdp: string }) {
    const sub = this.subs.get(feedId);
    if (!sub) return;
    if (!sub.pc) {
      const pc = this.newConnection();
      sub.pc = pc;
      probe().peers.set(sub.media.peerId, pc);
      pc.ontrack = (e) => {
        if (!sub.stream.getTracks().includes(e.track)) sub.stream.addTrack(e.track);
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
        if (pc.iceConnectionState === 'failed' && this.subs.get(feedId) === sub)
          this.socket.send({ type: 'sfu.restart', ref: `${QUIET}restart`, feed: feedId });
      };
    }
    const pc = sub.pc;
    try {
      await pc.setRemoteDescription(jsep);
      const answer = await pc.createAnswer();
      await pc.setLocalDescription(answer);
      if (this.subs.get(feedId) !== sub) return;
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

  private drop(feedId: number, emit = true) {
    const sub = this.subs.get(feedId);
    if (!sub) return;
    this.subs.delete(feedId);
    if (sub.pc) {
      if (probe().peers.get(sub.media.peerId) === sub.pc) probe().peers.delete(sub.media.peerId);
      sub.pc.close();
      this.socket.send({ type: 'sfu.unsubscribe', ref: `${QUIET}unsubscribe`, feed: feedId });
    }
    if (emit) this.emit();
  }

  /** A network change (another Wi-Fi, a cable): new ICE on every connection, without starting over. */
  private restartIce() {
    if (!this.started || this.destroyed) return;
    for (const kind of this.publishers.keys()) void this.publish(kind, true);
    for (const sub of this.subs.values())
      if (sub.pc) this.socket.send({ type: 'sfu.restart', ref: `${QUIET}restart`, feed: sub.feed.feed });
  }

  private update(sub: Subscription, patch: Partial<RemoteMedia>) {
    sub.media = { ...sub.media, ...patch };
    this.emit();
  }

  private snapshot() {
    return [...this.subs.values()].map((s) => s.media);
  }

  private emit() {
    const media = this.snapshot();
    for (const l of this.listeners) l(media);
  }
}

const candidateOf = (c: RTCIceCandidate) => ({
  candidate: c.candidate,
  sdpMid: c.sdpMid,
  sdpMLineIndex: c.sdpMLineIndex,
});

/** The Network Information API where the browser has it (Chromium): tells of a changed connection. */
const connectionInfo = () => (navigator as Navigator & { connection?: EventTarget }).connection;
