// The session summaries read model: the teacher's summary of each group session and each participant's own (the
// newest revision), and why the newest revision asked for was not made (the organisation's wallet was short).
import { sql } from 'kysely';
import { projection, type ProjectionDb } from '../projection.js';
import { ERASED_TEXT } from '../../commands/eventStore/personalData/fields.js';

/** An erased student's own summary text and the answers they gave wrongly read as ERASED_TEXT. */
async function erasePersonalData(db: ProjectionDb, personId: string) {
  const erased = sql`to_jsonb(${ERASED_TEXT}::text)`;
  await db
    .updateTable('session_student_summaries')
    .set({
      summary: sql`jsonb_set(jsonb_set(summary, '{text}', ${erased}), '{mistakes}', (
        SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(m -> 'given') = 'string'
          THEN jsonb_set(m, '{given}', ${erased}) ELSE m END ORDER BY n), '[]'::jsonb)
        FROM jsonb_array_elements(summary -> 'mistakes') WITH ORDINALITY AS x(m, n)))`,
    })
    .where('student_id', '=', personId)
    .execute();
}

export const sessionSummariesProjection = projection(
  'sessionSummaries',
  ['session_summaries', 'session_student_summaries', 'session_summary_refusals'],
  {
    async PostSessionSummariesMade(db, event) {
      const d = event.data;
      const row = {
        teacher_id: d.teacherId,
        course_lesson_id: d.courseLessonId,
        lesson_title: d.lessonTitle,
        teacher_summary: JSON.stringify(d.teacherSummary),
        made_at: d.at,
        revision: d.revision,
        requested_by: d.requestedBy,
        cost_tokens: d.costTokens,
      };
      // A newer revision (made again after a correction) replaces the texts; a replayed one changes nothing.
      const head = await db
        .insertInto('session_summaries')
        .values({ live_session_id: d.liveSessionId, org_id: d.orgId, ...row })
        .onConflict((oc) =>
          oc.column('live_session_id').doUpdateSet(row).where('session_summaries.revision', '<', d.revision),
        )
        .returning('live_session_id')
        .executeTakeFirst();
      if (!head) return;
      await db
        .deleteFrom('session_summary_refusals')
        .where('live_session_id', '=', d.liveSessionId)
        .where('revision', '<=', d.revision)
        .execute();
      await db
        .deleteFrom('session_student_summaries')
        .where('live_session_id', '=', d.liveSessionId)
        .execute();
      if (d.studentSummaries.length === 0) return;
      await db
        .insertInto('session_student_summaries')
        .values(
          d.studentSummaries.map((s) => ({
            live_session_id: d.liveSessionId,
            student_id: s.studentId,
            org_id: d.orgId,
            summary: JSON.stringify(s),
            mailed: d.mailTo.includes(s.studentId),
          })),
        )
        .execute();
    },
    async PostSessionSummariesRefused(db, event) {
      const d = event.data;
      const row = {
        teacher_id: d.teacherId,
        revision: d.revision,
        tokens: d.tokens,
        balance: d.balance,
        code: d.code,
        reason: d.reason,
        refused_at: d.at,
      };
      await db
        .insertInto('session_summary_refusals')
        .values({ live_session_id: d.liveSessionId, org_id: d.orgId, ...row })
        .onConflict((oc) => oc.column('live_session_id').doUpdateSet(row))
        .execute();
    },
  },
  { erasePersonalData },
);
