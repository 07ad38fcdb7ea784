// The session summaries read model: the teacher's summary of each group session and each participant's own.
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
  ['session_summaries', 'session_student_summaries'],
  {
    async PostSessionSummariesMade(db, event) {
      const d = event.data;
      await db
        .insertInto('session_summaries')
        .values({
          live_session_id: d.liveSessionId,
          org_id: d.orgId,
          teacher_id: d.teacherId,
          course_lesson_id: d.courseLessonId,
          lesson_title: d.lessonTitle,
          teacher_summary: JSON.stringify(d.teacherSummary),
          made_at: d.at,
        })
        .onConflict((oc) => oc.column('live_session_id').doNothing())
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
        .onConflict((oc) => oc.columns(['live_session_id', 'student_id']).doNothing())
        .execute();
    },
  },
  { erasePersonalData },
);
