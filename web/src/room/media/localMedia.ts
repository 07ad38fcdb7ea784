// My own media in the room: the microphone (muted or not), the camera (on, or a quiet placeholder picture so
// that turning it on later and sharing the screen are just track swaps), and the shared screen.
import { MediaProblem, openMedia, type ProblemKind } from './devices';

export type LocalState = { muted: boolean; cameraOn: boolean; sharing: boolean; preview: MediaStream };
/** Where my video goes: the mesh swaps tracks; the SFU publishes a shared screen beside the camera. */
type VideoSink = {
  sendVideo(track: MediaStreamTrack): void;
  shareScreen?(track: MediaStreamTrack): void;
  stopScreen?(): void;
};

export class LocalMedia {
  /** The stream handed to every peer connection: one audio track (if any) and one video track, always. */
  readonly stream: MediaStream;
  private placeholder: MediaStreamTrack;
  private camera: MediaStreamTrack | null;
  private screen: MediaStreamTrack | null = null;
  private sink: VideoSink | null = null;
  private listeners = new Set<(s: LocalState) => void>();
  private muted: boolean;
  private stopPlaceholder: () => void;
  private preview: { track: MediaStreamTrack | null; stream: MediaStream } = {
    track: null,
    stream: new MediaStream(),
  };

  constructor(
    source: MediaStream,
    options: { muted: boolean; cameraOff: boolean; name: string },
    private readonly cameraId: string | null = null,
  ) {
    const placeholder = placeholderTrack(options.name);
    this.placeholder = placeholder.track;
    this.stopPlaceholder = placeholder.stop;
    this.camera = source.getVideoTracks()[0] ?? null;
    if (this.camera && options.cameraOff) {
      this.camera.stop();
      this.camera = null;
    }
    const audio = source.getAudioTracks();
    this.stream = new MediaStream([...audio, this.camera ?? this.placeholder]);
    this.muted = options.muted || audio.length === 0;
    audio.forEach((t) => (t.enabled = !this.muted));
  }

  attach(sink: VideoSink) {
    this.sink = sink;
  }

  get state(): LocalState {
    const shown = this.screen ?? this.camera;
    // The same stream object while the shown track is the same, so the self view does not flicker.
    if (this.preview.track !== shown)
      this.preview = { track: shown, stream: new MediaStream(shown ? [shown] : []) };
    return {
      muted: this.muted,
      cameraOn: !!this.camera,
      sharing: !!this.screen,
      preview: this.preview.stream,
    };
  }

  get hasMicrophone() {
    return this.stream.getAudioTracks().length > 0;
  }

  onChange(listener: (s: LocalState) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  setMuted(muted: boolean) {
    if (!this.hasMicrophone) return;
    this.muted = muted;
    this.stream.getAudioTracks().forEach((t) => (t.enabled = !muted));
    this.emit();
  }

  async setCamera(on: boolean) {
    if (on && !this.camera) {
      const s = await openMedia(
        { cameraId: this.cameraId, microphoneId: null, speakerId: null },
        { camera: true, microphone: false },
      );
      this.camera = s.getVideoTracks()[0] ?? null;
    } else if (!on && this.camera) {
      this.camera.stop();
      this.camera = null;
    }
    if (!this.screen || this.sink?.shareScreen) this.sink?.sendVideo(this.camera ?? this.placeholder);
    this.emit();
  }

  /** Asks the browser for a window or the whole screen and sends it instead of the camera. */
  async shareScreen() {
    if (!navigator.mediaDevices?.getDisplayMedia) throw new MediaProblem('unsupported');
    let display: MediaStream;
    try {
      display = await navigator.mediaDevices.getDisplayMedia({
        video: { frameRate: { ideal: 15 } },
        audio: false,
      });
    } catch (e) {
      const name = e instanceof Error ? e.name : '';
      throw new MediaProblem((name === 'NotAllowedError' ? 'denied' : 'unknown') as ProblemKind);
    }
    const track = display.getVideoTracks()[0];
    if (!track) return;
    this.screen?.stop();
    this.screen = track;
    track.contentHint = 'detail';
    track.addEventListener('ended', () => this.stopSharing());
    if (this.sink?.shareScreen) this.sink.shareScreen(track);
    else this.sink?.sendVideo(track);
    this.emit();
  }

  stopSharing() {
    if (!this.screen) return;
    this.screen.stop();
    this.screen = null;
    if (this.sink?.stopScreen) this.sink.stopScreen();
    else this.sink?.sendVideo(this.camera ?? this.placeholder);
    this.emit();
  }

  close() {
    this.screen?.stop();
    this.camera?.stop();
    this.stream.getTracks().forEach((t) => t.stop());
    this.stopPlaceholder();
  }

  private emit() {
    const s = this.state;
    for (const l of this.listeners) l(s);
  }
}

/** A still picture with the person's initials, sent while the camera is off (one frame a second). */
function placeholderTrack(name: string) {
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 180;
  const ctx = canvas.getContext('2d');
  const initials = name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
  const draw = () => {
    if (!ctx) return;
    ctx.fillStyle = '#1f2937';
    ctx.fillRect(0, 0, 320, 180);
    ctx.fillStyle = '#e5e7eb';
    ctx.font = '600 56px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(initials, 160, 92);
  };
  draw();
  // Chromium only emits canvas frames after a paint, so repaint to keep the receiver's decoder fed.
  const timer = setInterval(draw, 1000);
  const track = canvas.captureStream(1).getVideoTracks()[0]!;
  return {
    track,
    stop() {
      clearInterval(timer);
      track.stop();
    },
  };
}
