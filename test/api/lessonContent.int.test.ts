// Lesson content and answers over HTTP: teachers write a lesson's document, students read the student view and
// answer in a live session (graded by the server), the teacher sees everyone's progress, grades essays and
// reveals answers; refused input appends nothing; students never see keys or others' answers; another
// organisation gets 404.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { problem, status } from '../support/assert.js';
import { rebuildProjection } from '../../projections/rebuild.js';
import { lessonAnswersProjection } from '../../projections/lessonAnswers/lessonAnswers.js';
import { sampleDocument } from './lessonContentSample.js';

type Ctx = { t: TestApp; s: School; other: School; sessionId: string };
const test = suite<Ctx>('lesson content and answers');

const contentUrl = (s: School, lesson = 1) =>
  `/api/courses/${s.courseId}/lessons/${s.lessonIds[lesson]}/content`;

test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 2 });
  ctx.other = await school(ctx.t, { students: 1, name: 'Other School' });
  const res = await ctx.s.teacher.post('/api/live-sessions', {
    kind: 'group',
    courseId: ctx.s.courseId,
    courseLessonId: ctx.s.lessonIds[1],
    studentIds: ctx.s.students.map((p) => p.id),
    start: '2026-11-24T09:00:00Z',
    durationMinutes: 45,
    timeZone: 'UTC',
  });
  status(res, 201);
  ctx.sessionId = res.json().id;
});
test.after(async ({ t }) => t.close());

test('a lesson without content reads as an empty document at revision 0', async ({ s }) => {
  const res = await s.teacher.get(contentUrl(s));
  status(res, 200);
  assert.is(res.json().revision, 0);
  assert.equal(res.json().document.blocks, []);
});

test('malformed documents get a 400 naming the field and append nothing', async ({ t, s }) => {
  const before = await t.countEvents();
  const put = (body: unknown) => s.teacher.request('PUT', contentUrl(s), body);
  const fields = async (body: unknown) => {
    const p = problem(await put(body), 400) as unknown as { fields: { path: string }[] };
    return p.fields.map((f) => f.path);
  };
  assert.ok(
    (await fields({ schemaVersion: 1, blocks: [{ type: 'crossword', id: 'x' }] }))[0]!.startsWith(
      'body.blocks.0',
    ),
  );
  const noCorrect = {
    schemaVersion: 1,
    blocks: [
      {
        type: 'multipleChoice',
        id: 'q',
        question: 'q',
        options: [
          { id: 'a', text: 'a', correct: false },
          { id: 'b', text: 'b', correct: false },
        ],
      },
    ],
  };
  assert.equal(await fields(noCorrect), ['body.blocks.0.options']);
  const tooMany = {
    schemaVersion: 1,
    blocks: Array.from({ length: 201 }, (_, i) => ({
      type: 'trueFalse',
      id: `t${i}`,
      statement: 's',
      answer: true,
    })),
  };
  assert.equal(await fields(tooMany), ['body.blocks']);
  // Just over 1 MiB: the lesson route takes the body and the document check names the limit.
  const oversize = {
    schemaVersion: 1,
    blocks: Array.from({ length: 6 }, () => ({ type: 'text', text: 'x'.repeat(175_000) })),
  };
  const tooLarge = problem(await put(oversize), 400) as unknown as {
    detail: string;
    fields: { path: string; message: string }[];
  };
  assert.equal(
    tooLarge.fields.map((f) => f.path),
    ['body'],
  );
  assert.match(tooLarge.fields[0]!.message, /more than 1048576/);
  assert.match(tooLarge.detail, /at most 1048576 \(1 MiB\)/);
  // Far beyond the limit the body is refused before it is read, like on every route.
  const huge = { schemaVersion: 1, blocks: [{ type: 'text', text: 'x'.repeat(1_200_000) }] };
  problem(await put(huge), 413);
  problem(await s.students[0]!.request('PUT', contentUrl(s), sampleDocument), 403);
  assert.is(await t.countEvents(), before);
});

