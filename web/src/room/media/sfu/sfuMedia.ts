// Group video through the SFU (Janus' VideoRoom behind our gateway; the browser never talks to Janus): my
// camera (and microphone) published once in simulcast layers, my shared screen as a publisher of its own
// (publishers.ts), and one receiving connection per feed of everyone else (subscriptions.ts), each at the layer
// its tile needs. Who talks comes from the SFU (the active speaker gets the large tile). Audio only, chosen or
// forced by a weak link (videoQuality.ts), stops my video and every received video. A failed connection (or a
// network change) restarts ICE; a lost media server starts over.
import type { Feed, IceServer, ServerMessage, SfuKind } from '../../rt/protocol';
import type { RoomSocket } from '../../rt/socket';
import type { RemoteMedia } from '../mesh';
import { mark, probe } from '../../probe';
import { SfuPublishers } from './publishers';
import { SfuSubscriptions } from './subscriptions';
import { LINK_SAMPLE_MS, qualityForHeight, tooWeakForVideo, type LinkSample } from './videoQuality';
import { sampleLink } from './linkSample';

const RETRY_MS = 2000;

/** What the room shows of the SFU beside the tiles. */
export type SfuView = {
  /** Why I receive and send no video: chosen, or my link is too weak; null when video flows. */
  audioOnly: 'chosen' | 'weak' | null;
  /** The peer who talks (or last talked): the large tile. */
  speaker: string | null;
  /** Whose video the host has stopped (person ids). */
  videoStopped: string[];
};

export class SfuMedia {
  private publishers: SfuPublishers;
  private subs: SfuSubscriptions;
  private listeners = new Set<(media: RemoteMedia[]) => void>();
  private viewListeners = new Set<(view: SfuView) => void>();
  private view: SfuView = { audioOnly: null, speaker: null, videoStopped: [] };
  private tileHeights = new Map<string, number>();
  private samples: LinkSample[] = [];
  private videoTrack: MediaStreamTrack | null;
  private screenTrack: MediaStreamTrack | null = null;
  private videoAllowed = true;
  private started = false;
  private destroyed = false;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private monitor: ReturnType<typeof setInterval>;
  private readonly onNetworkChange = () => this.restartIce();

  constructor(
    private readonly socket: RoomSocket,
    private selfId: string,
    private readonly personId: string,
    iceServers: IceServer[],
    private readonly local: MediaStream,
  ) {
    this.videoTrack = local.getVideoTracks()[0] ?? null;
    this.publishers = new SfuPublishers(socket, iceServers, local);
    this.subs = new SfuSubscriptions(socket, iceServers, () => this.emit());
    probe().mediaMode = 'sfu';
    probe().selfPeerId = selfId;
    window.addEventListener('online', this.onNetworkChange);
    connectionInfo()?.addEventListener('change', this.onNetworkChange);
    this.monitor = setInterval(() => void this.sampleLink(), LINK_SAMPLE_MS);
  }

