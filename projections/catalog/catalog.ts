// Courses with their ordered lessons, and enrollments: what teachers pick from when they schedule.
import './catalog.table.js';
import type { CourseEvent } from '../../domain/course/course.js';
import type { EnrollmentEvent } from '../../domain/enrollment/enrollment.js';
import { projection, dataOf } from '../projection.js';

type C<T extends CourseEvent['type']> = Extract<CourseEvent, { type: T }>['data'];
type E<T extends EnrollmentEvent['type']> = Extract<EnrollmentEvent, { type: T }>['data'];

export const catalogProjection = projection('catalog', ['courses', 'course_lessons', 'enrollments'], {
  async CourseCreated(db, event) {
    const d = dataOf<C<'CourseCreated'>>(event);
    await db
      .insertInto('courses')
      .values({ id: d.courseId, org_id: d.orgId, name: d.name, last_revision: event.streamRevision })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    if (d.lessons.length === 0) return;
    await db
      .insertInto('course_lessons')
      .values(
        d.lessons.map((l, i) => ({
          id: l.lessonId,
          course_id: d.courseId,
          org_id: d.orgId,
          title: l.title,
          kind: l.kind,
          position: i + 1,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  },
  async CourseRenamed(db, event) {
    const d = dataOf<C<'CourseRenamed'>>(event);
    await db
      .updateTable('courses')
      .set({ name: d.name, last_revision: event.streamRevision })
      .where('id', '=', d.courseId)
      .execute();
  },
  async CourseLessonAdded(db, event) {
    const d = dataOf<C<'CourseLessonAdded'>>(event);
    const course = await db
      .selectFrom('courses')
      .select('org_id')
      .where('id', '=', d.courseId)
      .executeTakeFirst();
    if (!course) return;
    const { count } = await db
      .selectFrom('course_lessons')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('course_id', '=', d.courseId)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('course_lessons')
      .values({
        id: d.lesson.lessonId,
        course_id: d.courseId,
        org_id: course.org_id,
        title: d.lesson.title,
        kind: d.lesson.kind,
        position: Number(count) + 1,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await db
      .updateTable('courses')
      .set({ last_revision: event.streamRevision })
      .where('id', '=', d.courseId)
      .execute();
  },
  async StudentEnrolled(db, event) {
    const d = dataOf<E<'StudentEnrolled'>>(event);
    await db
      .insertInto('enrollments')
      .values({
        id: d.enrollmentId,
        org_id: d.orgId,
        course_id: d.courseId,
        student_id: d.studentId,
        teacher_id: d.teacherId,
        default_lesson_minutes: d.defaultLessonMinutes,
        lesson_cost_tokens: d.lessonCostTokens,
        last_revision: event.streamRevision,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  },
  async EnrollmentTermsChanged(db, event) {
    const d = dataOf<E<'EnrollmentTermsChanged'>>(event);
    await db
      .updateTable('enrollments')
      .set({
        default_lesson_minutes: d.defaultLessonMinutes,
        lesson_cost_tokens: d.lessonCostTokens,
        last_revision: event.streamRevision,
      })
      .where('id', '=', d.enrollmentId)
      .execute();
  },
});
