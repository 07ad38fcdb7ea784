// My sending connections to the SFU: the camera (with the microphone; the video in three simulcast layers so each
// receiver gets the size its tile needs) and a shared screen as a publisher of its own. An ICE failure restarts
// ICE on the same connection; everything else (video stopped or allowed, audio only) publishes afresh.
import type { IceServer, SfuKind } from '../../rt/protocol';
import type { RoomSocket } from '../../rt/socket';
import { probe } from '../../probe';
import { SIMULCAST } from './videoQuality';

type Publisher = { pc: RTCPeerConnection; video: RTCRtpSender | null };
export const QUIET = 'sfu:';

export class SfuPublishers {
  private publishers = new Map<SfuKind, Publisher>();

  constructor(
    private readonly socket: RoomSocket,
    private readonly iceServers: IceServer[],
    private readonly local: MediaStream,
  ) {
    probe().publishers ??= new Map();
  }

  kinds() {
    return [...this.publishers.keys()];
  }

  /** Sends `video` (none: sound only) on the `kind` connection, made afresh unless only ICE restarts. */
  async publish(kind: SfuKind, video: MediaStreamTrack | null, iceRestart = false) {
    let publisher = this.publishers.get(kind);
    if (!publisher || !iceRestart) {
      if (publisher) this.close(kind, true);
      const audio = kind === 'camera' ? this.local.getAudioTracks() : [];
      if (!video && audio.length === 0) return;
      const pc = new RTCPeerConnection({ iceServers: this.iceServers, bundlePolicy: 'max-bundle' });
      for (const track of audio) pc.addTransceiver(track, { direction: 'sendonly', streams: [this.local] });
      const sender = video
        ? pc.addTransceiver(video, {
            direction: 'sendonly',
            // A shared screen is one full-size picture; the camera goes in layers.
            ...(kind === 'camera' ? { sendEncodings: SIMULCAST.map((e) => ({ ...e })) } : {}),
          }).sender
        : null;
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
          void this.publish(kind, video, true);
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

  answered(kind: SfuKind, jsep: RTCSessionDescriptionInit) {
    void this.publishers
      .get(kind)
      ?.pc.setRemoteDescription(jsep)
      .catch(() => undefined);
  }

  /** The camera or its placeholder picture on the published connection, without renegotiating. */
  replaceVideo(track: MediaStreamTrack) {
    const sender = this.publishers.get('camera')?.video;
    if (sender) void sender.replaceTrack(track).catch(() => undefined);
  }

  /** The camera connection, for sampling the link. */
  camera() {
    return this.publishers.get('camera')?.pc ?? null;
  }

  close(kind: SfuKind, tellServer = false) {
    const publisher = this.publishers.get(kind);
    if (!publisher) return;
    this.publishers.delete(kind);
    if (probe().publishers?.get(kind) === publisher.pc) probe().publishers!.delete(kind);
    publisher.pc.close();
    if (tellServer) this.socket.send({ type: 'sfu.unpublish', ref: `${QUIET}unpublish`, kind });
  }

  closeAll() {
    for (const kind of this.kinds()) this.close(kind);
  }
}

export const candidateOf = (c: RTCIceCandidate) => ({
  candidate: c.candidate,
  sdpMid: c.sdpMid,
  sdpMLineIndex: c.sdpMLineIndex,
});
