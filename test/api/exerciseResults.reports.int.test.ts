// Exercise results in the scores report: after a student answers a lesson's exercises (here as homework), the
// report's JSON and its CSV show, per student and lesson, the exercises answered, correct, points and score.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { status } from '../support/assert.js';

type Ctx = { t: TestApp; s: School; lessonId: string; url: string };
const test = suite<Ctx>('exercise results in the scores report');

// The test clock stands at 2026-11-23.
const q = `from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&groupBy=month`;

const document = {
  schemaVersion: 1,
  blocks: [
    { type: 'trueFalse', id: 'tf', points: 2, statement: 'Paris is in Italy.', answer: false },
    { type: 'wordOrder', id: 'order', points: 2, words: ['I', 'have', 'been', 'there'] },
    { type: 'essay', id: 'essay', points: 4, prompt: 'Where would you like to travel?' },
  ],
};

type ExerciseRow = {
  studentId: string;
  student: string | null;
  lessonId: string;
  lesson: string | null;
  course: string | null;
  answered: number;
  correct: number;
  points: number;
  maxPoints: number;
  percent: number | null;
  awaitingGrading: number;
};

test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 2 });
  ctx.lessonId = ctx.s.lessonIds[2]!;
  status(
    await ctx.s.teacher.request(
      'PUT',
      `/api/courses/${ctx.s.courseId}/lessons/${ctx.lessonId}/content`,
      document,
    ),
    200,
  );
  const res = await ctx.s.teacher.post(`/api/enrollments/${ctx.s.enrollmentIds[0]}/homework`, {
    courseLessonId: ctx.lessonId,
  });
  status(res, 201);
  ctx.url = `/api/enrollments/${ctx.s.enrollmentIds[0]}/homework/${res.json().id}`;
});
test.after(async ({ t }) => t.close());

const exercises = async ({ s }: Ctx) => {
  const res = await s.admin.get(`/api/reports/scores?${q}`);
  status(res, 200);
  return res.json().exercises as ExerciseRow[];
};

test('no answers, no exercise results', async (ctx) => {
  assert.equal(await exercises(ctx), []);
});

test('after the student answers, the JSON has their results per lesson; an essay waits for grading', async (ctx) => {
  const { s, url, t } = ctx;
  const student = s.students[0]!;
  const answer = (exerciseId: string, a: unknown) =>
    student.post(`${url}/answers`, { exerciseId, answer: a });
  status(await answer('tf', { type: 'trueFalse', value: false }), 201);
  status(await answer('order', { type: 'wordOrder', words: ['I', 'been', 'have', 'there'] }), 201);
  status(await answer('essay', { type: 'essay', text: 'Japan, for the food.' }), 201);
  await t.settle();
  let rows = await exercises(ctx);
  assert.is(rows.length, 1);
  const row = rows[0]!;
  assert.equal(
    {
      studentId: row.studentId,
      student: row.student,
      lessonId: row.lessonId,
      lesson: row.lesson,
      course: row.course,
    },
    {
      studentId: student.id,
      student: 'Student 1',
      lessonId: ctx.lessonId,
      lesson: 'Practice',
      course: 'English B1',
    },
  );
  assert.equal(
    [row.answered, row.correct, row.points, row.maxPoints, row.percent, row.awaitingGrading],
    [3, 1, 2, 4, 50, 1],
  );

  status(
    await s.teacher.post(`${url}/students/${student.id}/answers/essay/grade`, {
      points: 3,
      comment: 'Good.',
    }),
    200,
  );
  await t.settle();
  rows = await exercises(ctx);
  assert.equal(
    [rows[0]!.answered, rows[0]!.correct, rows[0]!.points, rows[0]!.maxPoints, rows[0]!.percent],
    [3, 1, 5, 8, 62.5],
  );
  assert.is(rows[0]!.awaitingGrading, 0);

  // Filters apply: another course's, or another teacher's, report has none.
  const other = await s.admin.get(`/api/reports/scores?${q}&teacherId=${s.otherTeacher.id}`);
  assert.equal(other.json().exercises, []);
  const mine = await s.admin.get(`/api/reports/scores?${q}&teacherId=${s.teacher.id}&courseId=${s.courseId}`);
  assert.is(mine.json().exercises.length, 1);
});

test('the CSV has a row with the exercise results of the student and lesson', async ({ s }) => {
  const res = await s.admin.get(`/api/reports/scores.csv?${q}`);
  status(res, 200);
  const lines = res.body.slice(1).trimEnd().split('\r\n');
  const header = JSON.parse(`[${lines[0]}]`) as string[];
  for (const column of [
    'student',
    'lesson',
    'exercises_answered',
    'exercises_correct',
    'exercise_points',
    'exercise_max_points',
    'exercise_score_percent',
  ])
    assert.ok(header.includes(column), column);
  const rows = lines.slice(1).map((l) => JSON.parse(`[${l}]`) as string[]);
  const row = rows.find((r) => r[header.indexOf('lesson')] === 'Practice');
  assert.ok(row, res.body);
  const at = (column: string) => row![header.indexOf(column)];
  assert.equal(
    [
      at('student'),
      at('course'),
      at('teacher'),
      at('exercises_answered'),
      at('exercises_correct'),
      at('exercise_points'),
      at('exercise_max_points'),
      at('exercise_score_percent'),
      at('period'),
    ],
    ['Student 1', 'English B1', 'Tereza Teacher', '3', '1', '5', '8', '62.50', '2026-11-01'],
  );
});

test.run();
