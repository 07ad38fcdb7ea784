// Reading the lesson answers read model.
import type { Db } from '../../db/schema.js';

export type AnswerRow = {
  studentId: string;
  exerciseId: string;
  exerciseType: string;
  revision: number;
  attempt: number;
  answer: unknown;
  points: number | null;
  maxPoints: number;
  correct: boolean | null;
  wordCount: number | null;
  comment: string | null;
  answeredAt: string;
  gradedAt: string | null;
};

export type AttemptRow = {
  studentId: string;
  attempt: number;
  score: number;
  maxScore: number;
  percent: number;
  passMark: number;
  outcome: string;
  submittedAt: string;
};

const iso = (v: Date | string) => new Date(v).toISOString();

/** Answers and attempts in one context, of every student or of one. */
export async function answersIn(
  db: Db,
  filter: { orgId: string; kind: 'live' | 'homework' | 'instant'; contextId: string; studentId?: string },
): Promise<{ answers: AnswerRow[]; attempts: AttemptRow[] }> {
  let answers = db
    .selectFrom('lesson_answers')
    .selectAll()
    .where('org_id', '=', filter.orgId)
    .where('context_kind', '=', filter.kind)
    .where('context_id', '=', filter.contextId);
  let attempts = db
    .selectFrom('lesson_answer_attempts')
    .selectAll()
    .where('org_id', '=', filter.orgId)
    .where('context_kind', '=', filter.kind)
    .where('context_id', '=', filter.contextId);
  if (filter.studentId) {
    answers = answers.where('student_id', '=', filter.studentId);
    attempts = attempts.where('student_id', '=', filter.studentId);
  }
  const [a, t] = await Promise.all([
    answers.orderBy('student_id').orderBy('exercise_id').execute(),
    attempts.orderBy('student_id').orderBy('attempt').execute(),
  ]);
  return {
    answers: a.map((r) => ({
      studentId: r.student_id,
      exerciseId: r.exercise_id,
      exerciseType: r.exercise_type,
      revision: r.revision,
      attempt: r.attempt,
      answer: r.answer,
      points: r.points,
      maxPoints: r.max_points,
      correct: r.correct,
      wordCount: r.word_count,
      comment: r.comment,
      answeredAt: iso(r.answered_at),
      gradedAt: r.graded_at === null ? null : iso(r.graded_at),
    })),
    attempts: t.map((r) => ({
      studentId: r.student_id,
      attempt: r.attempt,
      score: r.score,
      maxScore: r.max_score,
      percent: r.percent,
      passMark: r.pass_mark,
      outcome: r.outcome,
      submittedAt: iso(r.submitted_at),
    })),
  };
}
