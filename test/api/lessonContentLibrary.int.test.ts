// The lessons around the content: a teacher duplicates a lesson with its content (students may not, another
// organisation gets 404, a refusal appends nothing), and the Lesson Library's filters (search, type, status)
// answer the lessons they name.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { problem, status } from '../support/assert.js';

type Ctx = { t: TestApp; s: School; other: School };
const test = suite<Ctx>('lesson library and duplicates');

const document = {
  schemaVersion: 1,
  passMark: 70,
  blocks: [
    { type: 'text', text: 'Greetings in the morning and the evening.' },
    { type: 'trueFalse', id: 'tf', statement: '"Good night" is a greeting on arrival.', answer: false },
  ],
};

test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 2 });
  ctx.other = await school(ctx.t, { students: 1, name: 'Other School' });
});
test.after(async ({ t }) => t.close());

test('a teacher duplicates a lesson: a new lesson of the same type with a copy of the content', async ({
  t,
  s,
  other,
}) => {
  const source = s.lessonIds[0]!;
  const base = `/api/courses/${s.courseId}/lessons`;
  status(await s.teacher.request('PUT', `${base}/${source}/content`, document), 200);
  const before = await t.countEvents();
  problem(await s.students[0]!.post(`${base}/${source}/duplicate`, {}), 403);
  problem(await other.teacher.post(`${base}/${source}/duplicate`, {}), 404);
  problem(await s.teacher.post(`${base}/${other.lessonIds[0]}/duplicate`, {}), 404);
  problem(await s.teacher.post(`${base}/${source}/duplicate`, { title: '' }), 400);
  assert.is(await t.countEvents(), before, 'refusals append nothing');

  const res = await s.teacher.post(`${base}/${source}/duplicate`, {}, { 'idempotency-key': 'dup-1' });
  status(res, 201);
  const copy = res.json();
  assert.equal([copy.title, copy.kind, copy.revision], ['Greetings (copy)', 'class', 1]);
  assert.is.not(copy.lessonId, source);
  const again = await s.teacher.post(`${base}/${source}/duplicate`, {}, { 'idempotency-key': 'dup-1' });
  assert.is(again.json().lessonId, copy.lessonId, 'a retried request names the same copy');
  const content = await s.teacher.get(`${base}/${copy.lessonId}/content`);
  assert.equal(content.json().document, { ...document, blocks: content.json().document.blocks });
  assert.is(content.json().document.blocks.length, 2);
  const course = (await s.teacher.get(`/api/courses/${s.courseId}`)).json();
  assert.equal(
    course.lessons.map((l: { title: string }) => l.title),
    ['Greetings', 'Present tense', 'Practice', 'Past tense', 'Greetings (copy)'],
  );
  // A lesson without content is copied as a lesson alone, under the title asked for.
  const bare = await s.admin.post(`${base}/${s.lessonIds[3]}/duplicate`, { title: 'Past tense again' });
  status(bare, 201);
  assert.equal([bare.json().title, bare.json().revision], ['Past tense again', 0]);
});

test('the Lesson Library filters by title, type and status', async ({ t, s }) => {
  const url = `/api/enrollments/${s.enrollmentIds[0]}/lessons`;
  const titles = async (query: string) => {
    const res = await s.teacher.get(`${url}${query}`);
    status(res, 200);
    return res.json().lessons.map((l: { title: string }) => l.title);
  };
  const live = await s.teacher.post('/api/live-sessions', {
    kind: 'individual',
    courseId: s.courseId,
    courseLessonId: s.lessonIds[1],
    enrollmentId: s.enrollmentIds[0],
    start: '2026-11-30T09:00:00Z',
    durationMinutes: 45,
    timeZone: 'UTC',
  });
  status(live, 201);
  status(
    await s.teacher.post(`/api/enrollments/${s.enrollmentIds[0]}/homework`, {
      courseLessonId: s.lessonIds[2],
    }),
    201,
  );
  await t.settle();
  const tenses = ['Present tense', 'Past tense', 'Past tense again'];
  assert.equal(await titles('?search=tense'), tenses);
  assert.equal(await titles('?search=TENSE&type=class'), tenses);
  assert.equal(await titles('?type=homework'), ['Practice']);
  assert.equal(await titles('?status=upcoming'), ['Present tense', 'Practice']);
  assert.ok((await titles('?status=not_scheduled')).includes('Greetings'));
  assert.equal(await titles('?search=nothing-like-this'), []);
  problem(await s.teacher.get(`${url}?type=lecture`), 400);
  problem(await s.teacher.get(`${url}?status=passed`), 400);
});

test('an instant lesson made in a group session is shown to the group, answered there, and put away', async ({
  t,
  s,
}) => {
  const res = await s.teacher.post('/api/live-sessions', {
    kind: 'group',
    courseId: s.courseId,
    courseLessonId: s.lessonIds[1],
    studentIds: s.students.map((p) => p.id),
    start: '2026-12-01T09:00:00Z',
    durationMinutes: 45,
    timeZone: 'UTC',
  });
  status(res, 201);
  const room = `/api/rooms/ls-${res.json().id as string}`;
  t.clock.set('2026-12-01T08:58:00Z');
  status(await s.teacher.post(`/api/live-sessions/${res.json().id as string}/start`), 200);
  const created = await s.teacher.post(`${room}/instant-lessons`, { title: 'Quick quiz' });
  status(created, 201);
  const lessonId = created.json().lessonId as string;
  const [ana, ben] = s.students as [School['students'][0], School['students'][0]];
  assert.is((await ana.get(`${room}/lesson`)).json().current, null, 'made, not shown yet');
  status(await s.teacher.request('PUT', `${room}/instant-lessons/${lessonId}/content`, document), 200);

  problem(await ana.request('PUT', `${room}/lesson`, { lessonId }), 403);
  problem(await s.teacher.request('PUT', `${room}/lesson`, { lessonId: s.lessonIds[0] }), 409);
  const shown = await s.teacher.request('PUT', `${room}/lesson`, { lessonId });
  status(shown, 200);
  for (const student of [ana, ben]) {
    const lesson = (await student.get(`${room}/lesson`)).json();
    assert.equal([lesson.current.lessonId, lesson.current.kind], [lessonId, 'instant']);
    assert.is((await student.get(`${room}/instant-lessons/${lessonId}/content`)).json().view, 'student');
  }
  const answer = { exerciseId: 'tf', answer: { type: 'trueFalse', value: false } };
  status(await ana.post(`${room}/instant-lessons/${lessonId}/answers`, answer), 201);
  status(
    await ben.post(`${room}/instant-lessons/${lessonId}/answers`, {
      ...answer,
      answer: { type: 'trueFalse', value: true },
    }),
    201,
  );
  const progress = (await s.teacher.get(`${room}/instant-lessons/${lessonId}/answers`)).json().students;
  assert.equal(
    progress.map((p: { studentId: string; correct: number }) => [p.studentId, p.correct]),
    [
      [ana.id, 1],
      [ben.id, 0],
    ],
  );
  status(await s.teacher.request('PUT', `${room}/lesson`, { lessonId: null }), 200);
  assert.is((await ben.get(`${room}/lesson`)).json().current, null, 'back to the session lesson');
});

test.run();