  /** Joins the video room (again): everything of before is let go and made afresh. */
  start() {
    if (this.destroyed) return;
    clearTimeout(this.retry);
    this.teardown();
    this.started = true;
    mark('sfu.join.sent');
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
        mark('sfu.joined');
        this.videoAllowed = m.videoAllowed;
        this.setView({ videoStopped: m.videoStopped ?? [] });
        void this.publishCamera();
        if (this.screenTrack && this.videoAllowed) void this.publishers.publish('screen', this.screenTrack);
        for (const feed of m.feeds) this.subscribe(feed);
        return;
      case 'sfu.feeds':
        for (const feed of m.removed) this.subs.drop(feed);
        for (const feed of m.added) this.subscribe(feed);
        return;
      case 'sfu.answer':
        this.publishers.answered(m.kind, m.jsep);
        return;
      case 'sfu.offer':
        mark('sfu.offer.received');
        void this.subs.answer(m.feed, m.jsep).then(() => this.applyQuality(m.feed));
        return;
      case 'sfu.reset':
        this.later();
        return;
      case 'sfu.talking': {
        const peerId = this.subs.peerOf(m.feed);
        // The speaker stays large until someone else talks.
        if (peerId && m.talking && peerId !== this.view.speaker) this.setView({ speaker: peerId });
        return;
      }
      case 'sfu.video': {
        const stopped = this.view.videoStopped.filter((p) => p !== m.personId);
        this.setView({ videoStopped: m.allowed ? stopped : [...stopped, m.personId] });
        if (m.personId !== this.personId || m.allowed === this.videoAllowed) return;
        this.videoAllowed = m.allowed;
        if (!m.allowed) this.publishers.close('screen', true);
        // Sound only while video is stopped; both again when it is allowed.
        void this.publishCamera();
        if (m.allowed && this.screenTrack) void this.publishers.publish('screen', this.screenTrack);
        return;
      }
      case 'peer.left':
        for (const sub of this.subs.all()) if (sub.feed.peerId === m.peerId) this.subs.drop(sub.feed.feed);
        if (this.view.speaker === m.peerId) this.setView({ speaker: null });
        return;
      case 'error':
        if (m.ref === 'sfu.join') this.later();
        else if (m.ref?.startsWith('sfu:subscribe:')) this.subs.drop(Number(m.ref.slice(14)));
        return;
    }
  }

  /** Audio only (chosen, or a weak link): no video sent or received; `null` turns video back on. */
  setAudioOnly(reason: SfuView['audioOnly']) {
    if (reason === this.view.audioOnly) return;
    this.samples = [];
    this.setView({ audioOnly: reason });
    probe().audioOnly = reason !== null;
    if (this.started) void this.publishCamera();
    for (const sub of this.subs.all()) this.applyQuality(sub.feed.feed);
  }

  /** A tile's height on screen: its feed is received at the layer that fills it. */
  tileSize(tileId: string, height: number) {
    this.tileHeights.set(tileId, height);
    const feed = this.subs.feedOf(tileId);
    if (feed !== undefined) this.applyQuality(feed);
  }

  /** The camera or its placeholder picture (camera off) on the published connection, without renegotiating. */
  sendVideo(track: MediaStreamTrack) {
    this.videoTrack = track;
    this.publishers.replaceVideo(track);
  }

  /** The shared screen is a feed of its own: everyone gets it beside my camera. */
  shareScreen(track: MediaStreamTrack) {
    this.screenTrack = track;
    this.publishers.close('screen', true);
    if (this.started) void this.publishers.publish('screen', track);
  }

  stopScreen() {
    this.screenTrack = null;
    this.publishers.close('screen', true);
  }

  onChange(listener: (media: RemoteMedia[]) => void) {
    this.listeners.add(listener);
    listener(this.subs.media());
    return () => void this.listeners.delete(listener);
  }

  onView(listener: (view: SfuView) => void) {
    this.viewListeners.add(listener);
    listener(this.view);
    return () => void this.viewListeners.delete(listener);
  }

  destroy() {
    this.destroyed = true;
    clearTimeout(this.retry);
    clearInterval(this.monitor);
    window.removeEventListener('online', this.onNetworkChange);
    connectionInfo()?.removeEventListener('change', this.onNetworkChange);
    this.teardown();
    this.listeners.clear();
    this.viewListeners.clear();
  }

  private publishCamera() {
    const video = this.videoAllowed && !this.view.audioOnly ? this.videoTrack : null;
    return this.publishers.publish('camera', video);
  }

  private subscribe(feed: Feed) {
    if (feed.peerId !== this.selfId) this.subs.add(feed);
  }

  private applyQuality(feedId: number) {
    const sub = this.subs.all().find((s) => s.feed.feed === feedId);
    if (!sub?.pc) return;
    const height = this.tileHeights.get(sub.media.peerId);
    this.subs.setQuality(
      feedId,
      this.view.audioOnly ? 'off' : height ? qualityForHeight(height, window.devicePixelRatio) : 'medium',
    );
  }

  private async sampleLink() {
    if (!this.started || this.view.audioOnly) return;
    const sample = await sampleLink(this.publishers.camera(), this.subs.connections());
    if (!sample) return;
    this.samples = [...this.samples.slice(-4), sample];
    if (tooWeakForVideo(this.samples)) this.setAudioOnly('weak');
  }

  private later() {
    clearTimeout(this.retry);
    this.retry = setTimeout(() => this.start(), RETRY_MS);
  }

  private teardown() {
    this.publishers.closeAll();
    this.subs.dropAll();
    this.emit();
  }

  /** A network change (another Wi-Fi, a cable): new ICE on every connection, without starting over. */
  private restartIce() {
    if (!this.started || this.destroyed) return;
    for (const kind of this.publishers.kinds() as SfuKind[])
      void this.publishers.publish(kind, kind === 'screen' ? this.screenTrack : this.cameraVideo(), true);
    this.subs.restartAll();
  }

  private cameraVideo() {
    return this.videoAllowed && !this.view.audioOnly ? this.videoTrack : null;
  }

  private setView(patch: Partial<SfuView>) {
    this.view = { ...this.view, ...patch };
    probe().speaker = this.view.speaker;
    for (const l of this.viewListeners) l(this.view);
  }

  private emit() {
    const media = this.subs.media();
    for (const l of this.listeners) l(media);
  }
}

/** The Network Information API where the browser has it (Chromium): tells of a changed connection. */
const connectionInfo = () => (navigator as Navigator & { connection?: EventTarget }).connection;
