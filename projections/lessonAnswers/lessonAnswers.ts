// The lesson answers read model: per context (live session or homework item) and student, the current answer to
// each exercise with its grade, and the attempts handed in. Fed the lessonAnswers events (parsed here with the
// domain's schema: it reads every event and keeps its own).
import type { RecordedEvent } from '../../commands/eventStore/port.js';
import { LessonAnswersEvent } from '../../domain/lessonContent/answers.js';
import { projectionOfAll, type ProjectionDb } from '../projection.js';

const TYPES = new Set<string>(LessonAnswersEvent.options.map((o) => o.shape.type.value));

export const lessonAnswersProjection = projectionOfAll(
  'lessonAnswers',
  ['lesson_answers', 'lesson_answer_attempts'],
  async (db: ProjectionDb, recorded: RecordedEvent) => {
    if (!TYPES.has(recorded.type)) return;
    const event = LessonAnswersEvent.parse({ type: recorded.type, data: recorded.data });
    const orgId = recorded.metadata.orgId;
    const d = event.data;
    const key = { context_kind: d.context.kind, context_id: d.context.id, student_id: d.studentId };
    switch (event.type) {
      case 'AnswerSubmitted':
      case 'AnswerChanged': {
        const a = event.data;
        const row = {
          ...key,
          exercise_id: a.exerciseId,
          org_id: orgId,
          lesson_id: a.lessonId,
          revision: a.revision,
          attempt: a.attempt,
          exercise_type: a.exerciseType,
          answer: JSON.stringify(a.answer),
          points: a.points,
          max_points: a.maxPoints,
          correct: a.correct,
          word_count: a.wordCount,
          comment: null,
          answered_at: a.at,
          graded_at: a.points === null ? null : a.at,
        };
        const { context_kind: _k, context_id: _c, student_id: _s, exercise_id: _e, ...update } = row;
        await db
          .insertInto('lesson_answers')
          .values(row)
          .onConflict((oc) =>
            oc.columns(['context_kind', 'context_id', 'student_id', 'exercise_id']).doUpdateSet(update),
          )
          .execute();
        return;
      }
      case 'EssayGraded': {
        const g = event.data;
        await db
          .updateTable('lesson_answers')
          .set({ points: g.points, correct: g.points === g.maxPoints, comment: g.comment, graded_at: g.at })
          .where('context_kind', '=', key.context_kind)
          .where('context_id', '=', key.context_id)
          .where('student_id', '=', key.student_id)
          .where('exercise_id', '=', g.exerciseId)
          .execute();
        return;
      }
      case 'AnswerAttemptSubmitted':
      case 'AnswerAttemptGraded': {
        const t = event.data;
        const row = {
          ...key,
          attempt: t.attempt,
          org_id: orgId,
          lesson_id: t.lessonId,
          score: t.score,
          max_score: t.maxScore,
          percent: t.percent,
          pass_mark: t.passMark,
          outcome: t.outcome,
          submitted_at: t.at,
          updated_at: t.at,
        };
        await db
          .insertInto('lesson_answer_attempts')
          .values(row)
          .onConflict((oc) =>
            oc.columns(['context_kind', 'context_id', 'student_id', 'attempt']).doUpdateSet({
              score: t.score,
              max_score: t.maxScore,
              percent: t.percent,
              outcome: t.outcome,
              updated_at: t.at,
            }),
          )
          .execute();
        // Trying again starts from no answers; the attempt keeps its score.
        if (t.outcome === 'try_again')
          await db
            .deleteFrom('lesson_answers')
            .where('context_kind', '=', key.context_kind)
            .where('context_id', '=', key.context_id)
            .where('student_id', '=', key.student_id)
            .execute();
        return;
      }
    }
  },
);
