// My own voice activity, measured from my microphone with a Web Audio analyser: every 100 ms the loudness (RMS)
// of the last frame; above a threshold that adapts to the room's background noise counts as speaking. The
// seconds add up until they are taken for a report.
export const FRAME_MS = 100;
const MIN_THRESHOLD = 0.02;

export class VoiceActivity {
  private context: AudioContext | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private noise = MIN_THRESHOLD / 2;
  private spokenMs = 0;

  constructor(private readonly stream: MediaStream) {}

  start() {
    const track = this.stream.getAudioTracks()[0];
    if (!track || typeof AudioContext === 'undefined') return;
    const context = (this.context = new AudioContext());
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const frame = new Float32Array(analyser.fftSize);
    this.timer = setInterval(() => {
      // A muted microphone (track disabled) is silence: nobody heard it.
      if (!track.enabled || track.readyState !== 'live') return;
      analyser.getFloatTimeDomainData(frame);
      let sum = 0;
      for (const x of frame) sum += x * x;
      const rms = Math.sqrt(sum / frame.length);
      const speaking = rms > Math.max(MIN_THRESHOLD, this.noise * 3);
      if (speaking) this.spokenMs += FRAME_MS;
      // The background follows quiet frames slowly, so a steady hum does not count as speech.
      else this.noise = this.noise * 0.95 + rms * 0.05;
    }, FRAME_MS);
  }

  /** The seconds spoken since the last call. */
  take(): number {
    const seconds = Math.round(this.spokenMs / 100) / 10;
    this.spokenMs = 0;
    return seconds;
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    void this.context?.close();
    this.context = null;
  }
}
