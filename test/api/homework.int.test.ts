// Homework through the HTTP API: the teacher assigns a course lesson with a date, the student starts and passes
// it, the teacher verifies it; removal, access and bad input.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { problem, status } from '../support/assert.js';

const test = suite<{ t: TestApp; s: School; homeworkId: string }>('homework on an enrollment');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 2 });
});
test.after(async ({ t }) => t.close());

const url = (s: School, i = 0) => `/api/enrollments/${s.enrollmentIds[i]}/homework`;

test('the teacher assigns a homework lesson with a scheduled date; the student sees it as Added', async (ctx) => {
  const { s } = ctx;
  const res = await s.teacher.post(url(s), {
    courseLessonId: s.lessonIds[2],
    scheduledFor: '2026-11-26T18:00:00+01:00',
  });
  status(res, 201);
  const homework = res.json();
  ctx.homeworkId = homework.id;
  assert.is(homework.status, 'added');
  assert.is(homework.title, 'Practice');
  assert.is(homework.kind, 'homework');
  assert.is(homework.scheduledFor, '2026-11-26T17:00:00.000Z');
  const mine = await s.students[0]!.get(url(s));
  status(mine, 200);
  assert.equal(
    mine.json().homework.map((h: { id: string; status: string }) => [h.id, h.status]),
    [[homework.id, 'added']],
  );
  const all = await s.students[0]!.get('/api/homework');
  assert.is(all.json().homework.length, 1);
  assert.is((await s.students[1]!.get('/api/homework')).json().homework.length, 0, 'not another student');
});

test('the same lesson twice is refused; a lesson of another course is refused', async ({ t, s }) => {
  const events = await t.countEvents();
  problem(await s.teacher.post(url(s), { courseLessonId: s.lessonIds[2] }), 409);
  problem(await s.teacher.post(url(s), { courseLessonId: '00000000-0000-4000-8000-000000000000' }), 409);
  problem(await s.teacher.post(url(s), { courseLessonId: 'not-an-id' }), 400);
  assert.is(await t.countEvents(), events);
});

test('Added -> Started -> Passed by the student, Verified by the teacher', async ({ s, homeworkId }) => {
  const student = s.students[0]!;
  const one = `${url(s)}/${homeworkId}`;
  problem(await student.post(`${one}/verify`), 403);
  problem(await s.teacher.post(`${one}/verify`), 409, 'homework_not_passed');
  const started = await student.post(`${one}/start`);
  status(started, 200);
  assert.is(started.json().status, 'started');
  assert.is((await student.post(`${one}/pass`)).json().status, 'passed');
  const verified = await s.teacher.post(`${one}/verify`);
  status(verified, 200);
  assert.is(verified.json().status, 'verified');
  assert.is((await student.get(url(s))).json().homework[0].status, 'verified');
  problem(await s.teacher.request('DELETE', one), 409, 'homework_verified');
  assert.is((await s.teacher.post(`${one}/revoke-verification`)).json().status, 'passed');
});

test('the teacher moves the date and removes the homework; the student may do neither', async ({
  t,
  s,
  homeworkId,
}) => {
  const one = `${url(s)}/${homeworkId}`;
  problem(await s.students[0]!.request('PATCH', one, { scheduledFor: null }), 403);
  const moved = await s.teacher.request('PATCH', one, { scheduledFor: '2026-12-01T09:00:00Z' });
  status(moved, 200);
  assert.is(moved.json().scheduledFor, '2026-12-01T09:00:00.000Z');
  problem(await s.students[0]!.request('DELETE', one), 403);
  status(await s.teacher.request('DELETE', one), 204);
  assert.equal((await s.teacher.get(url(s))).json().homework, []);
  problem(await s.teacher.post(`${one}/start`), 404);
  const events = await t.countEvents();
  status(await s.teacher.post(url(s), { courseLessonId: s.lessonIds[2] }), 201);
  assert.is(await t.countEvents(), events + 1, 'the lesson can be assigned again');
});

test('another student, another teacher and another organisation see no homework of this enrollment', async ({
  t,
  s,
}) => {
  problem(await s.students[1]!.get(url(s)), 404);
  problem(await s.otherTeacher.get(url(s)), 404);
  problem(await s.otherTeacher.post(url(s), { courseLessonId: s.lessonIds[3] }), 404);
  const { admin } = await t.organisation('Elsewhere');
  problem(await admin.get(url(s)), 404);
  problem(await admin.post(url(s), { courseLessonId: s.lessonIds[3] }), 404);
  status(await s.admin.get(url(s)), 200);
});

test.run();
