// The completion screen's next steps through the HTTP API: homework with badges, the next class, Continue Lesson,
// Next Lesson, "All lessons assigned" and Assign Other Lesson.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { problem, status } from '../support/assert.js';

// Lessons of the fixture course: 0 Greetings (class), 1 Present tense (class), 2 Practice (homework), 3 Past tense.
const test = suite<{ t: TestApp; s: School; first: string; second: string; third: string }>('next steps');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 2 });
  const res = await ctx.s.teacher.post('/api/live-sessions', {
    kind: 'individual',
    courseId: ctx.s.courseId,
    courseLessonId: ctx.s.lessonIds[0],
    enrollmentId: ctx.s.enrollmentIds[0],
    start: '2026-11-24T09:00:00Z',
    timeZone: 'Europe/Berlin',
  });
  status(res, 201);
  ctx.first = res.json().id;
});
test.after(async ({ t }) => t.close());

const steps = (s: School, id: string) => s.teacher.get(`/api/live-sessions/${id}/next-steps`);
const schedule = (s: School, id: string, body: Record<string, unknown>) =>
  s.teacher.post(`/api/live-sessions/${id}/next-steps/schedule`, body);

test('with nothing scheduled: Continue Lesson and Next Lesson, and the homework with its badge', async ({
  s,
  first,
}) => {
  status(
    await s.teacher.post(`/api/enrollments/${s.enrollmentIds[0]}/homework`, {
      courseLessonId: s.lessonIds[2],
      scheduledFor: '2026-11-27T17:00:00Z',
    }),
    201,
  );
  const res = await steps(s, first);
  status(res, 200);
  const body = res.json();
  assert.is(body.nextClass, null);
  assert.equal(body.suggestions, [
    { suggestion: 'continue', courseLessonId: s.lessonIds[0], title: 'Greetings' },
    { suggestion: 'next', courseLessonId: s.lessonIds[1], title: 'Present tense' },
  ]);
  assert.is(body.allLessonsAssigned, false);
  assert.equal(
    body.homework.map((h: { title: string; status: string; scheduledFor: string }) => [
      h.title,
      h.status,
      h.scheduledFor,
    ]),
    [['Practice', 'added', '2026-11-27T17:00:00.000Z']],
  );
});

test('scheduling Next Lesson books the next lesson; then the next class is shown instead', async (ctx) => {
  const { s, first } = ctx;
  const res = await schedule(s, first, { suggestion: 'next', start: '2026-11-26T09:00:00Z' });
  status(res, 201);
  const session = res.json();
  ctx.second = session.id;
  assert.is(session.courseLessonId, s.lessonIds[1]);
  assert.is(session.durationMinutes, 45, "the enrollment's lesson length");
  assert.is(session.enrollmentId, s.enrollmentIds[0]);
  const body = (await steps(s, first)).json();
  assert.is(body.nextClass.id, session.id);
  assert.is(body.nextClass.start, '2026-11-26T09:00:00.000Z');
  assert.equal(body.suggestions, []);
});

test('after the last class lesson: only Continue Lesson, and "All lessons assigned"', async (ctx) => {
  const { s, second } = ctx;
  const third = await schedule(s, second, { suggestion: 'next', start: '2026-11-28T09:00:00Z' });
  status(third, 201);
  assert.is(third.json().courseLessonId, s.lessonIds[3], 'Practice is homework, so Past tense is next');
  ctx.third = third.json().id;
  const body = (await steps(s, ctx.third)).json();
  assert.equal(body.suggestions, [
    { suggestion: 'continue', courseLessonId: s.lessonIds[3], title: 'Past tense' },
  ]);
  assert.is(body.allLessonsAssigned, true);
  assert.is(body.nextLesson, null);
  problem(
    await schedule(s, ctx.third, { suggestion: 'next', start: '2026-11-30T09:00:00Z' }),
    409,
    'all_lessons_assigned',
  );
});

test('Continue Lesson schedules the same lesson again; Assign Other Lesson takes any lesson', async ({
  t,
  s,
  third,
}) => {
  const again = await schedule(s, third, {
    suggestion: 'continue',
    start: '2026-11-30T09:00:00Z',
    durationMinutes: 60,
  });
  status(again, 201);
  assert.is(again.json().courseLessonId, s.lessonIds[3]);
  assert.is(again.json().durationMinutes, 60);
  const events = await t.countEvents();
  problem(await schedule(s, third, { suggestion: 'other', start: '2026-12-01T09:00:00Z' }), 400);
  problem(await schedule(s, third, { suggestion: 'sideways', start: '2026-12-01T09:00:00Z' }), 400);
  assert.is(await t.countEvents(), events);
  const other = await schedule(s, third, {
    suggestion: 'other',
    courseLessonId: s.lessonIds[0],
    start: '2026-12-01T09:00:00Z',
  });
  status(other, 201);
  assert.is(other.json().courseLessonId, s.lessonIds[0]);
});

test('only the teacher of the session and admins see or act on next steps', async ({ t, s, first }) => {
  problem(await s.students[0]!.get(`/api/live-sessions/${first}/next-steps`), 403);
  problem(await s.otherTeacher.get(`/api/live-sessions/${first}/next-steps`), 404);
  problem(
    await s.otherTeacher.post(`/api/live-sessions/${first}/next-steps/schedule`, {
      suggestion: 'continue',
      start: '2026-12-02T09:00:00Z',
    }),
    404,
  );
  const { admin } = await t.organisation('Elsewhere');
  problem(await admin.get(`/api/live-sessions/${first}/next-steps`), 404);
  status(await s.admin.get(`/api/live-sessions/${first}/next-steps`), 200);
});

test.run();
