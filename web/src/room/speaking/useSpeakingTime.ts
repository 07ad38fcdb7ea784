// Reports my speaking seconds to the room every 10 s while I am in it (nothing while silent), and, for the
// teacher, keeps the room's speaking-time balance fresh.
import { useEffect, useState } from 'react';
import { api } from '../../lib/api';
import type { SpeakingTime } from '../../../../contract/speakingTime';
import { VoiceActivity } from './voiceActivity';

export const REPORT_MS = 10_000;

export function useSpeakingReports(roomId: string, stream: MediaStream | null) {
  useEffect(() => {
    if (!stream || stream.getAudioTracks().length === 0) return;
    const activity = new VoiceActivity(stream);
    activity.start();
    const timer = setInterval(() => {
      const seconds = Math.min(activity.take(), 15);
      if (seconds > 0) void api.post(`/api/rooms/${roomId}/speaking`, { seconds }).catch(() => {});
    }, REPORT_MS);
    return () => {
      clearInterval(timer);
      activity.stop();
    };
  }, [roomId, stream]);
}

export function useSpeakingBalance(roomId: string, enabled: boolean) {
  const [balance, setBalance] = useState<SpeakingTime | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const load = () =>
      api
        .get<SpeakingTime>(`/api/rooms/${roomId}/speaking`)
        .then((b) => live && setBalance(b))
        .catch(() => {});
    void load();
    const timer = setInterval(load, REPORT_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [roomId, enabled]);
  return balance;
}
