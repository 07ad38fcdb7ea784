// The lesson-content specifications' fixtures: a document in two revisions (v2 drops the gap fill), its
// exercises, and builders of answer commands and events.
import { LessonDocument, type Exercise } from '../../domain/lessonContent/document.js';
import { exerciseIn, type LessonContentEvent } from '../../domain/lessonContent/content.js';
import type { LessonAnswersEvent, LessonAnswersCommand } from '../../domain/lessonContent/answers.js';

export const now = '2026-11-27T10:00:00.000Z';
export const later = '2026-11-27T10:05:00.000Z';
export const lessonId = 'lesson';
export const live = { kind: 'live' as const, id: 's1' };
export const homework = { kind: 'homework' as const, id: 'h1' };
export const ref = { context: live, studentId: 'st', lessonId };

export const v1 = LessonDocument.parse({
  schemaVersion: 1,
  blocks: [
    { type: 'trueFalse', id: 'tf', points: 2, statement: 'London is in France', answer: false },
    {
      type: 'gapFill',
      id: 'gap',
      points: 2,
      sentences: [{ text: 'She {{}} home.', gaps: [{ accepted: ['went', 'walked'] }] }],
    },
    { type: 'essay', id: 'essay', points: 6, prompt: 'Your weekend' },
  ],
});
export const v2 = { ...v1, blocks: v1.blocks.filter((b) => b.type !== 'gapFill') };

export const revised = (
  revision: number,
  document: typeof v1,
  changes = { added: [], removed: [], changed: [] } as {
    added: string[];
    removed: string[];
    changed: string[];
  },
): LessonContentEvent => ({
  type: 'LessonContentRevised',
  data: { lessonId, courseId: 'c', orgId: 'o', revision, document, changes, by: 't', at: now },
});

export const tf = exerciseIn(v1, 'tf')!;
export const gap = exerciseIn(v1, 'gap')!;
export const essay = exerciseIn(v1, 'essay')!;

export const submit = (
  exercise: Exercise | undefined,
  answer: Extract<LessonAnswersCommand, { type: 'SubmitAnswer' }>['answer'],
  extra = {},
) =>
  ({
    type: 'SubmitAnswer',
    ...ref,
    now,
    exerciseId: exercise?.id ?? 'gap',
    exercise,
    revision: 1,
    answer,
    closed: null,
    revealed: false,
    ...extra,
  }) as LessonAnswersCommand;

export const answered = (
  type: 'AnswerSubmitted' | 'AnswerChanged',
  exercise: Exercise,
  answer: unknown,
  points: number | null,
  extra: Record<string, unknown> = {},
): LessonAnswersEvent =>
  ({
    type,
    data: {
      ...ref,
      revision: 1,
      attempt: 1,
      exerciseId: exercise.id,
      exerciseType: exercise.type,
      answer,
      points,
      maxPoints: exercise.points,
      correct: points === null ? null : points === exercise.points,
      wordCount: null,
      at: now,
      ...extra,
    },
  }) as LessonAnswersEvent;
