// Reads of the schedule read model: a person's calendar and one session's detail. Names come from `people`
// at read time (they are not in events, so an erased person simply disappears from these views).
import type { Db } from '../../db/schema.js';
import type { Role } from '../../db/people.table.js';
import type { ScheduleSession } from './schedule.table.js';

export type Viewer = { personId: string; orgId: string; role: Role };

/** The room opens this long before the start. */
export const JOIN_WINDOW_MINUTES = 10;

export type ScheduleEntry = {
  id: string;
  kind: string;
  status: string;
  courseId: string;
  courseName: string | null;
  courseLessonId: string | null;
  enrollmentId: string | null;
  studentGroupId: string | null;
  teacherId: string;
  teacherName: string | null;
  start: string;
  end: string;
  durationMinutes: number;
  timeZone: string;
  title: string | null;
  notes: string | null;
  cancelReason: string | null;
  participants: { studentId: string; name: string | null; enrollmentId: string | null }[];
  revision: number;
  joinOpensAt: string;
};

export async function scheduleFor(db: Db, viewer: Viewer, from: Date, to: Date): Promise<ScheduleEntry[]> {
  let query = db
    .selectFrom('schedule_sessions as s')
    .selectAll('s')
    .where('s.org_id', '=', viewer.orgId)
    .where('s.starts_at', '<', to)
    .where('s.ends_at', '>', from);
  if (viewer.role === 'teacher') query = query.where('s.teacher_id', '=', viewer.personId);
  if (viewer.role === 'student') {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('schedule_participants as p')
          .select('p.session_id')
          .whereRef('p.session_id', '=', 's.id')
          .where('p.student_id', '=', viewer.personId),
      ),
    );
  }
  const rows = await query.orderBy('s.starts_at').limit(2000).execute();
  return withNames(db, rows);
}

export async function sessionDetail(db: Db, orgId: string, id: string): Promise<ScheduleEntry | undefined> {
  const row = await db
    .selectFrom('schedule_sessions')
    .selectAll()
    .where('id', '=', id)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!row) return undefined;
  return (await withNames(db, [row]))[0];
}

type Row = ScheduleSession;

async function withNames(db: Db, rows: Row[]): Promise<ScheduleEntry[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const participants = await db
    .selectFrom('schedule_participants as p')
    .leftJoin('people as person', 'person.id', 'p.student_id')
    .select(['p.session_id', 'p.student_id', 'p.enrollment_id', 'person.name'])
    .where('p.session_id', 'in', ids)
    .orderBy('person.name')
    .execute();
  const personIds = [...new Set(rows.map((r) => r.teacher_id))];
  const teachers = await db
    .selectFrom('people')
    .select(['id', 'name'])
    .where('id', 'in', personIds)
    .execute();
  const courseIds = [...new Set(rows.map((r) => r.course_id))];
  const courseRows = await db
    .selectFrom('courses')
    .select(['id', 'name'])
    .where('id', 'in', courseIds)
    .execute();
  const teacherName = new Map(teachers.map((t) => [t.id, t.name]));
  const courseName = new Map(courseRows.map((c) => [c.id, c.name]));
  return rows.map((r) => {
    const start = new Date(r.starts_at);
    return {
      id: r.id,
      kind: r.kind,
      status: r.status,
      courseId: r.course_id,
      courseName: courseName.get(r.course_id) ?? null,
      courseLessonId: r.course_lesson_id,
      enrollmentId: r.enrollment_id,
      studentGroupId: r.student_group_id,
      teacherId: r.teacher_id,
      teacherName: teacherName.get(r.teacher_id) ?? null,
      start: start.toISOString(),
      end: new Date(r.ends_at).toISOString(),
      durationMinutes: r.duration_minutes,
      timeZone: r.time_zone,
      title: r.title,
      notes: r.notes,
      cancelReason: r.cancel_reason,
      participants: participants
        .filter((p) => p.session_id === r.id)
        .map((p) => ({ studentId: p.student_id, name: p.name ?? null, enrollmentId: p.enrollment_id })),
      revision: r.last_revision,
      joinOpensAt: new Date(start.getTime() - JOIN_WINDOW_MINUTES * 60_000).toISOString(),
    };
  });
}
