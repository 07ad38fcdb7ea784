// Requests cannot smuggle in what they should not: an Idempotency-Key reused with another body is 422, a
// correlation id is a UUID or refused, a session's lesson belongs to its course, training links are http(s), and
// every pooled Postgres connection carries statement and idle-in-transaction timeouts.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { trainingSchool, eventBody, type TrainingSchool } from '../api/trainingFixture.js';

const test = suite<{ t: TestApp; s: School; ts: TrainingSchool }>('request integrity');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t);
  ctx.ts = await trainingSchool(ctx.t, 1);
});
test.after(async ({ t }) => t?.close());

let slot = 0;
const start = () => new Date(Date.UTC(2027, 2, 1, 8) + slot++ * 3_600_000).toISOString();
const session = (s: School) => ({
  kind: 'individual',
  courseId: s.courseId,
  enrollmentId: s.enrollmentIds[0],
  teacherId: s.teacher.id,
  start: start(),
  durationMinutes: 30,
  timeZone: 'UTC',
});

test('an Idempotency-Key sent again with the same body replays; with another body it is 422', async ({
  t,
  s,
}) => {
  const key = { 'idempotency-key': `course-${randomUUID()}` };
  const first = await s.admin.post('/api/courses', { name: 'Idempotent', lessons: [] }, key);
  assert.is(first.statusCode, 201, first.body);
  const events = await t.countEvents();
  const again = await s.admin.post('/api/courses', { name: 'Idempotent', lessons: [] }, key);
  assert.is(again.statusCode, 201, again.body);
  assert.is(again.json().id, first.json().id);
  const other = await s.admin.post('/api/courses', { name: 'Something else', lessons: [] }, key);
  assert.is(other.statusCode, 422, other.body);
  assert.match(String(other.headers['content-type']), /application\/problem\+json/);
  assert.match(other.json().detail, /Idempotency-Key/);
  assert.is(other.json().fields[0].path, 'headers.idempotency-key');
  assert.is(await t.countEvents(), events, 'the reuse appended nothing');
  // The first request's result stands: the course keeps its first name.
  const course = await s.admin.get(`/api/courses/${first.json().id}`);
  assert.is(course.json().name, 'Idempotent');
});

test('an Idempotency-Key reused on a stream that exists (a PATCH) with another body is 422', async ({
  s,
}) => {
  const created = await s.admin.post('/api/live-sessions', session(s));
  assert.is(created.statusCode, 201, created.body);
  const id = created.json().id as string;
  const key = { 'idempotency-key': `patch-${randomUUID()}` };
  const first = await s.admin.request(
    'PATCH',
    `/api/live-sessions/${id}`,
    { title: 'One', notes: null },
    key,
  );
  assert.is(first.statusCode, 200, first.body);
  const same = await s.admin.request('PATCH', `/api/live-sessions/${id}`, { title: 'One', notes: null }, key);
  assert.is(same.statusCode, 200, same.body);
  assert.is(same.headers['idempotent-replayed'], 'true');
  const other = await s.admin.request(
    'PATCH',
    `/api/live-sessions/${id}`,
    { title: 'Two', notes: null },
    key,
  );
  assert.is(other.statusCode, 422, other.body);
});

