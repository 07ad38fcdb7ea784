// Reads of the attendance and scores read model: a student's lessons with attendance, charges and feedback.
// Teachers see the lessons they teach, admins every lesson; a student sees their own, and feedback only once
// it is verified.
import type { Db } from '../../db/schema.js';
import type { Role } from '../../db/people.table.js';

export type Viewer = { personId: string; orgId: string; role: Role };

const SKILLS = [
  'speaking',
  'listening',
  'reading',
  'writing',
  'grammar',
  'vocabulary',
  'engagement',
] as const;

export async function attendanceOf(
  db: Db,
  viewer: Viewer,
  filter: { studentId?: string; courseId?: string },
) {
  let query = db
    .selectFrom('attendance_records as a')
    .innerJoin('attendance_completions as c', 'c.session_id', 'a.session_id')
    .leftJoin('schedule_sessions as s', 's.id', 'a.session_id')
    .leftJoin('attendance_feedback as f', (j) =>
      j.onRef('f.session_id', '=', 'a.session_id').onRef('f.student_id', '=', 'a.student_id'),
    )
    .select([
      'a.session_id',
      'a.student_id',
      'a.status',
      'a.reason',
      'a.minutes_present',
      'a.late',
      'a.charged_tokens',
      'c.action',
      'c.covered',
      'c.struggled',
      'c.next',
      'c.completed_at',
      's.starts_at',
      's.course_id',
      's.teacher_id',
      ...SKILLS.map((k) => `f.${k}` as const),
      'f.comment',
      'f.verified',
    ])
    .where('a.org_id', '=', viewer.orgId);
  if (viewer.role === 'student') query = query.where('a.student_id', '=', viewer.personId);
  if (viewer.role === 'teacher') query = query.where('s.teacher_id', '=', viewer.personId);
  if (filter.studentId) query = query.where('a.student_id', '=', filter.studentId);
  if (filter.courseId) query = query.where('s.course_id', '=', filter.courseId);
  const rows = await query.orderBy('c.completed_at', 'desc').limit(1000).execute();
  const staff = viewer.role !== 'student';
  return rows.map((r) => ({
    liveSessionId: r.session_id,
    studentId: r.student_id,
    courseId: r.course_id ?? null,
    teacherId: r.teacher_id ?? null,
    start: r.starts_at ? new Date(r.starts_at).toISOString() : null,
    completedAt: new Date(r.completed_at).toISOString(),
    action: r.action,
    status: r.status,
    reason: r.reason,
    minutesPresent: r.minutes_present,
    late: r.late,
    chargedTokens: r.charged_tokens,
    notes: staff ? { covered: r.covered, struggled: r.struggled, next: r.next } : null,
    feedback:
      r.verified === null || (!staff && !r.verified)
        ? null
        : {
            scores: Object.fromEntries(SKILLS.map((k) => [k, r[k] as number])),
            comment: r.comment ?? null,
            verified: r.verified,
          },
  }));
}
