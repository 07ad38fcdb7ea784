// What the room recorded about a session, for its post-session summaries: each student's minutes present,
// chat messages and poll answers, the speaking-time balance, the language that dominated the conversation (chat
// and lesson text, detected with franc) and the vocabulary the lesson introduced.
import type { EventStore } from './eventStore/port.js';
import { loadAggregate } from './handleCommand.js';
import { rooms } from './aggregates.js';
import type { ExistingSession } from '../domain/liveSession/state.js';
import { minutesPresent } from '../domain/liveSession/attendance.js';
import type { LessonDocument } from '../domain/lessonContent/document.js';
import { speakingBalance } from '../domain/room/speaking.js';
import { documentTexts, dominantLanguage } from '../domain/lessonAnalysis/language.js';
import type { Activity, SessionFacts } from '../domain/sessionSummary/summary.js';

export const liveRoomId = (liveSessionId: string) => `ls-${liveSessionId}`;

/** The vocabulary of the lesson's newest revision. */
export function newWordsOf(documents: Record<number, LessonDocument>): string[] {
  const newest = Object.keys(documents)
    .map(Number)
    .sort((a, b) => b - a)[0];
  const document = newest === undefined ? undefined : documents[newest];
  const words = (document?.blocks ?? []).flatMap((b) =>
    b.type === 'vocabulary'
      ? b.items.map((i) => (i.translation ? `${i.term} (${i.translation})` : i.term))
      : [],
  );
  return [...new Set(words)];
}

export async function sessionFacts(
  eventStore: EventStore,
  session: ExistingSession,
  students: string[],
  documents: Record<number, LessonDocument>,
): Promise<SessionFacts & { speakingOf: (id: string) => number | null }> {
  const room = (await loadAggregate(eventStore, rooms, liveRoomId(session.liveSessionId))).state;
  const until = session.endedAt ?? session.start;
  const chat = room.chat.filter((m) => !m.removed);
  const activity: Record<string, Activity> = {};
  for (const id of students)
    activity[id] = {
      minutesPresent: minutesPresent(session, id, until),
      chatMessages: chat.filter((m) => m.personId === id).length,
      pollAnswers: room.polls.filter((p) => p.answers[id] !== undefined).length,
    };
  const speaking = speakingBalance(room.speaking, [session.teacherId], students);
  const measured = speaking.totalSeconds > 0;
  const newest = Object.keys(documents)
    .map(Number)
    .sort((a, b) => b - a)[0];
  const lessonText = newest === undefined ? [] : documentTexts([documents[newest]!.blocks]);
  return {
    activity,
    speaking: measured ? speaking : null,
    language: dominantLanguage([...chat.map((m) => m.text), ...lessonText]),
    newWords: newWordsOf(documents),
    speakingOf: (id) => (measured ? (room.speaking[id]?.seconds ?? 0) : null),
  };
}
