// A session keeps the revision it was taught with from its start: a live session pins the lesson's content when it
// starts or its room opens, a homework item when it is assigned. A teacher who edits the lesson after that and
// before anyone answered changes nothing for the students of that session or homework.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { status } from '../support/assert.js';

type Ctx = { t: TestApp; s: School };
const test = suite<Ctx>('lesson content pinned at the start');

const first = {
  schemaVersion: 1,
  blocks: [
    { type: 'trueFalse', id: 'tf', statement: 'London is in England.', answer: true },
    {
      type: 'multipleChoice',
      id: 'mc',
      question: 'I ___ there yesterday.',
      options: [
        { id: 'a', text: 'go', correct: false },
        { id: 'b', text: 'went', correct: true },
      ],
    },
  ],
};
/** The edit: the true/false exercise is gone and the multiple choice has another key. */
const second = {
  schemaVersion: 1,
  blocks: [
    {
      type: 'multipleChoice',
      id: 'mc',
      question: 'I ___ there tomorrow.',
      options: [
        { id: 'a', text: 'will go', correct: true },
        { id: 'b', text: 'went', correct: false },
      ],
    },
  ],
};

const contentUrl = (s: School, lesson: number) =>
  `/api/courses/${s.courseId}/lessons/${s.lessonIds[lesson]}/content`;

/** The pins recorded for a lesson, as `kind:id@revision`. */
async function pins(t: TestApp, lessonId: string) {
  const events = await t.deps.eventStore.readStream(`lessonContent-${lessonId}`);
  return events
    .filter((e) => e.type === 'LessonContentTaught')
    .map((e) => {
      const d = e.data as { context: { kind: string; id: string }; revision: number };
      return `${d.context.kind}:${d.context.id}@${d.revision}`;
    });
}

async function session(ctx: Ctx, lesson: number, start: string) {
  const res = await ctx.s.teacher.post('/api/live-sessions', {
    kind: 'individual',
    courseId: ctx.s.courseId,
    courseLessonId: ctx.s.lessonIds[lesson],
    enrollmentId: ctx.s.enrollmentIds[0],
    start,
    durationMinutes: 45,
    timeZone: 'UTC',
  });
  status(res, 201);
  return res.json().id as string;
}

test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 1 });
});
test.after(async ({ t }) => t.close());

test('a live session started before the edit: the students answer the revision it started with', async (ctx) => {
  const { t, s } = ctx;
  status(await s.teacher.request('PUT', contentUrl(s, 0), first), 200);
  const id = await session(ctx, 0, '2026-11-24T09:00:00Z');
  t.clock.set('2026-11-24T08:58:00Z');
  status(await s.teacher.post(`/api/live-sessions/${id}/start`), 200);
  assert.equal(await pins(t, s.lessonIds[0]!), [`live:${id}@1`], 'pinned when the session started');

  t.clock.set('2026-11-24T09:01:00Z');
  const edited = await s.teacher.request('PUT', contentUrl(s, 0), second);
  status(edited, 200);
  assert.is(edited.json().revision, 2);

  const student = s.students[0]!;
  const content = await student.get(`/api/live-sessions/${id}/content`);
  assert.is(content.json().revision, 1);
  const tf = await student.post(`/api/live-sessions/${id}/answers`, {
    exerciseId: 'tf',
    answer: { type: 'trueFalse', value: true },
  });
  status(tf, 201);
  assert.equal([tf.json().revision, tf.json().correct], [1, true]);
  const mc = await student.post(`/api/live-sessions/${id}/answers`, {
    exerciseId: 'mc',
    answer: { type: 'multipleChoice', selected: ['b'] },
  });
  assert.equal([mc.json().revision, mc.json().correct], [1, true], 'graded with the key of revision 1');
  assert.equal(await pins(t, s.lessonIds[0]!), [`live:${id}@1`]);
  // A new session of the same lesson is taught with the edited lesson.
  const next = await session(ctx, 0, '2026-11-25T09:00:00Z');
  t.clock.set('2026-11-25T08:58:00Z');
  status(await s.teacher.post(`/api/live-sessions/${next}/start`), 200);
  assert.is((await student.get(`/api/live-sessions/${next}/content`)).json().revision, 2);
});

test('the room opening (the first join) pins the revision too', async (ctx) => {
  const { t, s } = ctx;
  status(await s.teacher.request('PUT', contentUrl(s, 1), first), 200);
  const id = await session(ctx, 1, '2026-11-26T09:00:00Z');
  t.clock.set('2026-11-26T08:56:00Z');
  const student = s.students[0]!;
  status(await student.post(`/api/live-sessions/${id}/presence`, { presence: 'joined' }), 200);
  t.clock.set('2026-11-26T08:57:00Z');
  status(await s.teacher.request('PUT', contentUrl(s, 1), second), 200);
  const tf = await student.post(`/api/live-sessions/${id}/answers`, {
    exerciseId: 'tf',
    answer: { type: 'trueFalse', value: false },
  });
  status(tf, 201);
  assert.equal([tf.json().revision, tf.json().correct], [1, false]);
  await t.settle();
  assert.equal(await pins(t, s.lessonIds[1]!), [`live:${id}@1`]);
});

test('homework keeps the revision it was assigned with', async ({ t, s }) => {
  status(await s.teacher.request('PUT', contentUrl(s, 2), first), 200);
  const assigned = await s.teacher.post(`/api/enrollments/${s.enrollmentIds[0]}/homework`, {
    courseLessonId: s.lessonIds[2],
  });
  status(assigned, 201);
  const homeworkId = assigned.json().id as string;
  assert.equal(await pins(t, s.lessonIds[2]!), [`homework:${homeworkId}@1`]);
  status(await s.teacher.request('PUT', contentUrl(s, 2), second), 200);
  const url = `/api/enrollments/${s.enrollmentIds[0]}/homework/${homeworkId}`;
  const student = s.students[0]!;
  assert.is((await student.get(`${url}/content`)).json().revision, 1);
  const tf = await student.post(`${url}/answers`, {
    exerciseId: 'tf',
    answer: { type: 'trueFalse', value: true },
  });
  status(tf, 201);
  assert.equal([tf.json().revision, tf.json().correct], [1, true]);
});

test('a lesson written only after the start is pinned by the first answer, at its latest revision', async (ctx) => {
  const { t, s } = ctx;
  const id = await session(ctx, 3, '2026-11-27T09:00:00Z');
  t.clock.set('2026-11-27T08:58:00Z');
  status(await s.teacher.post(`/api/live-sessions/${id}/start`), 200);
  assert.equal(await pins(t, s.lessonIds[3]!), []);
  status(await s.teacher.request('PUT', contentUrl(s, 3), first), 200);
  status(await s.teacher.request('PUT', contentUrl(s, 3), second), 200);
  const mc = await s.students[0]!.post(`/api/live-sessions/${id}/answers`, {
    exerciseId: 'mc',
    answer: { type: 'multipleChoice', selected: ['a'] },
  });
  status(mc, 201);
  assert.equal([mc.json().revision, mc.json().correct], [2, true]);
  assert.equal(await pins(t, s.lessonIds[3]!), [`live:${id}@2`]);
});

test.run();
