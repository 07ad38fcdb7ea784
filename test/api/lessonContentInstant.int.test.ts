// Instant lessons over HTTP: made in a live room, holding content the room's teacher writes, answered by the
// participants, followed, graded and revealed by the teacher.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { problem, status } from '../support/assert.js';
import { sampleDocument } from './lessonContentSample.js';

type Ctx = { t: TestApp; s: School; other: School };
const test = suite<Ctx>('instant lessons: content and answers');

test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 2 });
  ctx.other = await school(ctx.t, { students: 1, name: 'Other School' });
});
test.after(async ({ t }) => t.close());

/** An individual session at `start`, started by its teacher, with an instant lesson `title` in its room. */
async function instantLesson(t: TestApp, s: School, start: string, title: string) {
  const res = await s.teacher.post('/api/live-sessions', {
    kind: 'individual',
    courseId: s.courseId,
    enrollmentId: s.enrollmentIds[1],
    start,
    durationMinutes: 45,
    timeZone: 'UTC',
  });
  status(res, 201);
  const sessionId = res.json().id as string;
  t.clock.set(new Date(Date.parse(start) - 5 * 60_000).toISOString());
  status(await s.teacher.post(`/api/live-sessions/${sessionId}/start`), 200);
  const created = await s.teacher.post(`/api/rooms/ls-${sessionId}/instant-lessons`, { title });
  status(created, 201);
  return `/api/rooms/ls-${sessionId}/instant-lessons/${created.json().lessonId as string}`;
}

test('instant lessons hold content too: the room teacher writes it, the student reads the student view', async ({
  t,
  s,
  other,
}) => {
  const url = `${await instantLesson(t, s, '2026-11-26T09:00:00Z', 'Warm-up')}/content`;
  assert.is((await s.teacher.get(url)).json().revision, 0);
  const before = await t.countEvents();
  problem(await s.students[1]!.request('PUT', url, sampleDocument), 403);
  problem(
    await s.teacher.request('PUT', url, { schemaVersion: 1, blocks: [{ type: 'essay', id: 'e' }] }),
    400,
  );
  problem(await other.teacher.request('PUT', url, sampleDocument), 404);
  problem(await s.students[0]!.get(url), 404, 'not_found');
  assert.is(await t.countEvents(), before);
  status(await s.teacher.request('PUT', url, sampleDocument), 200);
  const view = await s.students[1]!.get(url);
  status(view, 200);
  assert.is(view.json().view, 'student');
  assert.not.ok(view.body.includes('"correct"'));
  // A course lesson is not one of the room's instant lessons.
  const room = url.split('/instant-lessons/')[0]!;
  problem(await s.teacher.get(`${room}/instant-lessons/${s.lessonIds[0]}/content`), 404);
});

test('instant lessons are answered in the live room: the participant answers, the teacher follows, grades and reveals', async ({
  t,
  s,
  other,
}) => {
  const url = await instantLesson(t, s, '2026-11-26T11:00:00Z', 'Quiz');
  status(await s.teacher.request('PUT', `${url}/content`, sampleDocument), 200);
  const student = s.students[1]!;

  const before = await t.countEvents();
  problem(
    await s.teacher.post(`${url}/answers`, { exerciseId: 'tf', answer: { type: 'trueFalse', value: false } }),
    403,
  );
  problem(
    await s.students[0]!.post(`${url}/answers`, {
      exerciseId: 'tf',
      answer: { type: 'trueFalse', value: false },
    }),
    404,
  );
  problem(await other.teacher.get(`${url}/answers`), 404);
  problem(
    await student.post(`${url}/answers`, { exerciseId: 'nope', answer: { type: 'trueFalse', value: false } }),
    409,
    'exercise_not_in_revision',
  );
  assert.is(await t.countEvents(), before);

  const tf = await student.post(`${url}/answers`, {
    exerciseId: 'tf',
    answer: { type: 'trueFalse', value: false },
  });
  status(tf, 201);
  assert.equal([tf.json().correct, tf.json().status], [true, 'graded']);
  status(
    await student.post(`${url}/answers`, {
      exerciseId: 'essay',
      answer: { type: 'essay', text: 'I went hiking.' },
    }),
    201,
  );

  const own = (await student.get(`${url}/answers`)).json();
  assert.is(own.key, null);
  assert.equal(
    own.students.map((x: { studentId: string; answered: number }) => [x.studentId, x.answered]),
    [[student.id, 2]],
  );
  const all = await s.teacher.get(`${url}/answers`);
  status(all, 200);
  assert.equal(
    all.json().students.map((x: { studentId: string }) => x.studentId),
    [student.id],
  );
  assert.ok(all.json().key.tf);

  problem(await student.post(`${url}/students/${student.id}/answers/essay/grade`, { points: 5 }), 403);
  const graded = await s.teacher.post(`${url}/students/${student.id}/answers/essay/grade`, {
    points: 4,
    comment: 'Nice.',
  });
  status(graded, 200);
  assert.is(graded.json().students[0].score, 1 + 4);

  // The room tells the student as soon as a grade is in the log, maybe before the projector applied it: her
  // read waits for the read model, so it has the new grade (here the projector is stopped until she reads).
  await t.deps.projections.stop();
  try {
    const regraded = await s.teacher.post(
      `${url}/students/${student.id}/answers/essay/grade`,
      { points: 3, comment: 'Better with a second sentence.' },
      { prefer: 'return=minimal' },
    );
    assert.ok(regraded.statusCode < 300, regraded.body);
    const mine = (await student.get(`${url}/answers`)).json().students[0];
    const essay = mine.answers.find((a: { exerciseId: string }) => a.exerciseId === 'essay');
    assert.equal([essay.points, essay.comment], [3, 'Better with a second sentence.']);
  } finally {
    t.deps.projections.start();
  }

  status(await s.teacher.post(`${url}/answers/reveal`), 200);
  assert.ok((await student.get(`${url}/answers`)).json().key.tf);
  problem(
    await student.post(`${url}/answers`, {
      exerciseId: 'mc',
      answer: { type: 'multipleChoice', selected: ['b'] },
    }),
    409,
    'answers_revealed',
  );
});

test.run();
