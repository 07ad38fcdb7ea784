// Homework you can do: the homework points to a course lesson with content; the first answer starts it, handing
// in passes it at the pass mark or asks to try again (attempts kept), essays wait for the teacher, who verifies.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { problem, status } from '../support/assert.js';

type Ctx = { t: TestApp; s: School; url: string; homeworkId: string };
const test = suite<Ctx>('homework with lesson content');

const document = {
  schemaVersion: 1,
  passMark: 60,
  blocks: [
    { type: 'trueFalse', id: 'tf', points: 2, statement: 'Paris is in Italy.', answer: false },
    {
      type: 'wordOrder',
      id: 'order',
      points: 2,
      words: ['I', 'have', 'never', 'been', 'there'],
    },
    { type: 'essay', id: 'essay', points: 4, prompt: 'Where would you like to travel?' },
  ],
};

test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 2 });
  const lesson = ctx.s.lessonIds[2]!;
  status(
    await ctx.s.teacher.request('PUT', `/api/courses/${ctx.s.courseId}/lessons/${lesson}/content`, document),
    200,
  );
  const res = await ctx.s.teacher.post(`/api/enrollments/${ctx.s.enrollmentIds[0]}/homework`, {
    courseLessonId: lesson,
  });
  status(res, 201);
  ctx.homeworkId = res.json().id;
  ctx.url = `/api/enrollments/${ctx.s.enrollmentIds[0]}/homework/${ctx.homeworkId}`;
});
test.after(async ({ t }) => t.close());

const homeworkStatus = async (ctx: Ctx) =>
  (await ctx.s.students[0]!.get(`/api/enrollments/${ctx.s.enrollmentIds[0]}/homework`)).json().homework[0]
    .status;

test('the student reads the student view; the first answer starts the homework', async (ctx) => {
  const { s, url } = ctx;
  const student = s.students[0]!;
  const content = await student.get(`${url}/content`);
  status(content, 200);
  assert.is(content.json().view, 'student');
  assert.not.equal(content.json().document.blocks[1].words, document.blocks[1]!.words);
  problem(await s.students[1]!.get(`${url}/content`), 404);
  assert.is(await homeworkStatus(ctx), 'added');
  problem(await student.post(`${url}/start`), 409, 'answer_the_exercises');
  problem(await student.post(`${url}/pass`), 409, 'answer_the_exercises');
  status(
    await student.post(`${url}/answers`, { exerciseId: 'tf', answer: { type: 'trueFalse', value: true } }),
    201,
  );
  assert.is(await homeworkStatus(ctx), 'started');
});

test('below the pass mark: try again, the attempt is kept and the answers start afresh', async (ctx) => {
  const { s, url } = ctx;
  const student = s.students[0]!;
  const res = await student.post(`${url}/hand-in`);
  status(res, 200);
  const mine = res.json().students[0];
  assert.equal(
    mine.attempts.map((a: { attempt: number; outcome: string; percent: number }) => [
      a.attempt,
      a.outcome,
      a.percent,
    ]),
    [[1, 'try_again', 0]],
  );
  assert.is(mine.answered, 0);
  assert.is(await homeworkStatus(ctx), 'started');
  // The homework list and the enrollment's lessons carry the last attempt's outcome and score.
  const list = (await s.teacher.get('/api/homework')).json().homework;
  const item = list.find((h: { id: string }) => h.id === ctx.homeworkId);
  assert.equal([item.lastAttempt.attempt, item.lastAttempt.outcome], [1, 'try_again']);
  const lessons = (await student.get(`/api/enrollments/${s.enrollmentIds[0]}/lessons`)).json().lessons;
  const practice = lessons.find((l: { courseLessonId: string }) => l.courseLessonId === s.lessonIds[2]);
  assert.equal(practice.score, {
    points: 0,
    maxPoints: 8,
    percent: 0,
    answered: 0,
    exercises: 3,
    outcome: 'try_again',
    place: 'homework',
    placeId: ctx.homeworkId,
    at: practice.score.at,
  });
  const other = lessons.find((l: { courseLessonId: string }) => l.courseLessonId === s.lessonIds[0]);
  assert.is(other.score, null, 'a lesson without answers has no score');
});

test('with an essay the attempt waits for the teacher; grading it passes the homework; the teacher verifies', async (ctx) => {
  const { s, url, t } = ctx;
  const student = s.students[0]!;
  const answer = (exerciseId: string, a: unknown) =>
    student.post(`${url}/answers`, { exerciseId, answer: a });
  status(await answer('tf', { type: 'trueFalse', value: false }), 201);
  status(await answer('order', { type: 'wordOrder', words: ['i', 'have', 'never', 'been', 'there '] }), 201);
  status(await answer('essay', { type: 'essay', text: 'I would like to travel to Japan.' }), 201);
  const handedIn = await student.post(`${url}/hand-in`);
  status(handedIn, 200);
  assert.is(handedIn.json().students[0].attempts[1].outcome, 'awaiting_grading');
  assert.is(await homeworkStatus(ctx), 'started');
  const before = await t.countEvents();
  problem(await answer('tf', { type: 'trueFalse', value: true }), 409, 'awaiting_grading');
  problem(await student.post(`${url}/students/${student.id}/answers/essay/grade`, { points: 4 }), 403);
  assert.is(await t.countEvents(), before);
  const graded = await s.teacher.post(`${url}/students/${student.id}/answers/essay/grade`, {
    points: 1,
    comment: 'Short.',
  });
  status(graded, 200);
  const attempt = graded.json().students[0].attempts[1];
  assert.equal([attempt.score, attempt.maxScore, attempt.percent, attempt.outcome], [5, 8, 62.5, 'passed']);
  assert.is(await homeworkStatus(ctx), 'passed');
  const [lesson] = (
    await student.get(`/api/enrollments/${s.enrollmentIds[0]}/lessons?search=Practice`)
  ).json().lessons;
  assert.equal([lesson.score.points, lesson.score.percent, lesson.score.outcome], [5, 62.5, 'passed']);
  const [mine] = (await student.get('/api/homework')).json().homework;
  assert.equal([mine.lastAttempt.attempt, mine.lastAttempt.outcome], [2, 'passed']);
  status(await s.teacher.post(`${url}/verify`), 200);
  problem(await answer('tf', { type: 'trueFalse', value: true }), 409, 'homework_closed');
});

test.run();
