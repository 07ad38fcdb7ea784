// Scores for the lists: the last attempt of each homework item (GET /api/homework) and a student's score per lesson
// of an enrollment (GET /api/enrollments/:id/lessons), from the lesson answers read model. Shapes in contract/.
import type { z } from 'zod';
import type { AppDeps } from '../deps.js';
import {
  lastAttempts,
  studentProgress,
  type AttemptRow,
  type ContextProgress,
} from '../../projections/lessonAnswers/queries.js';
import { loadContent } from '../../commands/lessonContent.js';
import { exercisesOf, maxPointsOf } from '../../domain/lessonContent/document.js';
import { contextKey } from '../../domain/lessonContent/content.js';
import type { AttemptSchema, LessonScoreSchema } from '../../contract/lessons.js';

type Attempt = z.infer<typeof AttemptSchema>;
type LessonScore = z.infer<typeof LessonScoreSchema>;

const attempt = ({ studentId: _s, ...a }: AttemptRow): Attempt => a;

/** Homework items with the last attempt handed in (null before the first). */
export async function withLastAttempts<H extends { id: string }>(deps: AppDeps, orgId: string, list: H[]) {
  const last = await lastAttempts(deps.db, { orgId, kind: 'homework', contextIds: list.map((h) => h.id) });
  return list.map((h) => {
    const found = last.get(h.id);
    return { ...h, lastAttempt: found ? attempt(found) : null };
  });
}

const atOf = (p: ContextProgress) => p.lastAttempt?.submittedAt ?? p.lastAnsweredAt ?? '';

/** The exercises and points of the revision a context is taught with (its pin, else the latest). */
async function documentTotals(deps: AppDeps, p: ContextProgress) {
  const { state } = await loadContent(deps, p.lessonId);
  if (state.status === 'none') return { maxPoints: 0, exercises: 0 };
  const revision = state.taught[contextKey({ kind: p.kind, id: p.contextId })] ?? state.revision;
  const document = state.revisions[revision]!.document;
  return { maxPoints: maxPointsOf(document), exercises: exercisesOf(document).length };
}

/**
 * A student's score per lesson: in the lesson's homework item if they answered there, else in the latest live
 * session they answered in. The last attempt handed in counts; before one, the answers given so far.
 */
export async function lessonScores(
  deps: AppDeps,
  orgId: string,
  studentId: string,
  lessons: { courseLessonId: string; homework: { id: string } | null }[],
): Promise<Map<string, LessonScore>> {
  const progress = await studentProgress(deps.db, {
    orgId,
    studentId,
    lessonIds: lessons.map((l) => l.courseLessonId),
  });
  const scores = new Map<string, LessonScore>();
  for (const lesson of lessons) {
    const mine = progress.filter((p) => p.lessonId === lesson.courseLessonId);
    const chosen =
      mine.find((p) => p.kind === 'homework' && p.contextId === lesson.homework?.id) ??
      mine.filter((p) => p.kind === 'live').sort((a, b) => atOf(b).localeCompare(atOf(a)))[0];
    if (!chosen) continue;
    const totals = await documentTotals(deps, chosen);
    const last = chosen.lastAttempt;
    const points = last ? last.score : chosen.points;
    const maxPoints = last ? last.maxScore : totals.maxPoints;
    scores.set(lesson.courseLessonId, {
      points,
      maxPoints,
      percent: last ? last.percent : maxPoints > 0 ? Math.round((points / maxPoints) * 1000) / 10 : 0,
      answered: chosen.answered,
      exercises: totals.exercises,
      outcome: last?.outcome ?? null,
      place: chosen.kind,
      placeId: chosen.contextId,
      at: atOf(chosen),
    });
  }
  return scores;
}
