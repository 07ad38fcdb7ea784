// The Lesson Library of an enrollment through the HTTP API: every course lesson with its type and a status from
// the schedule (completed, upcoming, not scheduled), with search and filters.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { problem, status } from '../support/assert.js';

type Lesson = { title: string; type: string; status: string; liveSessionId: string | null };

// Lessons of the fixture course: 0 Greetings (class), 1 Present tense (class), 2 Practice (homework), 3 Past tense.
const test = suite<{ t: TestApp; s: School }>('the lessons of an enrollment');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 2 });
});
test.after(async ({ t }) => t.close());

const lessonsUrl = (s: School, query = '') => `/api/enrollments/${s.enrollmentIds[0]}/lessons${query}`;
const view = async (s: School, query = '') => {
  const res = await s.teacher.get(lessonsUrl(s, query));
  status(res, 200);
  return (res.json().lessons as Lesson[]).map((l) => `${l.title}|${l.type}|${l.status}`);
};
const book = async (s: School, lesson: number, start: string, enrollment = 0) => {
  const res = await s.teacher.post('/api/live-sessions', {
    kind: 'individual',
    courseId: s.courseId,
    courseLessonId: s.lessonIds[lesson],
    enrollmentId: s.enrollmentIds[enrollment],
    start,
    timeZone: 'UTC',
  });
  status(res, 201);
  return res.json().id as string;
};

test('nothing scheduled: every lesson in course order with its type', async ({ s }) => {
  assert.equal(await view(s), [
    'Greetings|class|not_scheduled',
    'Present tense|class|not_scheduled',
    'Practice|homework|not_scheduled',
    'Past tense|class|not_scheduled',
  ]);
});

test('a past session completes its lesson, a future one makes it upcoming, a canceled one frees it', async ({
  t,
  s,
}) => {
  await book(s, 0, '2026-11-23T09:00:00Z');
  await book(s, 1, '2026-11-25T09:00:00Z');
  const canceled = await book(s, 3, '2026-11-26T09:00:00Z');
  status(await s.teacher.post(`/api/live-sessions/${canceled}/cancel`, { reason: 'ill' }), 200);
  await book(s, 3, '2026-11-27T09:00:00Z', 1); // another student's session says nothing about this one
  status(
    await s.teacher.post(`/api/enrollments/${s.enrollmentIds[0]}/homework`, {
      courseLessonId: s.lessonIds[2],
    }),
    201,
  );
  t.clock.set('2026-11-23T10:00:00Z');
  assert.equal(await view(s), [
    'Greetings|class|completed',
    'Present tense|class|upcoming',
    'Practice|homework|upcoming',
    'Past tense|class|not_scheduled',
  ]);
});

test('search by title, filter by type and status', async ({ s }) => {
  assert.equal(await view(s, '?search=TENSE'), [
    'Present tense|class|upcoming',
    'Past tense|class|not_scheduled',
  ]);
  assert.equal(await view(s, '?type=homework'), ['Practice|homework|upcoming']);
  assert.equal(await view(s, '?status=completed'), ['Greetings|class|completed']);
  assert.equal(await view(s, '?type=class&status=upcoming'), ['Present tense|class|upcoming']);
  problem(await s.teacher.get(lessonsUrl(s, '?status=finished')), 400);
});

test('passed homework counts as completed', async ({ s }) => {
  const [homework] = (await s.students[0]!.get(`/api/enrollments/${s.enrollmentIds[0]}/homework`)).json()
    .homework;
  status(
    await s.students[0]!.post(`/api/enrollments/${s.enrollmentIds[0]}/homework/${homework.id}/pass`),
    200,
  );
  assert.equal(await view(s, '?type=homework'), ['Practice|homework|completed']);
});

test('the student sees their own list; nobody else outside the enrollment does', async ({ t, s }) => {
  status(await s.students[0]!.get(lessonsUrl(s)), 200);
  problem(await s.students[1]!.get(lessonsUrl(s)), 404);
  problem(await s.otherTeacher.get(lessonsUrl(s)), 404);
  const { admin } = await t.organisation('Elsewhere');
  problem(await admin.get(lessonsUrl(s)), 404);
});

test.run();