test('the teacher writes a revision; a student reads the student view without answers', async ({ s }) => {
  const res = await s.teacher.request('PUT', contentUrl(s), sampleDocument);
  status(res, 200);
  assert.is(res.json().revision, 1);
  assert.is(res.json().view, 'full');
  const again = await s.teacher.request('PUT', contentUrl(s), sampleDocument, {
    'if-match': res.headers.etag as string,
  });
  status(again, 200);
  assert.is(again.json().revision, 1, 'the same document is no new revision');
  const student = await s.students[0]!.get(contentUrl(s));
  status(student, 200);
  assert.is(student.json().view, 'student');
  const body = student.body;
  assert.not.ok(body.includes('"correct"'));
  assert.not.ok(body.includes('accepted'));
  assert.not.ok(body.includes('"answer"'));
  const exported = await s.teacher.get(`${contentUrl(s)}/export`);
  status(exported, 200);
  assert.is(exported.json().schemaVersion, 1);
  problem(await s.students[0]!.get(`${contentUrl(s)}/export`), 403);
  // Import: the exported JSON written to another lesson.
  const imported = await s.admin.request('PUT', contentUrl(s, 3), exported.json());
  status(imported, 200);
  assert.equal(imported.json().document, exported.json());
});

test('another organisation gets 404', async ({ s, other, sessionId }) => {
  problem(await other.teacher.get(contentUrl(s)), 404);
  problem(await other.admin.request('PUT', contentUrl(s), sampleDocument), 404);
  problem(await other.students[0]!.get(`/api/live-sessions/${sessionId}/answers`), 404);
  problem(await other.admin.get(`/api/live-sessions/${sessionId}/content`), 404);
});

test('students answer in the live session: graded by the server, malformed answers append nothing', async ({
  t,
  s,
  sessionId,
}) => {
  const [a, b] = s.students as [School['students'][0], School['students'][0]];
  const url = `/api/live-sessions/${sessionId}/answers`;
  const before = await t.countEvents();
  problem(await a.post(url, { exerciseId: 'mc', answer: { type: 'gapFill', gaps: ['x'] } }), 400);
  problem(await a.post(url, { exerciseId: 'mc', answer: { type: 'multipleChoice', selected: ['zz'] } }), 400);
  problem(await a.post(url, { exerciseId: 'mc', answer: { type: 'multipleChoice' } }), 400);
  problem(
    await a.post(url, { exerciseId: 'nope', answer: { type: 'trueFalse', value: true } }),
    409,
    'exercise_not_in_revision',
  );
  problem(await s.teacher.post(url, { exerciseId: 'tf', answer: { type: 'trueFalse', value: false } }), 403);
  assert.is(await t.countEvents(), before);

  const mc = await a.post(url, { exerciseId: 'mc', answer: { type: 'multipleChoice', selected: ['b'] } });
  status(mc, 201);
  assert.equal(mc.json(), {
    exerciseId: 'mc',
    points: 2,
    maxPoints: 2,
    correct: true,
    status: 'graded',
    revision: 1,
  });
  const gap = await a.post(url, {
    exerciseId: 'gap',
    answer: { type: 'gapFill', gaps: [' READ ', 'watch'] },
  });
  assert.is(gap.json().points, 1);
  const again = await a.post(url, {
    exerciseId: 'gap',
    answer: { type: 'gapFill', gaps: [' READ ', 'watch'] },
  });
  status(again, 201);
  const essay = await a.post(url, {
    exerciseId: 'essay',
    answer: { type: 'essay', text: 'I went to the sea.' },
  });
  assert.is(essay.json().status, 'awaiting_teacher');
  status(await b.post(url, { exerciseId: 'tf', answer: { type: 'trueFalse', value: true } }), 201);

  // A student sees only their own answers and no key.
  const mine = await a.get(url);
  status(mine, 200);
  assert.is(mine.json().students.length, 1);
  assert.is(mine.json().students[0].studentId, a.id);
  assert.is(mine.json().key, null);
  assert.not.ok(mine.body.includes(b.id));
  // The teacher sees everyone's progress.
  const all = (await s.teacher.get(url)).json();
  const progress = Object.fromEntries(all.students.map((p: { studentId: string }) => [p.studentId, p]));
  assert.is(progress[a.id].answered, 3);
  assert.is(progress[a.id].correct, 1);
  assert.is(progress[a.id].score, 3);
  assert.is(progress[a.id].maxScore, 10);
  assert.is(progress[b.id].answered, 1);
  assert.is(progress[b.id].score, 0);
  assert.ok(all.key.mc);
});

