// One look at my link, from the browser's WebRTC statistics: what the uplink may send and whether bandwidth
// limits the camera (the camera's connection), and the share of video packets lost on what I receive since the
// last look.
import type { LinkSample } from './videoQuality';

type Stat = {
  type: string;
  kind?: string;
  nominated?: boolean;
  state?: string;
  availableOutgoingBitrate?: number;
  qualityLimitationReason?: string;
  packetsLost?: number;
  packetsReceived?: number;
};

const counted = new WeakMap<RTCPeerConnection, { lost: number; received: number }>();

export async function sampleLink(
  camera: RTCPeerConnection | null,
  receiving: RTCPeerConnection[],
): Promise<LinkSample | null> {
  try {
    let availableOutgoingBitrate: number | undefined;
    let limitedByBandwidth = false;
    if (camera)
      (await camera.getStats()).forEach((s: Stat) => {
        if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded')
          availableOutgoingBitrate = s.availableOutgoingBitrate ?? availableOutgoingBitrate;
        if (s.type === 'outbound-rtp' && s.kind === 'video' && s.qualityLimitationReason === 'bandwidth')
          limitedByBandwidth = true;
      });
    let lost = 0;
    let expected = 0;
    for (const pc of receiving) {
      let now = { lost: 0, received: 0 };
      (await pc.getStats()).forEach((s: Stat) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video')
          now = { lost: now.lost + (s.packetsLost ?? 0), received: now.received + (s.packetsReceived ?? 0) };
      });
      const before = counted.get(pc) ?? { lost: 0, received: 0 };
      counted.set(pc, now);
      lost += Math.max(0, now.lost - before.lost);
      expected += Math.max(0, now.lost - before.lost) + Math.max(0, now.received - before.received);
    }
    return {
      availableOutgoingBitrate,
      limitedByBandwidth,
      inboundLoss: expected > 0 ? lost / expected : 0,
    };
  } catch {
    // A connection closed while looking.
    return null;
  }
}
