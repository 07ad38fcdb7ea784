// The rows a scheduled live session starts as, shared by the per-event and the batch paths of the schedule.
import { addMinutes } from '../../domain/shared/time.js';
import type { LiveSessionScheduled } from '../../domain/liveSession/events.js';
import type { ScheduleParticipantsTable, ScheduleSessionsTable } from './schedule.table.js';

export function scheduledSessionRow(
  d: LiveSessionScheduled['data'],
  revision: number,
): ScheduleSessionsTable {
  return {
    id: d.liveSessionId,
    org_id: d.orgId,
    kind: d.kind,
    status: 'scheduled',
    course_id: d.courseId,
    course_lesson_id: d.courseLessonId,
    enrollment_id: d.enrollmentId,
    student_group_id: d.studentGroupId,
    teacher_id: d.teacherId,
    starts_at: d.start,
    ends_at: addMinutes(d.start, d.durationMinutes),
    duration_minutes: d.durationMinutes,
    time_zone: d.timeZone,
    title: d.title,
    notes: d.notes,
    cancel_reason: null,
    canceled_by: null,
    last_revision: revision,
  };
}

export function participantRows(d: LiveSessionScheduled['data']): ScheduleParticipantsTable[] {
  return d.participants.map((p) => ({
    session_id: d.liveSessionId,
    student_id: p.studentId,
    enrollment_id: p.enrollmentId,
    starts_at: d.start,
  }));
}
