// Cameras and microphones: listing them, opening the chosen ones, and a friendly message for each way it fails.
import { i18next } from '../../i18n';

export type DeviceChoice = { cameraId: string | null; microphoneId: string | null; speakerId: string | null };
export type DeviceLists = {
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
  speakers: MediaDeviceInfo[];
};

export async function listDevices(): Promise<DeviceLists> {
  if (!navigator.mediaDevices?.enumerateDevices) return { cameras: [], microphones: [], speakers: [] };
  const all = await navigator.mediaDevices.enumerateDevices();
  return {
    cameras: all.filter((d) => d.kind === 'videoinput'),
    microphones: all.filter((d) => d.kind === 'audioinput'),
    speakers: all.filter((d) => d.kind === 'audiooutput'),
  };
}

/** Opens the chosen camera and microphone. With `camera: false` only audio is asked for. */
export async function openMedia(choice: DeviceChoice, want: { camera: boolean; microphone: boolean }) {
  if (!navigator.mediaDevices?.getUserMedia) throw new MediaProblem('unsupported');
  const constraints: MediaStreamConstraints = {
    video: want.camera
      ? {
          deviceId: choice.cameraId ? { exact: choice.cameraId } : undefined,
          width: { ideal: 640 },
          height: { ideal: 360 },
          frameRate: { ideal: 24 },
        }
      : false,
    audio: want.microphone
      ? {
          deviceId: choice.microphoneId ? { exact: choice.microphoneId } : undefined,
          echoCancellation: true,
          noiseSuppression: true,
        }
      : false,
  };
  if (!constraints.video && !constraints.audio) return new MediaStream();
  try {
    return await navigator.mediaDevices.getUserMedia(constraints);
  } catch (e) {
    throw new MediaProblem(problemKind(e));
  }
}

export type ProblemKind =
  'denied' | 'not_found' | 'busy' | 'overconstrained' | 'unsupported' | 'insecure' | 'unknown';

export class MediaProblem extends Error {
  constructor(readonly kind: ProblemKind) {
    super(mediaMessage(kind));
  }
}

function problemKind(e: unknown): ProblemKind {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  if (!window.isSecureContext) return 'insecure';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'DevicesNotFoundError') return 'not_found';
  if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError') return 'busy';
  if (name === 'OverconstrainedError') return 'overconstrained';
  return 'unknown';
}

/** What a person reads for a device problem, in the interface's language. */
export const mediaMessage = (kind: ProblemKind) => i18next.t(`media.${kind}`, { ns: 'room' });

export function stopStream(stream: MediaStream | null | undefined) {
  stream?.getTracks().forEach((t) => t.stop());
}
