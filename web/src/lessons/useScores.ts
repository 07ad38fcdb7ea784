// Scores of a student in several places at once (homework items, live sessions): each place's answers GET, the
// student's line of it. A place without lesson content has no score. One request per place: the lists are short.
import { useEffect, useState } from 'react';
import { api } from '../lib/api';
import type { AnswerAttempt, LessonAnswers } from '../../../contract/lessons';

export type Score = {
  score: number;
  maxScore: number;
  answered: number;
  exercises: number;
  lastAttempt: AnswerAttempt | null;
};

/** `places`: key -> answers base path (`/api/enrollments/:id/homework/:hid`, `/api/live-sessions/:id`). */
export function useScores(places: Record<string, string>, studentId: string | null, refresh = 0) {
  const [scores, setScores] = useState<Record<string, Score | null>>({});
  const signature = JSON.stringify(places);
  useEffect(() => {
    let live = true;
    const entries = Object.entries(JSON.parse(signature) as Record<string, string>);
    void Promise.all(
      entries.map(async ([key, base]) => {
        try {
          const a = await api.get<LessonAnswers>(`${base}/answers`);
          const mine =
            a.students.find((s) => s.studentId === studentId) ??
            (a.students.length === 1 ? a.students[0] : undefined);
          if (!mine) return [key, null] as const;
          const lastAttempt = mine.attempts[mine.attempts.length - 1] ?? null;
          return [
            key,
            {
              score: mine.score,
              maxScore: mine.maxScore,
              answered: mine.answered,
              exercises: mine.exercises,
              lastAttempt,
            },
          ] as const;
        } catch {
          return [key, null] as const;
        }
      }),
    ).then((pairs) => live && setScores(Object.fromEntries(pairs)));
    return () => {
      live = false;
    };
  }, [signature, studentId, refresh]);
  return scores;
}

/** "7 / 10" from the attempt handed in, else from the answers so far; "—" without exercises. */
export function scoreText(s: Score | null | undefined): string {
  if (!s || s.exercises === 0) return '—';
  if (s.lastAttempt)
    return `${s.lastAttempt.score} / ${s.lastAttempt.maxScore} (${Math.round(s.lastAttempt.percent)} %)`;
  return `${s.score} / ${s.maxScore}`;
}
