// The lesson-content browser test's world: one server on a fresh database with a FIXED clock (the test moves it),
// a school (an admin, a teacher, two students enrolled in one course) and a group live session of the course's
// first lesson starting five minutes after the clock, so its room is open. Browsers carry session cookies
// made for the fixed clock; Chromium has a fake camera and microphone for the room.
import { randomUUID } from 'node:crypto';
import { buildApp, type App } from '../../../main/app.js';
import { loadConfig } from '../../../kernel/config.js';
import { openRuntime, type Runtime } from '../../../main/runtime.js';
import { createSession, SESSION_COOKIE } from '../../../auth/sessions.js';
import { createOrganisation, createPerson } from '../../../db/people.js';
import type { Role } from '../../../db/people.table.js';
import { testDatabase, type TestDatabase } from '../../support/services.js';
import { testClock, type TestClock } from '../../support/clock.js';
import type { Person } from './roomCluster.js';

export const CLOCK_START = '2026-11-23T08:00:00.000Z';

export type LessonWorld = {
  database: TestDatabase;
  runtime: Runtime;
  app: App;
  url: string;
  clock: TestClock;
  admin: Person;
  teacher: Person;
  students: Person[];
  courseId: string;
  lessonIds: string[];
  enrollmentIds: string[];
  liveSessionId: string;
  /** `after`: a write's Lectern-Position, for a read that must see that write (as the browser's reads do). */
  call<T = Record<string, unknown>>(
    who: Person,
    method: string,
    url: string,
    body?: unknown,
    after?: string,
  ): Promise<T>;
  close(): Promise<void>;
};

/** `env`: more settings for the server (e.g. a language model endpoint for lesson analyses). */
export async function lessonSchool(env: Record<string, string> = {}): Promise<LessonWorld> {
  const database = (await testDatabase())!;
  const clock = testClock(CLOCK_START);
  const config = loadConfig({
    DATABASE_URL: database.url,
    DATA_DIR: database.url ? undefined : `/tmp/lectern-e2e-lessons-${process.pid}`,
    PUBLIC_URL: 'http://127.0.0.1:3000',
    DEMO_SEED: 'off',
    LOG_LEVEL: 'warn',
    ...env,
  });
  const runtime = await openRuntime(config, {
    clock,
    onProjectionError: (name, e) => console.error(`projection ${name}:`, e),
  });
  const app = await buildApp(runtime.deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const db = runtime.deps.db;

  const orgId = await createOrganisation(db, 'Lesson School');
  const person = async (role: Role, name: string): Promise<Person> => {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}@lessons.test.lectern.dev`;
    const id = await createPerson(db, { orgId, role, name, email, timeZone: 'Europe/Berlin' });
    const { token } = await createSession(db, { id, org_id: orgId }, clock.now(), 24 * 14);
    return { id, name, token };
  };
  const admin = await person('admin', 'Ada Admin');
  const teacher = await person('teacher', 'Tereza Teacher');
  const students = [await person('student', 'Sofia Student'), await person('student', 'Lukas Learner')];

  // The same Idempotency-Key again while the read model catches up (an empty answer or a 404 after a write).
  const call = async <T>(
    who: Person,
    method: string,
    url: string,
    body?: unknown,
    after?: string,
  ): Promise<T> => {
    const key = randomUUID();
    for (let attempt = 0; ; attempt++) {
      const res = await app.inject({
        method: method as 'POST',
        url,
        payload: body as object | undefined,
        headers: {
          cookie: `${SESSION_COOKIE}=${who.token}`,
          origin: 'http://127.0.0.1:3000',
          'idempotency-key': key,
          ...(after ? { 'lectern-after': after } : {}),
        },
      });
      const lagging = !res.body || (res.statusCode === 404 && method !== 'GET');
      if (res.statusCode >= 300 && !lagging)
        throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      if (!lagging) return res.json() as T;
      if (attempt >= 20) throw new Error(`${method} ${url}: ${res.statusCode} and still no body`);
      await new Promise((r) => setTimeout(r, 500));
    }
  };

  const course = await call<{ id: string; lessons: { id: string }[] }>(admin, 'POST', '/api/courses', {
    name: 'English A2',
    lessons: [
      { title: 'At the restaurant', kind: 'class' },
      { title: 'Past simple', kind: 'class' },
    ],
  });
  const enrollmentIds: string[] = [];
  for (const student of students) {
    const enrollment = await call<{ id: string }>(admin, 'POST', '/api/enrollments', {
      courseId: course.id,
      studentId: student.id,
      teacherId: teacher.id,
      defaultLessonMinutes: 45,
      lessonCostTokens: 0,
    });
    enrollmentIds.push(enrollment.id);
  }
  const session = await call<{ id: string }>(teacher, 'POST', '/api/live-sessions', {
    kind: 'group',
    courseId: course.id,
    courseLessonId: course.lessons[0]!.id,
    studentIds: students.map((s) => s.id),
    title: 'At the restaurant (group)',
    start: new Date(clock.now().getTime() + 5 * 60_000).toISOString(),
    durationMinutes: 60,
    timeZone: 'Europe/Berlin',
  });

  return {
    database,
    runtime,
    app,
    url: `http://127.0.0.1:${port}`,
    clock,
    admin,
    teacher,
    students,
    courseId: course.id,
    lessonIds: course.lessons.map((l) => l.id),
    enrollmentIds,
    liveSessionId: session.id,
    call,
    async close() {
      await app.close();
      await runtime.close();
      await database.drop();
    },
  };
}
