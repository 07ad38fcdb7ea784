// The session summaries read model: the teacher's summary of each group session and each participant's own.
import { projection } from '../projection.js';

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
);
