// Reads of the session summaries read model.
import type { Db } from '../../db/schema.js';
import type { StudentSummary, TeacherSummary } from '../../domain/sessionSummary/summary.js';

export type SessionSummaryHead = {
  liveSessionId: string;
  teacherId: string;
  courseLessonId: string | null;
  lessonTitle: string;
  madeAt: string;
  revision: number;
  costTokens: number;
};

export async function sessionSummaryOf(db: Db, orgId: string, liveSessionId: string) {
  const row = await db
    .selectFrom('session_summaries')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('live_session_id', '=', liveSessionId)
    .executeTakeFirst();
  if (!row) return null;
  const head: SessionSummaryHead = {
    liveSessionId: row.live_session_id,
    teacherId: row.teacher_id,
    courseLessonId: row.course_lesson_id,
    lessonTitle: row.lesson_title,
    madeAt: new Date(row.made_at).toISOString(),
    revision: row.revision,
    costTokens: Number(row.cost_tokens),
  };
  return { ...head, summary: row.teacher_summary as TeacherSummary };
}

export async function studentSummaryOf(db: Db, orgId: string, liveSessionId: string, studentId: string) {
  const row = await db
    .selectFrom('session_student_summaries')
    .select(['summary', 'mailed'])
    .where('org_id', '=', orgId)
    .where('live_session_id', '=', liveSessionId)
    .where('student_id', '=', studentId)
    .executeTakeFirst();
  return row ? { summary: row.summary as StudentSummary, mailed: row.mailed } : null;
}

/** Every participant's summary of a session with their names (null once erased), by name. */
export async function studentSummariesOf(db: Db, orgId: string, liveSessionId: string) {
  const rows = await db
    .selectFrom('session_student_summaries as s')
    .leftJoin('people as p', (j) => j.onRef('p.id', '=', 's.student_id').on('p.erased_at', 'is', null))
    .select(['s.student_id', 's.summary', 's.mailed', 'p.name'])
    .where('s.org_id', '=', orgId)
    .where('s.live_session_id', '=', liveSessionId)
    .orderBy('p.name')
    .orderBy('s.student_id')
    .execute();
  return rows.map((r) => ({
    studentId: r.student_id,
    name: r.name ?? null,
    mailed: r.mailed,
    summary: r.summary as StudentSummary,
  }));
}

/** Why the newest revision asked for was not made (the organisation's wallet was short), if it was not. */
export async function summaryRefusalOf(db: Db, orgId: string, liveSessionId: string) {
  const row = await db
    .selectFrom('session_summary_refusals')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('live_session_id', '=', liveSessionId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    teacherId: row.teacher_id,
    revision: row.revision,
    code: row.code,
    reason: row.reason,
    tokens: Number(row.tokens),
    balance: row.balance === null ? null : Number(row.balance),
    refusedAt: new Date(row.refused_at).toISOString(),
  };
}
