// What Janus' VideoRoom says, read for Lectern: the feeds in a publisher list (named `<peerId>:camera` or
// `<peerId>:screen`), whether an offer sends video, and which simulcast layer a wanted video quality is.
import type { Feed, SfuKind, VideoQuality } from '../messages.js';

export const parseFeeds = (list: unknown): Feed[] =>
  (Array.isArray(list) ? list : []).flatMap((p: { id?: unknown; display?: unknown }) => {
    const match = typeof p.display === 'string' ? /^([\w-]{1,64}):(camera|screen)$/.exec(p.display) : null;
    return typeof p.id === 'number' && match
      ? [{ feed: p.id, peerId: match[1]!, kind: match[2] as SfuKind }]
      : [];
  });

/** A publish that carries video (an `m=video` section with a port that is not 0). */
export const sendsVideo = (sdp: string) => /^m=video [1-9]/m.test(sdp);

/** The subscriber's video streams of a feed (their `mid`s), from Janus' answer to a subscriber join. */
export const videoMids = (streams: unknown): string[] =>
  (Array.isArray(streams) ? streams : []).flatMap((s: { type?: unknown; mid?: unknown }) =>
    s.type === 'video' && typeof s.mid === 'string' ? [s.mid] : [],
  );

/** Simulcast layers as the browser publishes them: 0 a quarter of the size, 1 half, 2 full. */
const SUBSTREAM: Record<Exclude<VideoQuality, 'off'>, number> = { low: 0, medium: 1, high: 2 };

/** The `streams` of a subscriber `configure` that receives `quality` of each video stream. */
export const qualityStreams = (mids: string[], quality: VideoQuality) =>
  mids.map((mid) =>
    quality === 'off' ? { mid, send: false } : { mid, send: true, substream: SUBSTREAM[quality] },
  );
