// How live-session events shape the report rows: sessions, per-student attendance and scores.
import { addMinutes } from '../../domain/shared/time.js';
import type { Handlers, ProjectionDb } from '../projection.js';

async function context(db: ProjectionDb, sessionId: string) {
  return db
    .selectFrom('report_sessions')
    .select(['org_id', 'teacher_id', 'course_id', 'student_group_id', 'starts_at', 'duration_minutes'])
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
}

async function addAttendee(db: ProjectionDb, sessionId: string, studentId: string) {
  const s = await context(db, sessionId);
  if (!s) return;
  await db
    .insertInto('report_attendance')
    .values({
      session_id: sessionId,
      student_id: studentId,
      org_id: s.org_id,
      teacher_id: s.teacher_id,
      course_id: s.course_id,
      student_group_id: s.student_group_id,
      starts_at: s.starts_at,
      minutes_scheduled: s.duration_minutes,
      status: null,
      late: false,
      minutes_present: 0,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export const sessionFacts = {
  async LiveSessionScheduled(db, event) {
    const d = event.data;
    await db
      .insertInto('report_sessions')
      .values({
        session_id: d.liveSessionId,
        org_id: d.orgId,
        teacher_id: d.teacherId,
        course_id: d.courseId,
        student_group_id: d.studentGroupId,
        title: d.title,
        starts_at: d.start,
        ends_at: addMinutes(d.start, d.durationMinutes),
        duration_minutes: d.durationMinutes,
        time_zone: d.timeZone,
        status: 'scheduled',
        held: false,
        canceled_at: null,
        canceled_by: null,
        cancel_reason: null,
        cancel_notice_minutes: null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    for (const p of d.participants) await addAttendee(db, d.liveSessionId, p.studentId);
  },
  async LiveSessionRescheduled(db, event) {
    const d = event.data;
    await db
      .updateTable('report_sessions')
      .set({
        starts_at: d.start,
        ends_at: addMinutes(d.start, d.durationMinutes),
        duration_minutes: d.durationMinutes,
        time_zone: d.timeZone,
      })
      .where('session_id', '=', d.liveSessionId)
      .execute();
    await db
      .updateTable('report_attendance')
      .set({ starts_at: d.start, minutes_scheduled: d.durationMinutes })
      .where('session_id', '=', d.liveSessionId)
      .execute();
    await db
      .updateTable('report_scores')
      .set({ starts_at: d.start })
      .where('session_id', '=', d.liveSessionId)
      .execute();
  },
  async LiveSessionDetailsChanged(db, event) {
    const d = event.data;
    await db
      .updateTable('report_sessions')
      .set({ title: d.title })
      .where('session_id', '=', d.liveSessionId)
      .execute();
  },
  async LiveSessionParticipantAdded(db, event) {
    const d = event.data;
    await addAttendee(db, d.liveSessionId, d.studentId);
  },
  async LiveSessionParticipantRemoved(db, event) {
    const d = event.data;
    await db
      .deleteFrom('report_attendance')
      .where('session_id', '=', d.liveSessionId)
      .where('student_id', '=', d.studentId)
      .execute();
  },
  async LiveSessionCanceled(db, event) {
    const d = event.data;
    const s = await db
      .selectFrom('report_sessions')
      .select('starts_at')
      .where('session_id', '=', d.liveSessionId)
      .executeTakeFirst();
    if (!s) return;
    const notice = Math.round((new Date(s.starts_at).getTime() - Date.parse(event.metadata.at)) / 60_000);
    await db
      .updateTable('report_sessions')
      .set({
        status: 'canceled',
        held: false,
        canceled_at: event.metadata.at,
        canceled_by: event.metadata.actorId,
        cancel_reason: d.reason,
        cancel_notice_minutes: notice,
      })
      .where('session_id', '=', d.liveSessionId)
      .execute();
  },
  async LiveSessionStarted(db, event) {
    await db
      .updateTable('report_sessions')
      .set({ status: 'active' })
      .where('session_id', '=', event.data.liveSessionId)
      .execute();
  },
  async LiveSessionEnded(db, event) {
    await db
      .updateTable('report_sessions')
      .set({ status: 'ended', held: true })
      .where('session_id', '=', event.data.liveSessionId)
      .execute();
  },
  async LiveSessionDeleted(db, event) {
    const id = event.data.liveSessionId;
    for (const table of ['report_attendance', 'report_scores', 'report_sessions'] as const)
      await db.deleteFrom(table).where('session_id', '=', id).execute();
  },
  async LiveSessionCompleted(db, event) {
    const d = event.data;
    await db
      .updateTable('report_sessions')
      .set({ status: 'ended', held: true })
      .where('session_id', '=', d.liveSessionId)
      .execute();
    for (const a of d.attendance) {
      await addAttendee(db, d.liveSessionId, a.studentId);
      await db
        .updateTable('report_attendance')
        .set({ status: a.status, late: a.late, minutes_present: Math.round(a.minutesPresent) })
        .where('session_id', '=', d.liveSessionId)
        .where('student_id', '=', a.studentId)
        .execute();
    }
  },
  async StudentScored(db, event) {
    const d = event.data;
    const s = await context(db, d.liveSessionId);
    if (!s) return;
    const row = {
      session_id: d.liveSessionId,
      student_id: d.studentId,
      org_id: s.org_id,
      teacher_id: s.teacher_id,
      course_id: s.course_id,
      student_group_id: s.student_group_id,
      starts_at: s.starts_at,
      ...d.scores,
      verified: false,
    };
    await db
      .insertInto('report_scores')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['session_id', 'student_id']).doUpdateSet({ ...d.scores, verified: false }),
      )
      .execute();
  },
  async ScoresVerified(db, event) {
    const d = event.data;
    await db
      .updateTable('report_scores')
      .set({ verified: true })
      .where('session_id', '=', d.liveSessionId)
      .where('student_id', '=', d.studentId)
      .execute();
  },
  async ScoresVerificationRevoked(db, event) {
    const d = event.data;
    await db
      .updateTable('report_scores')
      .set({ verified: false })
      .where('session_id', '=', d.liveSessionId)
      .where('student_id', '=', d.studentId)
      .execute();
  },
} satisfies Handlers;
