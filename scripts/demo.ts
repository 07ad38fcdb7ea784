// The demo organisation `npm start` creates on an empty database: an admin, two teachers, five students, a
// course with lessons, enrollments, a student group and a week of scheduled sessions.
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../api/deps.js';
import { hashPassword } from '../auth/passwords.js';
import { createGroup, createOrganisation, createPerson } from '../db/people.js';
import { handleCommand } from '../commands/handleCommand.js';
import { courses, enrollments } from '../commands/aggregates.js';
import { scheduleLiveSession } from '../commands/liveSessions.js';
import { addSection, changeTraining, createTraining } from '../commands/trainings.js';
import { seedDemoLessonContent } from './demoLessons.js';

export const DEMO_PASSWORD = 'lectern-demo';

export type DemoLogins = { role: string; name: string; email: string; password: string }[];

export async function isEmpty(deps: AppDeps) {
  const row = await deps.db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  return !row;
}

export async function seedDemo(deps: AppDeps): Promise<DemoLogins> {
  const now = deps.clock.now();
  const orgId = await createOrganisation(deps.db, 'Lectern Demo School', {
    trainingsEnabled: true,
    allowOverdraft: false,
  });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const person = (
    role: 'admin' | 'teacher' | 'student',
    name: string,
    email: string,
    timeZone = 'Europe/Berlin',
  ) => createPerson(deps.db, { orgId, role, name, email, timeZone, passwordHash });

  const adminId = await person('admin', 'Ada Admin', 'admin@demo.lectern.dev');
  const teachers = [
    await person('teacher', 'Tereza Teacher', 'teacher@demo.lectern.dev'),
    await person('teacher', 'Tom Tutor', 'tom@demo.lectern.dev', 'Europe/London'),
  ];
  const studentNames = ['Sofia Student', 'Lukas Learner', 'Mia Meyer', 'Noah Novak', 'Emma Evans'];
  const students: string[] = [];
  for (const [i, name] of studentNames.entries())
    students.push(
      await person(
        'student',
        name,
        i === 0 ? 'student@demo.lectern.dev' : `student${i + 1}@demo.lectern.dev`,
      ),
    );
  const groupId = await createGroup(deps.db, orgId, 'Tuesday Conversation Club', students.slice(0, 3));

  const context = { orgId, actorId: adminId, now: now.toISOString() };
  const courseId = randomUUID();
  const lessonTitles: [string, 'class' | 'homework' | 'independent'][] = [
    ['Greetings and introductions', 'class'],
    ['Present tense review', 'class'],
    ['Present tense practice', 'homework'],
    ['Past tense: regular verbs', 'class'],
    ['Reading: a day in the city', 'independent'],
    ['Past tense: irregular verbs', 'class'],
  ];
  const lessons = lessonTitles.map(([title, kind]) => ({ lessonId: randomUUID(), title, kind }));
  await handleCommand(
    deps.eventStore,
    courses,
    courseId,
    { type: 'CreateCourse', courseId, orgId, name: 'English B1', language: 'en', lessons },
    context,
  );

  const enrollmentIds: string[] = [];
  for (const [i, studentId] of students.entries()) {
    const enrollmentId = randomUUID();
    enrollmentIds.push(enrollmentId);
    await handleCommand(
      deps.eventStore,
      enrollments,
      enrollmentId,
      {
        type: 'EnrollStudent',
        enrollmentId,
        orgId,
        courseId,
        studentId,
        teacherId: teachers[i % 2]!,
        defaultLessonMinutes: 45,
        lessonCostTokens: 4,
      },
      context,
    );
  }
  await seedDemoLessonContent(
    deps,
    { orgId, courseId, lessons, enrollmentIds, authorId: teachers[0]! },
    context,
  );
  await deps.projections.waitFor(undefined, 10_000);

  // A week of sessions starting tomorrow: individual lessons at 09:00 + i hours UTC, a group class at 16:00.
  const admin = { personId: adminId, orgId, role: 'admin' as const };
  const day0 = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  for (let day = 0; day < 7; day++) {
    const date = new Date(day0.getTime() + day * 86_400_000);
    if (date.getUTCDay() === 0) continue;
    const studentIndex = day % students.length;
    const start = new Date(date.getTime() + (9 + (day % 3)) * 3_600_000).toISOString();
    await scheduleLiveSession(
      deps,
      admin,
      randomUUID(),
      {
        kind: 'individual',
        courseId,
        courseLessonId: lessons[day % lessons.length]!.lessonId,
        enrollmentId: enrollmentIds[studentIndex]!,
        studentIds: [],
        studentGroupId: null,
        teacherId: null,
        start,
        durationMinutes: null,
        timeZone: 'Europe/Berlin',
        title: null,
        notes: null,
      },
      context,
    );
    if (day % 2 === 1) {
      await scheduleLiveSession(
        deps,
        admin,
        randomUUID(),
        {
          kind: 'group',
          courseId,
          courseLessonId: lessons[1]!.lessonId,
          enrollmentId: null,
          studentIds: [],
          studentGroupId: groupId,
          teacherId: teachers[0]!,
          start: new Date(date.getTime() + 16 * 3_600_000).toISOString(),
          durationMinutes: 60,
          timeZone: 'Europe/Berlin',
          title: 'Conversation club',
          notes: 'Bring one question about your week.',
        },
        context,
      );
    }
  }
  await seedTraining(deps, admin, teachers[0]!, students, context);
  await deps.projections.waitFor(undefined, 10_000);
  return [
    { role: 'admin', name: 'Ada Admin', email: 'admin@demo.lectern.dev', password: DEMO_PASSWORD },
    { role: 'teacher', name: 'Tereza Teacher', email: 'teacher@demo.lectern.dev', password: DEMO_PASSWORD },
    { role: 'teacher', name: 'Tom Tutor', email: 'tom@demo.lectern.dev', password: DEMO_PASSWORD },
    { role: 'student', name: 'Sofia Student', email: 'student@demo.lectern.dev', password: DEMO_PASSWORD },
  ];
}

