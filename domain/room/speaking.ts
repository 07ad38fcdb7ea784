// The speaking-time balance of a room: each person's seconds and share of all speech, the teacher's side and the
// students' side, from the speaking time their browsers reported.
import type { RoomState } from './state.js';

export type SpeakingShare = { personId: string; seconds: number; share: number | null };
export type SpeakingBalance = {
  totalSeconds: number;
  hostSeconds: number;
  participantSeconds: number;
  /** The students' part of all speech, 0 to 1; null before anyone spoke. */
  participantShare: number | null;
  people: SpeakingShare[];
};

const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;

/** Everyone in `hostIds` and `participantIds`, the silent ones with 0 s, the most talkative first. */
export function speakingBalance(
  speaking: RoomState['speaking'],
  hostIds: string[],
  participantIds: string[],
): SpeakingBalance {
  const ids = [...new Set([...hostIds, ...participantIds, ...Object.keys(speaking)])];
  const seconds = (id: string) => speaking[id]?.seconds ?? 0;
  const total = round(ids.reduce((s, id) => s + seconds(id), 0));
  const hosts = new Set(hostIds);
  const hostSeconds = round(ids.filter((id) => hosts.has(id)).reduce((s, id) => s + seconds(id), 0));
  const people = ids
    .map((personId) => ({
      personId,
      seconds: seconds(personId),
      share: total === 0 ? null : round(seconds(personId) / total, 3),
    }))
    .sort((a, b) => b.seconds - a.seconds || a.personId.localeCompare(b.personId));
  return {
    totalSeconds: total,
    hostSeconds,
    participantSeconds: round(total - hostSeconds),
    participantShare: total === 0 ? null : round((total - hostSeconds) / total, 3),
    people,
  };
}
