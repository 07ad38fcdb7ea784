// The live-room browser test's world: two server nodes (each a runtime and an app on a free port) sharing one
// Postgres database and the NATS server, a school with a teacher and students, and their sessions, and a
// Chromium with a fake camera and microphone.
import { randomUUID } from 'node:crypto';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { buildApp, type App } from '../../../main/app.js';
import { loadConfig } from '../../../kernel/config.js';
import { openRuntime, type Runtime } from '../../../main/runtime.js';
import { createSession, SESSION_COOKIE } from '../../../auth/sessions.js';
import { createOrganisation, createPerson } from '../../../db/people.js';
import type { Role } from '../../../db/people.table.js';
import type { TestDatabase } from '../../support/services.js';
import { CHROMIUM, CHROMIUM_ARGS } from './browser.js';

export type RoomNode = { app: App; runtime: Runtime; url: string };
export type Person = { id: string; name: string; token: string };

export async function startNodes(
  database: TestDatabase,
  natsUrl: string,
  count = 2,
  /** More settings, e.g. JANUS_URL for the SFU suite. */
  env: Record<string, string> = {},
): Promise<RoomNode[]> {
  const config = loadConfig({
    DATABASE_URL: database.url,
    NATS_URL: natsUrl,
    PUBLIC_URL: 'http://127.0.0.1:3000',
    DEMO_SEED: 'off',
    LOG_LEVEL: 'warn',
    ...env,
  });
  const nodes: RoomNode[] = [];
  // One after the other: the first runs the migrations, the next find them done.
  for (let i = 0; i < count; i++) {
    // One projector per read model (DESIGN): only the first node runs them, so its writes read their own.
    const runtime = await openRuntime(config, {
      startProjections: i === 0,
      onProjectionError: (name, e) => console.error(`projection ${name}:`, e),
    });
    const app = await buildApp(runtime.deps);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    nodes.push({ app, runtime, url: `http://127.0.0.1:${port}` });
  }
  return nodes;
}

export async function closeNodes(nodes: RoomNode[]) {
  for (const node of nodes) {
    await node.app.close();
    await node.runtime.close();
  }
}

/** An organisation with an admin, a teacher and students, each with a session token for the browser. */
export async function school(node: RoomNode, studentNames: string[]) {
  const db = node.runtime.deps.db;
  const orgId = await createOrganisation(db, 'Room School');
  const person = async (role: Role, name: string): Promise<Person> => {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${orgId.slice(0, 6)}@test.lectern.dev`;
    const id = await createPerson(db, { orgId, role, name, email, timeZone: 'Europe/Berlin' });
    const { token } = await createSession(db, { id, org_id: orgId }, new Date(), 24);
    return { id, name, token };
  };
  const admin = await person('admin', 'Ada Admin');
  const teacher = await person('teacher', 'Tereza Teacher');
  // A second teacher for a second session in the same minutes (a teacher cannot be booked twice).
  const tutor = await person('teacher', 'Tom Tutor');
  const students: Person[] = [];
  for (const name of studentNames) students.push(await person('student', name));

  // Under load the read model may lag past the API's read-your-writes wait (an empty 201): the same request
  // again with the same Idempotency-Key appends nothing and answers from the read model once it has caught up.
  const call = async (who: Person, method: string, url: string, body?: unknown) => {
    const key = randomUUID();
    for (let attempt = 0; ; attempt++) {
      const res = await node.app.inject({
        method: method as 'POST',
        url,
        payload: body as object | undefined,
        headers: {
          cookie: `${SESSION_COOKIE}=${who.token}`,
          origin: 'http://127.0.0.1:3000',
          'idempotency-key': key,
        },
      });
      const lagging = !res.body || (res.statusCode === 404 && method === 'POST');
      if (res.statusCode >= 300 && !lagging)
        throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      if (!lagging) return res.json();
      if (attempt === 0)
        console.log(
          `NOTE ${method} ${url} answered ${res.statusCode} before its read model caught up; asking again`,
        );
      if (attempt >= 20) throw new Error(`${method} ${url}: ${res.statusCode} and still no body`);
      await new Promise((r) => setTimeout(r, 500));
    }
  };

  const course = await call(admin, 'POST', '/api/courses', {
    name: 'English B1',
    lessons: [
      { title: 'Greetings and introductions', kind: 'class' },
      { title: 'Present tense practice', kind: 'homework' },
      { title: 'Reading: a day in the city', kind: 'independent' },
    ],
  });
  const enrollmentIds: string[] = [];
  for (const student of students) {
    const enrollment = await call(admin, 'POST', '/api/enrollments', {
      courseId: course.id,
      studentId: student.id,
      teacherId: teacher.id,
      defaultLessonMinutes: 45,
      lessonCostTokens: 4,
    });
    enrollmentIds.push(enrollment.id);
  }
  const tutorEnrollment = await call(admin, 'POST', '/api/enrollments', {
    courseId: course.id,
    studentId: students[0]!.id,
    teacherId: tutor.id,
    defaultLessonMinutes: 45,
    lessonCostTokens: 4,
  });

  /** A session starting in three minutes: its room is open now (from 10 minutes before). */
  const liveSession = async (kind: 'group' | 'individual', students_: Person[], host = teacher) => {
    const enrollmentId = host === tutor ? tutorEnrollment.id : enrollmentIds[students.indexOf(students_[0]!)];
    const session = await call(host, 'POST', '/api/live-sessions', {
      kind,
      courseId: course.id,
      courseLessonId: course.lessons[0].id,
      ...(kind === 'individual' ? { enrollmentId } : { studentIds: students_.map((s) => s.id) }),
      start: new Date(Date.now() + 3 * 60_000).toISOString(),
      durationMinutes: 60,
      timeZone: 'Europe/Berlin',
    });
    return session.id as string;
  };

  return { orgId, admin, teacher, tutor, students, liveSession, call };
}

/** Chromium for the live room: fake camera and microphone, no prompts; `extra` adds flags of a suite's own. */
export async function launchChromium(extra: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      '--autoplay-policy=no-user-gesture-required',
      '--allow-loopback-in-peer-connection',
      // getDisplayMedia picks the screen without a dialog.
      '--auto-select-desktop-capture-source=Entire screen',
      ...extra,
    ],
  });
}

/** A browser context signed in as `who` on the nodes (cookies are per host, so every node accepts it). */
export async function contextFor(browser: Browser, who: Person): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 860 },
    timezoneId: 'Europe/Berlin',
  });
  // Three browsers with video beside the rest of the suite on two cores: a room page can be busy for a while
  // (loading the whiteboard, decoding video), so its actions get the minute the lesson pages get too.
  context.setDefaultTimeout(60_000);
  await context.grantPermissions(['camera', 'microphone']);
  await context.addCookies([
    {
      name: SESSION_COOKIE,
      value: who.token,
      domain: '127.0.0.1',
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
    },
  ]);
  return context;
}