/** A published training with one section of two online events, open to every demo student (trainings). */
async function seedTraining(
  deps: AppDeps,
  admin: { personId: string; orgId: string; role: 'admin' },
  trainerId: string,
  students: string[],
  context: { orgId: string; actorId: string; now: string },
) {
  const learners = await createGroup(deps.db, admin.orgId, 'All learners', students);
  const trainers = await createGroup(deps.db, admin.orgId, 'Trainers', [trainerId], 'trainers');
  await deps.db
    .insertInto('trainer_group_access' as never)
    .values({ trainer_group_id: trainers, participant_group_id: learners, org_id: admin.orgId } as never)
    .execute();
  const trainingId = randomUUID();
  await createTraining(
    deps,
    admin,
    trainingId,
    {
      name: 'Teaching online: the essentials',
      description: 'Two short live workshops on running engaging online lessons.',
      imageUrl: null,
    },
    context,
  );
  const now = new Date(context.now);
  const day = (n: number, hour: number) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + n, hour)).toISOString();
  await addSection(
    deps,
    admin,
    trainingId,
    {
      sectionId: randomUUID(),
      settings: {
        name: 'Evening group',
        registrationOpens: now.toISOString(),
        registrationCloses: day(8, 0),
        capacity: 3,
        trainerIds: [trainerId],
        attendanceConfirmationRequired: true,
        approvalRequired: false,
        waitlistEnabled: true,
        waitlistCutoffMinutes: 60,
      },
      participantGroupIds: [learners],
      trainingEvents: [9, 11].map((n) => ({
        trainingEventId: randomUUID(),
        start: day(n, 17),
        end: day(n, 18),
        timeZone: 'Europe/Berlin',
        format: 'online' as const,
        trainerId,
        location: null,
        link: null,
        notes: null,
      })),
    },
    context,
  );
  await changeTraining(deps, admin, trainingId, { type: 'PublishTraining' }, context);
}
