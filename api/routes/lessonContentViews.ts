// What the lesson content routes answer: a lesson's content as the caller may see it (the whole document for staff,
// the student view for students until the answers are revealed) and the answers given in a live session or a
// homework item. Shapes in contract/lessons.ts.
import type { z } from 'zod';
import type { AppDeps } from '../deps.js';
import type { Actor } from '../../auth/sessions.js';
import { exercisesOf, maxPointsOf, type LessonDocument } from '../../domain/lessonContent/document.js';
import { studentView } from '../../domain/lessonContent/studentView.js';
import { answerKey } from '../../domain/lessonContent/grading.js';
import type { Revision } from '../../domain/lessonContent/content.js';
import { emptyDocument } from '../../commands/lessonContent.js';
import { contentIn, type Place } from '../../commands/lessonAnswers.js';
import { answersIn } from '../../projections/lessonAnswers/queries.js';
import type { LessonAnswersSchema, LessonContentSchema, LessonDocumentOut } from '../../contract/lessons.js';

export const isStaff = (actor: Actor) => actor.role !== 'student';

export function contentView(
  lessonId: string,
  actor: Actor,
  revision: Revision | null,
  revealed: boolean,
): z.infer<typeof LessonContentSchema> {
  const document: LessonDocument = revision?.document ?? emptyDocument();
  const full = isStaff(actor) || revealed;
  return {
    lessonId,
    revision: revision?.revision ?? 0,
    updatedAt: revision?.at ?? null,
    updatedBy: isStaff(actor) ? (revision?.by ?? null) : null,
    view: full ? 'full' : 'student',
    revealed,
    document: (full ? document : studentView(document)) as z.infer<typeof LessonDocumentOut>,
  };
}

/** The content of a context, in the revision it is taught with. */
export async function contextContentView(deps: AppDeps, actor: Actor, place: Place) {
  const c = await contentIn(deps, place);
  return contentView(place.lessonId, actor, c.revision, c.revealed);
}

/** The answers in a context: every student's for staff, a student's own; the key for staff or once revealed. */
export async function answersView(
  deps: AppDeps,
  actor: Actor,
  place: Place,
): Promise<z.infer<typeof LessonAnswersSchema>> {
  const c = await contentIn(deps, place);
  const document = c.revision.document;
  const exercises = exercisesOf(document);
  const maxScore = maxPointsOf(document);
  const own = !isStaff(actor);
  const rows = await answersIn(deps.db, {
    orgId: actor.orgId,
    kind: place.context.kind,
    contextId: place.context.id,
    studentId: own ? actor.personId : undefined,
  });
  const studentIds = own ? [actor.personId] : place.studentIds;
  const key =
    isStaff(actor) || c.revealed ? Object.fromEntries(exercises.map((e) => [e.id, answerKey(e)])) : null;
  return {
    lessonId: place.lessonId,
    revision: c.revision.revision,
    revealed: c.revealed,
    key,
    students: studentIds.map((studentId) => {
      const mine = rows.answers.filter((a) => a.studentId === studentId);
      return {
        studentId,
        answered: mine.length,
        correct: mine.filter((a) => a.correct === true).length,
        score: Math.round(mine.reduce((s, a) => s + (a.points ?? 0), 0) * 100) / 100,
        maxScore,
        exercises: exercises.length,
        answers: mine.map(({ studentId: _s, gradedAt: _g, ...a }) => ({
          ...a,
          status: a.points === null ? ('awaiting_teacher' as const) : ('graded' as const),
        })),
        attempts: rows.attempts.filter((t) => t.studentId === studentId).map(({ studentId: _s, ...t }) => t),
      };
    }),
  };
}
