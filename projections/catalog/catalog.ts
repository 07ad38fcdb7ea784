// Courses with their ordered lessons, and enrollments: what teachers pick from when they schedule.
import { projection } from '../projection.js';

export const catalogProjection = projection('catalog', ['courses', 'course_lessons', 'enrollments'], {
  async CourseCreated(db, event) {
    const d = event.data;
    await db
      .insertInto('courses')
      .values({
        id: d.courseId,
        org_id: d.orgId,
        name: d.name,
        language: d.language ?? null,
        last_revision: event.streamRevision,
      })
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
    const d = event.data;
    await db
      .updateTable('courses')
      .set({ name: d.name, last_revision: event.streamRevision })
      .where('id', '=', d.courseId)
      .execute();
  },
  async CourseLanguageSet(db, event) {
    const d = event.data;
    await db
      .updateTable('courses')
      .set({ language: d.language, last_revision: event.streamRevision })
      .where('id', '=', d.courseId)
      .execute();
  },
  async CourseLessonAdded(db, event) {
    const d = event.data;
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
    const d = event.data;
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
    const d = event.data;
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
