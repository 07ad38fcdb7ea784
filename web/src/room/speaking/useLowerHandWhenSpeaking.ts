// A raised hand goes down by itself once its person has spoken for a moment (as in Meet): they have the floor.
// Measured from my own microphone while it is on, with the same voice activity as the speaking-time balance.
import { useEffect, useRef } from 'react';
import { VoiceActivity } from './voiceActivity';

/** How much speech (seconds) lowers a raised hand. */
export const SPOKEN_TO_LOWER_S = 1.5;
const LOOK_MS = 500;

export function useLowerHandWhenSpeaking(
  stream: MediaStream | null,
  handUp: boolean,
  muted: boolean,
  lower: () => void,
) {
  const latest = useRef(lower);
  latest.current = lower;
  useEffect(() => {
    if (!handUp || muted || !stream || stream.getAudioTracks().length === 0) return;
    const activity = new VoiceActivity(stream);
    activity.start();
    let spoken = 0;
    const timer = setInterval(() => {
      spoken += activity.take();
      if (spoken >= SPOKEN_TO_LOWER_S) {
        clearInterval(timer);
        latest.current();
      }
    }, LOOK_MS);
    return () => {
      clearInterval(timer);
      activity.stop();
    };
  }, [stream, handUp, muted]);
}
