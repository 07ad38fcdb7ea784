// How one live-session event changes a session's report rows in memory (the batch path of the reports
// projection folds with these, by the same rules as sessionFacts.ts).
import { addMinutes } from '../../domain/shared/time.js';
import type { RecordedOf } from '../projection.js';
import type { ReportAttendanceTable, ReportScoresTable, ReportSessionsTable } from './reports.table.js';

export const SESSION_TYPES = new Set([
  'LiveSessionScheduled',
  'LiveSessionRescheduled',
  'LiveSessionDetailsChanged',
  'LiveSessionParticipantAdded',
  'LiveSessionParticipantRemoved',
  'LiveSessionCanceled',
  'LiveSessionStarted',
  'LiveSessionEnded',
  'LiveSessionDeleted',
  'LiveSessionCompleted',
  'StudentScored',
  'ScoresVerified',
  'ScoresVerificationRevoked',
] as const);
export type SessionType = typeof SESSION_TYPES extends Set<infer T> ? T : never;

export type Touched = {
  session: ReportSessionsTable | null;
  attendance: Map<string, ReportAttendanceTable>;
  scores: Map<string, ReportScoresTable>;
  deleted: boolean;
};

function addAttendee(t: Touched, studentId: string) {
  const s = t.session;
  if (!s || t.attendance.has(studentId)) return;
  t.attendance.set(studentId, {
    session_id: s.session_id,
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
  });
}

export function fold(t: Touched, event: RecordedOf<SessionType>) {
  if (t.deleted) return;
  if (event.type === 'LiveSessionScheduled') {
    if (!t.session) {
      t.session = {
        session_id: event.data.liveSessionId,
        org_id: event.data.orgId,
        teacher_id: event.data.teacherId,
        course_id: event.data.courseId,
        student_group_id: event.data.studentGroupId,
        title: event.data.title,
        starts_at: event.data.start,
        ends_at: addMinutes(event.data.start, event.data.durationMinutes),
        duration_minutes: event.data.durationMinutes,
        time_zone: event.data.timeZone,
        status: 'scheduled',
        held: false,
        canceled_at: null,
        canceled_by: null,
        cancel_reason: null,
        cancel_notice_minutes: null,
      };
    }
    for (const p of event.data.participants) addAttendee(t, p.studentId);
    return;
  }
  const s = t.session;
  if (!s) return; // the per-event path updates no row either
  switch (event.type) {
    case 'LiveSessionRescheduled':
      Object.assign(s, {
        starts_at: event.data.start,
        ends_at: addMinutes(event.data.start, event.data.durationMinutes),
        duration_minutes: event.data.durationMinutes,
        time_zone: event.data.timeZone,
      });
      for (const a of t.attendance.values())
        Object.assign(a, { starts_at: event.data.start, minutes_scheduled: event.data.durationMinutes });
      for (const r of t.scores.values()) r.starts_at = event.data.start;
      return;
    case 'LiveSessionDetailsChanged':
      s.title = event.data.title;
      return;
    case 'LiveSessionParticipantAdded':
      return addAttendee(t, event.data.studentId);
    case 'LiveSessionParticipantRemoved':
      t.attendance.delete(event.data.studentId);
      return;
    case 'LiveSessionCanceled': {
      const notice = Math.round((new Date(s.starts_at).getTime() - Date.parse(event.metadata.at)) / 60_000);
      Object.assign(s, {
        status: 'canceled',
        held: false,
        canceled_at: event.metadata.at,
        canceled_by: event.metadata.actorId,
        cancel_reason: event.data.reason,
        cancel_notice_minutes: notice,
      });
      return;
    }
    case 'LiveSessionStarted':
      s.status = 'active';
      return;
    case 'LiveSessionEnded':
      Object.assign(s, { status: 'ended', held: true });
      return;
    case 'LiveSessionDeleted':
      t.deleted = true;
      return;
    case 'LiveSessionCompleted':
      Object.assign(s, { status: 'ended', held: true });
      for (const a of event.data.attendance) {
        addAttendee(t, a.studentId);
        Object.assign(t.attendance.get(a.studentId)!, {
          status: a.status,
          late: a.late,
          minutes_present: Math.round(a.minutesPresent),
        });
      }
      return;
    case 'StudentScored': {
      const existing = t.scores.get(event.data.studentId);
      if (existing) Object.assign(existing, event.data.scores, { verified: false });
      else
        t.scores.set(event.data.studentId, {
          session_id: s.session_id,
          student_id: event.data.studentId,
          org_id: s.org_id,
          teacher_id: s.teacher_id,
          course_id: s.course_id,
          student_group_id: s.student_group_id,
          starts_at: s.starts_at,
          ...event.data.scores,
          verified: false,
        });
      return;
    }
    case 'ScoresVerified':
    case 'ScoresVerificationRevoked': {
      const r = t.scores.get(event.data.studentId);
      if (r) r.verified = event.type === 'ScoresVerified';
      return;
    }
  }
}
