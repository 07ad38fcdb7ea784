// What the browser decides on its own through the SFU: the simulcast layer for a tile of a given size, and when
// a link is too weak for video (audio-only fallback): only several weak samples in a row, not one bad moment.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  qualityForHeight,
  tooWeakForVideo,
  WEAK_SAMPLES,
  type LinkSample,
} from '../../web/src/room/media/sfu/videoQuality.js';

const good: LinkSample = { availableOutgoingBitrate: 900_000, limitedByBandwidth: false, inboundLoss: 0.01 };
const starved: LinkSample = { availableOutgoingBitrate: 60_000, limitedByBandwidth: true, inboundLoss: 0 };
const lossy: LinkSample = { availableOutgoingBitrate: 900_000, limitedByBandwidth: false, inboundLoss: 0.3 };

test('a large tile gets the full picture, a filmstrip tile half, a thumbnail a quarter', () => {
  assert.is(qualityForHeight(268), 'high');
  assert.is(qualityForHeight(166), 'medium');
  assert.is(qualityForHeight(90), 'low');
  assert.is(qualityForHeight(166, 2), 'high', 'a high-density screen needs more pixels');
});

test('video drops to audio only after several weak samples in a row, not after one', () => {
  assert.not.ok(tooWeakForVideo([starved]));
  assert.not.ok(tooWeakForVideo([starved, starved, good]));
  assert.ok(tooWeakForVideo(Array.from({ length: WEAK_SAMPLES }, () => starved)));
  assert.ok(tooWeakForVideo([good, lossy, starved, lossy].slice(-WEAK_SAMPLES)));
  // Bandwidth-limited but with room enough for the small layers is not weak.
  assert.not.ok(tooWeakForVideo([1, 2, 3].map(() => ({ ...starved, availableOutgoingBitrate: 400_000 }))));
});

test.run();
