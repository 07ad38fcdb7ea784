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
    attempts: t.map(attemptOf),
  };
}

const attemptOf = (r: {
  student_id: string;
  attempt: number;
  score: number;
  max_score: number;
  percent: number;
  pass_mark: number;
  outcome: string;
  submitted_at: Date | string;
}): AttemptRow => ({
  studentId: r.student_id,
  attempt: r.attempt,
  score: r.score,
  maxScore: r.max_score,
  percent: r.percent,
  passMark: r.pass_mark,
  outcome: r.outcome,
  submittedAt: iso(r.submitted_at),
});

/** The last attempt handed in for each of some contexts (homework items: one student each), by context id. */
export async function lastAttempts(
  db: Db,
  filter: { orgId: string; kind: 'live' | 'homework' | 'instant'; contextIds: string[] },
): Promise<Map<string, AttemptRow>> {
  const last = new Map<string, AttemptRow>();
  if (filter.contextIds.length === 0) return last;
  const rows = await db
    .selectFrom('lesson_answer_attempts')
    .selectAll()
    .where('org_id', '=', filter.orgId)
    .where('context_kind', '=', filter.kind)
    .where('context_id', 'in', filter.contextIds)
    .orderBy('attempt')
    .execute();
  for (const r of rows) last.set(r.context_id, attemptOf(r));
  return last;
}

export type ContextProgress = {
  kind: 'live' | 'homework' | 'instant';
  contextId: string;
  lessonId: string;
  /** Points of the current answers (graded ones), how many, and when the last was given. */
  points: number;
  answered: number;
  lastAnsweredAt: string | null;
  lastAttempt: AttemptRow | null;
};

/** A student's progress in every context of some lessons: their current answers summed, their last attempt. */
export async function studentProgress(
  db: Db,
  filter: { orgId: string; studentId: string; lessonIds: string[] },
): Promise<ContextProgress[]> {
  if (filter.lessonIds.length === 0) return [];
  const [answers, attempts] = await Promise.all([
    db
      .selectFrom('lesson_answers')
      .select(['context_kind', 'context_id', 'lesson_id'])
      .select((eb) => [
        eb.fn.coalesce(eb.fn.sum<number>('points'), eb.lit(0)).as('points'),
        eb.fn.countAll<number>().as('answered'),
        eb.fn.max('answered_at').as('last_answered_at'),
      ])
      .where('org_id', '=', filter.orgId)
      .where('student_id', '=', filter.studentId)
      .where('lesson_id', 'in', filter.lessonIds)
      .groupBy(['context_kind', 'context_id', 'lesson_id'])
      .execute(),
    db
      .selectFrom('lesson_answer_attempts')
      .selectAll()
      .where('org_id', '=', filter.orgId)
      .where('student_id', '=', filter.studentId)
      .where('lesson_id', 'in', filter.lessonIds)
      .orderBy('attempt')
      .execute(),
  ]);
  const byContext = new Map<string, ContextProgress>();
  const entry = (kind: string, contextId: string, lessonId: string) => {
    const key = `${kind}:${contextId}`;
    let found = byContext.get(key);
    if (!found) {
      found = {
        kind: kind as ContextProgress['kind'],
        contextId,
        lessonId,
        points: 0,
        answered: 0,
        lastAnsweredAt: null,
        lastAttempt: null,
      };
      byContext.set(key, found);
    }
    return found;
  };
  for (const a of answers) {
    const e = entry(a.context_kind, a.context_id, a.lesson_id);
    e.points = Math.round(Number(a.points) * 100) / 100;
    e.answered = Number(a.answered);
    e.lastAnsweredAt = a.last_answered_at === null ? null : iso(a.last_answered_at as Date | string);
  }
  for (const t of attempts) entry(t.context_kind, t.context_id, t.lesson_id).lastAttempt = attemptOf(t);
  return [...byContext.values()];
}
