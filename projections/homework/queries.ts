// Reads of the homework read model, with lesson titles and kinds from the catalog.
import type { Db } from '../../db/schema.js';

export type HomeworkView = {
  id: string;
  enrollmentId: string;
  courseId: string;
  studentId: string;
  courseLessonId: string;
  title: string | null;
  kind: string | null;
  status: string;
  scheduledFor: string | null;
  assignedAt: string;
  updatedAt: string;
};

export type HomeworkFilter = {
  orgId: string;
  enrollmentIds?: string[];
  studentId?: string;
  teacherId?: string;
  status?: string;
};

const iso = (value: Date | string) => new Date(value).toISOString();

export async function homeworkList(db: Db, filter: HomeworkFilter): Promise<HomeworkView[]> {
  if (filter.enrollmentIds && filter.enrollmentIds.length === 0) return [];
  let q = db
    .selectFrom('homework as h')
    .innerJoin('enrollments as e', 'e.id', 'h.enrollment_id')
    .leftJoin('course_lessons as l', 'l.id', 'h.course_lesson_id')
    .select([
      'h.id',
      'h.enrollment_id',
      'e.course_id',
      'e.student_id',
      'h.course_lesson_id',
      'l.title',
      'l.kind',
      'h.status',
      'h.scheduled_for',
      'h.assigned_at',
      'h.updated_at',
    ])
    .where('h.org_id', '=', filter.orgId);
  if (filter.enrollmentIds) q = q.where('h.enrollment_id', 'in', filter.enrollmentIds);
  if (filter.studentId) q = q.where('e.student_id', '=', filter.studentId);
  if (filter.teacherId) q = q.where('e.teacher_id', '=', filter.teacherId);
  if (filter.status) q = q.where('h.status', '=', filter.status);
  const rows = await q.orderBy('h.scheduled_for').orderBy('l.position').orderBy('h.assigned_at').execute();
  return rows.map((r) => ({
    id: r.id,
    enrollmentId: r.enrollment_id,
    courseId: r.course_id,
    studentId: r.student_id,
    courseLessonId: r.course_lesson_id,
    title: r.title,
    kind: r.kind,
    status: r.status,
    scheduledFor: r.scheduled_for === null ? null : iso(r.scheduled_for),
    assignedAt: iso(r.assigned_at),
    updatedAt: iso(r.updated_at),
  }));
}
