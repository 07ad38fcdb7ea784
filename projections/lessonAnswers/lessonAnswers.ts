// The lesson answers read model: per context (live session or homework item) and student, the current answer to
// each exercise with its grade, and the attempts handed in. Fed the lessonAnswers events, typed by the runner.
import { sql } from 'kysely';
import { projection, type ProjectionDb, type RecordedOf } from '../projection.js';
import { ERASED_TEXT } from '../../commands/eventStore/personalData/fields.js';

type Answered = 'AnswerSubmitted' | 'AnswerChanged';
type AttemptEvent = 'AnswerAttemptSubmitted' | 'AnswerAttemptGraded';

async function answered(db: ProjectionDb, event: RecordedOf<Answered>) {
  const a = event.data;
  const row = {
    context_kind: a.context.kind,
    context_id: a.context.id,
    student_id: a.studentId,
    exercise_id: a.exerciseId,
    org_id: event.metadata.orgId,
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
}

async function attempt(db: ProjectionDb, event: RecordedOf<AttemptEvent>) {
  const t = event.data;
  const key = { context_kind: t.context.kind, context_id: t.context.id, student_id: t.studentId };
  await db
    .insertInto('lesson_answer_attempts')
    .values({
      ...key,
      attempt: t.attempt,
      org_id: event.metadata.orgId,
      lesson_id: t.lessonId,
      score: t.score,
      max_score: t.maxScore,
      percent: t.percent,
      pass_mark: t.passMark,
      outcome: t.outcome,
      submitted_at: t.at,
      updated_at: t.at,
    })
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
}

/** An erased student's written answers (essays, typed gaps) and the comments on them read as ERASED_TEXT. */
async function erasePersonalData(db: ProjectionDb, personId: string) {
  const erased = sql`to_jsonb(${ERASED_TEXT}::text)`;
  await db
    .updateTable('lesson_answers')
    .set({
      answer: sql`CASE
        WHEN jsonb_typeof(answer -> 'text') = 'string' THEN jsonb_set(answer, '{text}', ${erased})
        WHEN jsonb_typeof(answer -> 'gaps') = 'array' THEN jsonb_set(answer, '{gaps}', (
          SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(g) = 'string' THEN ${erased} ELSE g END ORDER BY n), '[]'::jsonb)
          FROM jsonb_array_elements(answer -> 'gaps') WITH ORDINALITY AS x(g, n)))
        ELSE answer END`,
      comment: sql`CASE WHEN comment IS NULL THEN NULL ELSE ${ERASED_TEXT} END`,
    })
    .where('student_id', '=', personId)
    .execute();
}

export const lessonAnswersProjection = projection(
  'lessonAnswers',
  ['lesson_answers', 'lesson_answer_attempts'],
  {
    AnswerSubmitted: answered,
    AnswerChanged: answered,
    async EssayGraded(db, event) {
      const g = event.data;
      await db
        .updateTable('lesson_answers')
        .set({ points: g.points, correct: g.points === g.maxPoints, comment: g.comment, graded_at: g.at })
        .where('context_kind', '=', g.context.kind)
        .where('context_id', '=', g.context.id)
        .where('student_id', '=', g.studentId)
        .where('exercise_id', '=', g.exerciseId)
        .execute();
    },
    AnswerAttemptSubmitted: attempt,
    AnswerAttemptGraded: attempt,
  },
  { erasePersonalData },
);
