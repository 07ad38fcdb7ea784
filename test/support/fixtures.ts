// A school with a course, teachers, students and enrollments, built through the HTTP API.
import type { Session, TestApp } from './app.js';

export type School = Awaited<ReturnType<typeof school>>;

export async function school(
  t: TestApp,
  options: { students?: number; lessonCost?: number; name?: string } = {},
) {
  const { orgId, admin } = await t.organisation(options.name ?? 'Test School');
  const teacher = await t.person(orgId, 'teacher', 'Tereza Teacher');
  const otherTeacher = await t.person(orgId, 'teacher', 'Tom Tutor');
  const students: Session[] = [];
  for (let i = 0; i < (options.students ?? 3); i++)
    students.push(await t.person(orgId, 'student', `Student ${i + 1}`));
  const course = await admin.post('/api/courses', {
    name: 'English B1',
    lessons: [
      { title: 'Greetings', kind: 'class' },
      { title: 'Present tense', kind: 'class' },
      { title: 'Practice', kind: 'homework' },
      { title: 'Past tense', kind: 'class' },
    ],
  });
  if (course.statusCode !== 201) throw new Error(`course: ${course.body}`);
  const { id: courseId, lessons } = course.json() as { id: string; lessons: { id: string }[] };
  const enrollmentIds: string[] = [];
  for (const student of students) {
    const res = await admin.post('/api/enrollments', {
      courseId,
      studentId: student.id,
      teacherId: teacher.id,
      defaultLessonMinutes: 45,
      lessonCostTokens: options.lessonCost ?? 4,
    });
    if (res.statusCode !== 201) throw new Error(`enrollment: ${res.body}`);
    enrollmentIds.push((res.json() as { id: string }).id);
  }
  return {
    orgId,
    admin,
    teacher,
    otherTeacher,
    students,
    courseId,
    lessonIds: lessons.map((l) => l.id),
    enrollmentIds,
  };
}
