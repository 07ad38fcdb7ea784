// Writes answer with their resource while another transaction is open: one held for 30 s in another database of
// the same Postgres cluster must not hold back this database's projectors, and one held in this very database
// (which does hold the projectors back, so no late commit is ever skipped) must not hold back the answers.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import pg from 'pg';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { status } from '../support/assert.js';
import { postgresAvailable, testDatabase, type TestDatabase } from '../support/services.js';
import { skippedSuite } from '../support/suite.js';

const HOLD_MS = 30_000;

type Ctx = { t: TestApp; s: School; other: TestDatabase };

/** A transaction that has a transaction id and stays open until released. */
async function holdTransaction(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  const { rows } = await client.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid');
  return {
    xid: rows[0]!.xid,
    async release() {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

const at = (day: number, hour: number) =>
  `2027-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;

async function scheduleOne(s: School, n: number) {
  const res = await s.teacher.post('/api/live-sessions', {
    kind: 'individual',
    courseId: s.courseId,
    enrollmentId: s.enrollmentIds[0],
    start: at(1 + (n % 28), 8 + (n % 10)),
    timeZone: 'UTC',
    title: `Lesson ${n}`,
  });
  status(res, 201);
  return res;
}

if (!(await postgresAvailable())) {
  skippedSuite(
    'writes while another transaction is held',
    'needs a Postgres server: another database of the same cluster holds a transaction',
    ['a transaction held 30 s in another database', 'a transaction held in this database'],
  );
} else {
  const test = suite<Ctx>('writes while another transaction is held');
  test.before(async (ctx) => {
    ctx.t = (await testApp({ requirePostgres: true }))!;
    ctx.s = await school(ctx.t);
    ctx.other = (await testDatabase({ requirePostgres: true }))!;
  });
  test.after(async ({ t, other }) => {
    await t.close();
    await other.drop();
  });

  test('a transaction held 30 s in another database', async ({ t, s, other }) => {
    const held = await holdTransaction(other.url!);
    try {
      // The whole cluster's horizon is held back by it: readers bounded by it would see nothing new.
      const { rows } = await sql<{ xmin: string }>`
        SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`.execute(t.deps.db);
      assert.ok(
        BigInt(rows[0]!.xmin) <= BigInt(held.xid),
        'the cluster-wide horizon is at the held transaction',
      );

      const until = Date.now() + HOLD_MS;
      for (let n = 0; Date.now() < until; n++) {
        const res = await scheduleOne(s, n);
        const entry = res.json();
        assert.is(entry.title, `Lesson ${n}`, 'answers with the session it created');
        assert.is(entry.teacherName, 'Tereza Teacher');
        assert.equal(entry.participants, [
          { studentId: s.students[0]!.id, name: 'Student 1', enrollmentId: s.enrollmentIds[0] },
        ]);
        const course = await s.admin.post('/api/courses', { name: `Course ${n}`, lessons: [] });
        status(course, 201);
        assert.is(course.json().name, `Course ${n}`);
        // The projectors keep up: the read models show both writes while the transaction is still open.
        status(await s.teacher.get(`/api/live-sessions/${entry.id}`), 200);
        status(await s.admin.get(`/api/courses/${course.json().id}`), 200);
        await new Promise((r) => setTimeout(r, 1000));
      }
    } finally {
      await held.release();
    }
  });

  test('a transaction held in this database', async ({ t, s }) => {
    const held = await holdTransaction(t.deps.config.DATABASE_URL!);
    try {
      const course = await s.admin.post('/api/courses', {
        name: 'Held Course',
        lessons: [{ title: 'One', kind: 'class' }],
      });
      status(course, 201);
      assert.equal(
        course.json().lessons.map((l: { title: string; position: number }) => [l.title, l.position]),
        [['One', 1]],
        'answers with the course it created',
      );
      const enrollment = await s.admin.post('/api/enrollments', {
        courseId: course.json().id,
        studentId: s.students[1]!.id,
        teacherId: s.teacher.id,
        defaultLessonMinutes: 30,
        lessonCostTokens: 2,
      });
      status(enrollment, 201);
      assert.is(enrollment.json().courseName, 'Held Course');
      assert.is(enrollment.json().studentName, 'Student 2');
      const session = await s.teacher.post('/api/live-sessions', {
        kind: 'individual',
        courseId: course.json().id,
        enrollmentId: enrollment.json().id,
        start: at(2, 10),
        timeZone: 'UTC',
      });
      status(session, 201);
      assert.is(session.json().courseName, 'Held Course');
      assert.is(session.json().durationMinutes, 30, "the enrollment's lesson length");
      assert.is(session.json().participants[0].name, 'Student 2');
    } finally {
      await held.release();
    }
    // Once it ends, the read models catch up with every write.
    await t.settle();
    const courses = (await s.admin.get('/api/courses')).json().courses as { name: string }[];
    assert.ok(courses.some((c) => c.name === 'Held Course'));
  });

  test.run();
}