test('a later revision that removes an exercise does not change what the session was taught with', async ({
  s,
  sessionId,
}) => {
  const without = {
    ...sampleDocument,
    blocks: sampleDocument.blocks.filter((b) => !('id' in b) || b.id !== 'tf'),
  };
  const res = await s.teacher.request('PUT', contentUrl(s), without);
  status(res, 200);
  assert.is(res.json().revision, 2);
  const url = `/api/live-sessions/${sessionId}/answers`;
  status(
    await s.students[0]!.post(url, { exerciseId: 'tf', answer: { type: 'trueFalse', value: false } }),
    201,
  );
  const content = await s.students[0]!.get(`/api/live-sessions/${sessionId}/content`);
  assert.is(content.json().revision, 1);
});

test('the teacher grades an essay; a student cannot', async ({ t, s, sessionId }) => {
  const a = s.students[0]!;
  const grade = `/api/live-sessions/${sessionId}/students/${a.id}/answers/essay/grade`;
  const before = await t.countEvents();
  problem(await a.post(grade, { points: 5 }), 403);
  problem(await s.teacher.post(grade, { points: 6 }), 400);
  problem(
    await s.teacher.post(
      `/api/live-sessions/${sessionId}/students/${s.students[1]!.id}/answers/essay/grade`,
      { points: 1 },
    ),
    409,
    'no_essay',
  );
  assert.is(await t.countEvents(), before);
  const res = await s.teacher.post(grade, { points: 4, comment: 'Nice sea.' });
  status(res, 200);
  const essay = res
    .json()
    .students.find((p: { studentId: string }) => p.studentId === a.id)
    .answers.find((x: { exerciseId: string }) => x.exerciseId === 'essay');
  assert.is(essay.points, 4);
  assert.is(essay.comment, 'Nice sea.');
});

test('revealed answers: students see the key, no more answers', async ({ s, sessionId }) => {
  const url = `/api/live-sessions/${sessionId}/answers`;
  problem(await s.students[0]!.post(`${url}/reveal`), 403);
  status(await s.teacher.post(`${url}/reveal`), 200);
  const mine = await s.students[1]!.get(url);
  assert.ok(mine.json().key.tf);
  assert.is((await s.students[1]!.get(`/api/live-sessions/${sessionId}/content`)).json().view, 'full');
  problem(
    await s.students[1]!.post(url, { exerciseId: 'mc', answer: { type: 'multipleChoice', selected: ['a'] } }),
    409,
    'answers_revealed',
  );
});

test('answers after the session ended are refused (409) and append nothing', async ({ t, s }) => {
  const res = await s.teacher.post('/api/live-sessions', {
    kind: 'individual',
    courseId: s.courseId,
    courseLessonId: s.lessonIds[1],
    enrollmentId: s.enrollmentIds[0],
    start: '2026-11-25T09:00:00Z',
    durationMinutes: 45,
    timeZone: 'UTC',
  });
  status(res, 201);
  const id = res.json().id as string;
  t.clock.set('2026-11-25T08:55:00Z');
  status(await s.teacher.post(`/api/live-sessions/${id}/start`), 200);
  status(
    await s.students[0]!.post(`/api/live-sessions/${id}/answers`, {
      exerciseId: 'mc',
      answer: { type: 'multipleChoice', selected: ['b'] },
    }),
    201,
  );
  status(await s.teacher.post(`/api/live-sessions/${id}/end`), 200);
  const before = await t.countEvents();
  problem(
    await s.students[0]!.post(`/api/live-sessions/${id}/answers`, {
      exerciseId: 'tf',
      answer: { type: 'trueFalse', value: false },
    }),
    409,
    'session_ended',
  );
  assert.is(await t.countEvents(), before);
  problem(await s.students[1]!.get(`/api/live-sessions/${id}/answers`), 404, 'not_found');
});

test('the lesson answers read model rebuilds from the history to the same checksum', async ({ t }) => {
  await t.settle();
  const result = await rebuildProjection(t.deps.db, t.deps.eventStore, lessonAnswersProjection, {
    replace: false,
  });
  assert.is(result.rebuiltChecksum, result.liveChecksum);
  assert.match(result.liveChecksum, /^lesson_answers:[1-9]\d*:/);
});

test.run();