test('X-Correlation-Id: a UUID is kept in the events, anything else is 400 naming the header', async ({
  t,
  s,
}) => {
  const correlationId = randomUUID();
  const ok = await s.admin.post(
    '/api/courses',
    { name: 'Correlated', lessons: [] },
    { 'x-correlation-id': correlationId },
  );
  assert.is(ok.statusCode, 201, ok.body);
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM events WHERE metadata->>'correlationId' = ${correlationId}`.execute(
    t.deps.db,
  );
  assert.ok(rows[0]!.n >= 1);
  for (const bad of ['<script>', 'x'.repeat(300), "1' OR '1'='1", '12345']) {
    const events = await t.countEvents();
    const res = await s.admin.post(
      '/api/courses',
      { name: 'Bad id', lessons: [] },
      { 'x-correlation-id': bad },
    );
    assert.is(res.statusCode, 400, `${bad}: ${res.body}`);
    assert.match(res.json().detail, /X-Correlation-Id must be a UUID/);
    assert.is(res.json().fields[0].path, 'headers.x-correlation-id');
    assert.is(await t.countEvents(), events);
  }
});

test("a session's courseLessonId must belong to its course: scheduling and changing details", async ({
  s,
}) => {
  const other = await s.admin.post('/api/courses', {
    name: 'Other course',
    lessons: [{ title: 'Elsewhere', kind: 'class' }],
  });
  const foreignLesson = other.json().lessons[0].id as string;
  const scheduled = await s.admin.post('/api/live-sessions', {
    ...session(s),
    courseLessonId: foreignLesson,
  });
  assert.is(scheduled.statusCode, 409, scheduled.body);
  assert.match(scheduled.json().detail, /lesson does not belong to this course/);
  assert.is(scheduled.json().field, 'courseLessonId', 'the problem names the field');

  const created = await s.admin.post('/api/live-sessions', { ...session(s), courseLessonId: s.lessonIds[0] });
  assert.is(created.statusCode, 201, created.body);
  const id = created.json().id as string;
  for (const lesson of [foreignLesson, randomUUID()]) {
    const res = await s.teacher.request('PATCH', `/api/live-sessions/${id}`, {
      title: null,
      notes: null,
      courseLessonId: lesson,
    });
    assert.is(res.statusCode, 409, res.body);
    assert.is(res.json().type, 'https://lectern.dev/problems/rule/lesson_not_in_course');
    assert.is(res.json().field, 'courseLessonId', 'the problem names the field');
  }
  const ok = await s.teacher.request('PATCH', `/api/live-sessions/${id}`, {
    title: null,
    notes: null,
    courseLessonId: s.lessonIds[1],
  });
  assert.is(ok.statusCode, 200, ok.body);
  assert.is(ok.json().courseLessonId, s.lessonIds[1]);
});

test('training links and images are http(s) only', async ({ ts }) => {
  for (const url of ['javascript:alert(document.cookie)', 'JavaScript:alert(1)', 'data:text/html,<b>x</b>']) {
    const training = await ts.admin.post('/api/trainings', { name: 'Links', description: '', imageUrl: url });
    assert.is(training.statusCode, 400, training.body);
    assert.ok(training.json().fields.some((f: { path: string }) => f.path.includes('imageUrl')));
  }
  const training = await ts.admin.post('/api/trainings', { name: 'Links', description: '', imageUrl: null });
  assert.is(training.statusCode, 201, training.body);
  const trainingId = training.json().id as string;
  const section = await ts.admin.post(`/api/trainings/${trainingId}/sections`, {
    name: 'A',
    participantGroupIds: [ts.groupId],
    registrationOpens: '2026-11-20T00:00:00Z',
    registrationCloses: '2026-12-01T00:00:00Z',
    capacity: 10,
    trainerIds: [ts.trainer.id],
    events: [eventBody(ts, 4)],
  });
  assert.is(section.statusCode, 201, section.body);
  const sectionId = section.json().sections.at(-1).id as string;
  const url = `/api/trainings/${trainingId}/sections/${sectionId}/events`;
  for (const link of ['javascript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'file:///etc/passwd']) {
    const res = await ts.admin.post(url, eventBody(ts, 5, 2, { link }));
    assert.is(res.statusCode, 400, `${link}: ${res.body}`);
    assert.ok(
      res.json().fields.some((f: { path: string }) => f.path.includes('link')),
      res.body,
    );
  }
  const ok = await ts.admin.post(url, eventBody(ts, 5, 2, { link: 'https://meet.example.com/a' }));
  assert.ok(ok.statusCode === 200 || ok.statusCode === 201, ok.body);
});

test('every pooled Postgres connection has a statement and an idle-in-transaction timeout', async ({ t }) => {
  if (t.dbKind !== 'postgres') return;
  // Several at once, so that more than one connection of the pool answers.
  const answers = await Promise.all(
    Array.from({ length: 4 }, () =>
      t.deps.db.transaction().execute(async (trx) => {
        const s = await sql<{ v: string }>`SHOW statement_timeout`.execute(trx);
        const i = await sql<{ v: string }>`SHOW idle_in_transaction_session_timeout`.execute(trx);
        return [Object.values(s.rows[0]!)[0], Object.values(i.rows[0]!)[0]];
      }),
    ),
  );
  for (const [statement, idle] of answers) {
    assert.is(statement, '30s');
    assert.is(idle, '1min');
  }
  // And the server enforces it: a statement longer than the limit is cancelled.
  await t.deps.db
    .transaction()
    .execute(async (trx) => {
      await sql`SET LOCAL statement_timeout = 200`.execute(trx);
      const error = await sql`SELECT pg_sleep(2)`.execute(trx).then(
        () => null,
        (e: Error) => e,
      );
      assert.match(String(error?.message), /statement timeout/);
    })
    .catch(() => undefined);
});

test.run();
