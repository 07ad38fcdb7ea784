// The lesson content and answers of a place where students answer: a live session (/api/live-sessions/:id) or
// a homework item (/api/enrollments/:id/homework/:homeworkId). Answers reload after each write and, for the
// teacher's progress, every few seconds (the server has no realtime push for answers).
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, idempotencyKey } from '../lib/api';
import type { Answer, LessonAnswers, LessonContent, SubmittedAnswer } from '../../../contract/lessons';

export type LessonPlace = {
  content: LessonContent | undefined;
  answers: LessonAnswers | undefined;
  error: ApiError | undefined;
  reload(): Promise<void>;
  submit(exerciseId: string, answer: Answer): Promise<SubmittedAnswer>;
  /** Writes that answer with the new answers (reveal, grade, hand in). */
  write(path: string, body?: unknown): Promise<LessonAnswers>;
};

export function useLessonPlace(base: string | null, pollMs = 0): LessonPlace {
  const [content, setContent] = useState<LessonContent>();
  const [answers, setAnswers] = useState<LessonAnswers>();
  const [error, setError] = useState<ApiError>();

  const reload = useCallback(async () => {
    if (!base) return;
    try {
      const [c, a] = await Promise.all([
        api.get<LessonContent>(`${base}/content`),
        api.get<LessonAnswers>(`${base}/answers`),
      ]);
      setContent(c);
      setAnswers(a);
      setError(undefined);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, String(e)));
    }
  }, [base]);

  useEffect(() => {
    void reload();
    if (!pollMs) return;
    const timer = setInterval(() => void reload(), pollMs);
    return () => clearInterval(timer);
  }, [reload, pollMs]);

  const submit = useCallback(
    async (exerciseId: string, answer: Answer) => {
      const result = await api.post<SubmittedAnswer>(
        `${base}/answers`,
        { exerciseId, answer },
        idempotencyKey(),
      );
      // The graded result shows at once from this answer; the list catches up in the background.
      void reload();
      return result;
    },
    [base, reload],
  );

  const write = useCallback(
    async (path: string, body: unknown = {}) => {
      const result = await api.post<LessonAnswers>(`${base}${path}`, body, idempotencyKey());
      setAnswers(result);
      await reload();
      return result;
    },
    [base, reload],
  );

  return { content, answers, error, reload, submit, write };
}
