// What each received video should be: the simulcast layer that fills its tile (a large tile, the active
// speaker's, gets the full picture; small ones a half or a quarter), or none in audio-only mode. And when my link
// is too weak for video: a few samples in a row with the uplink limited by bandwidth below what the smallest
// layers need, or heavy loss on what I receive.
import type { VideoQuality } from '../../../../../contract/realtime.js';

/** The camera's simulcast layers, highest first (Janus' order): full size, half, quarter. */
/** One simulcast encoding (the fields of RTCRtpEncodingParameters we set; typed here so Node tests can import it). */
export type SimulcastLayer = {
  rid: string;
  active: boolean;
  maxBitrate: number;
  scaleResolutionDownBy?: number;
};

export const SIMULCAST: SimulcastLayer[] = [
  { rid: 'h', active: true, maxBitrate: 600_000 },
  { rid: 'm', active: true, maxBitrate: 200_000, scaleResolutionDownBy: 2 },
  { rid: 'l', active: true, maxBitrate: 80_000, scaleResolutionDownBy: 4 },
];

/** The layer for a tile `height` CSS pixels tall (on a screen of `dpr` device pixels per CSS pixel). */
export function qualityForHeight(height: number, dpr = 1): Exclude<VideoQuality, 'off'> {
  const pixels = height * dpr;
  if (pixels > 240) return 'high';
  if (pixels > 120) return 'medium';
  return 'low';
}

export type LinkSample = {
  /** The uplink's estimate of what it may send (bits per second), when the browser reports it. */
  availableOutgoingBitrate?: number;
  /** The camera's encoder says bandwidth limits it. */
  limitedByBandwidth: boolean;
  /** Of the video packets expected since the last sample, the share lost (0..1). */
  inboundLoss: number;
};

/** Below this the camera's smallest layers and the sound do not fit together. */
export const WEAK_UPLINK_BPS = 120_000;
export const HEAVY_LOSS = 0.15;
/** Samples (every LINK_SAMPLE_MS) in a row that must be weak before video is dropped. */
export const WEAK_SAMPLES = 3;
export const LINK_SAMPLE_MS = 2000;

export const isWeak = (s: LinkSample) =>
  (s.limitedByBandwidth && (s.availableOutgoingBitrate ?? 0) < WEAK_UPLINK_BPS) || s.inboundLoss > HEAVY_LOSS;

/** True when the last WEAK_SAMPLES samples were all weak: time to fall back to audio only. */
export const tooWeakForVideo = (samples: LinkSample[]) =>
  samples.length >= WEAK_SAMPLES && samples.slice(-WEAK_SAMPLES).every(isWeak);
