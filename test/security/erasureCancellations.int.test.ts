// Erasure reaches cancellation reasons: a teacher cancels a live session and deletes another one, a trainer
// cancels a training event, each with a reason that is their own text; both are erased. Afterwards their reasons
// appear nowhere (the API, any table with the mails already taken from the outbox, the raw events table, every
// read model rebuilt with equal checksums) while the session and the training event stay canceled. A reason
// given by someone who is not erased stays as written.
import { sql } from 'kysely';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { status } from '../support/assert.js';
import { publishedTraining, trainingSchool, type TrainingSchool } from '../api/trainingFixture.js';
import { projections } from '../../projections/index.js';
import { rebuildProjection } from '../../projections/rebuild.js';

const SESSION_REASON = 'Tereza cancels: my divorce hearing is that morning';
const DELETE_REASON = 'Tereza deletes: booked it while on sedatives';
const TRAINING_REASON = 'Trainer cancels: chemotherapy week';
const ADMIN_REASON = 'The school is closed for the holiday';
const TEXTS = [SESSION_REASON, DELETE_REASON, TRAINING_REASON];

type Ctx = {
  t: TestApp;
  s: School;
  ts: TrainingSchool;
  sessionId: string;
  adminSessionId: string;
  trainingId: string;
  eventId: string;
};
const test = suite<Ctx>('erasure reaches cancellation reasons');

test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 2 });
  ctx.ts = await trainingSchool(ctx.t, 1);
});
test.after(async ({ t }) => t?.close());

const session = async (s: School, enrollment: number, start: string) => {
  const res = await s.teacher.post('/api/live-sessions', {
    kind: 'individual',
    courseId: s.courseId,
    enrollmentId: s.enrollmentIds[enrollment],
    start,
    durationMinutes: 45,
    timeZone: 'UTC',
  });
  status(res, 201);
  return res.json().id as string;
};

/** Every table (this schema) whose rows mention a text, anywhere in a row. */
async function tablesMentioning(t: TestApp, text: string) {
  const { rows: tables } = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(t.deps.db);
  const found: string[] = [];
  for (const { table_name } of tables) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM ${sql.table(table_name)} x WHERE x::text ILIKE ${'%' + text + '%'}`.execute(
      t.deps.db,
    );
    if (rows[0]!.n > 0) found.push(table_name);
  }
  return found;
}

const rawEventsMentioning = async (t: TestApp, text: string) =>
  (
    await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM events WHERE data::text ILIKE ${'%' + text + '%'}`.execute(t.deps.db)
  ).rows[0]!.n;

/** What the API says of the canceled session and training event. */
async function shown({ s, ts, sessionId, adminSessionId, trainingId, eventId }: Ctx) {
  const mine = await s.admin.get(`/api/live-sessions/${sessionId}`);
  const admins = await s.admin.get(`/api/live-sessions/${adminSessionId}`);
  const training = await ts.admin.get(`/api/trainings/${trainingId}`);
  for (const res of [mine, admins, training]) status(res, 200);
  const events = training.json().sections.flatMap((x: { events: unknown[] }) => x.events) as {
    id: string;
    status: string;
    cancelReason: string | null;
  }[];
  const event = events.find((e) => e.id === eventId)!;
  return {
    session: { status: mine.json().status, reason: mine.json().cancelReason },
    adminSession: { status: admins.json().status, reason: admins.json().cancelReason },
    trainingEvent: { status: event.status, reason: event.cancelReason },
    bodies: mine.body + admins.body + training.body,
  };
}

test('cancellation reasons are shown, mailed, and sealed in the log', async (ctx) => {
  const { t, s, ts } = ctx;
  ctx.sessionId = await session(s, 0, '2026-11-30T10:00:00.000Z');
  ctx.adminSessionId = await session(s, 1, '2026-11-30T12:00:00.000Z');
  const mistaken = await session(s, 0, '2026-12-01T10:00:00.000Z');
  const cancel = (who: typeof s.admin, id: string, reason: string) =>
    who.post(`/api/live-sessions/${id}/cancel`, { reason });
  status(await cancel(s.teacher, ctx.sessionId, SESSION_REASON), 200);
  status(await cancel(s.admin, ctx.adminSessionId, ADMIN_REASON), 200);
  status(await s.teacher.post(`/api/live-sessions/${mistaken}/deletion`, { reason: DELETE_REASON }), 204);

  const { trainingId, sectionId, eventIds } = await publishedTraining(ts);
  ctx.trainingId = trainingId;
  ctx.eventId = eventIds[0]!;
  const registrations = `/api/trainings/${trainingId}/sections/${sectionId}/registrations`;
  status(await ts.learners[0]!.post(registrations), 201);
  const canceled = await ts.trainer.post(`/api/trainings/${trainingId}/events/${ctx.eventId}/cancel`, {
    reason: TRAINING_REASON,
  });
  status(canceled, 200);
  await t.settle();
  await t.runtime.mailer.runOnce(); // the mails leave the outbox for the deliveries

  const before = await shown(ctx);
  assert.equal(before.session, { status: 'canceled', reason: SESSION_REASON });
  assert.equal(before.adminSession, { status: 'canceled', reason: ADMIN_REASON });
  assert.equal(before.trainingEvent, { status: 'canceled', reason: TRAINING_REASON });
  for (const text of [SESSION_REASON, TRAINING_REASON])
    assert.ok((await tablesMentioning(t, text)).includes('mail_deliveries'), `mailed: ${text}`);
  for (const text of TEXTS)
    assert.is(await rawEventsMentioning(t, text), 0, `no plaintext in events: ${text}`);
});

test('after erasing who canceled, their reasons appear nowhere; the cancellations stay', async (ctx) => {
  const { t, s, ts } = ctx;
  status(await s.admin.post(`/api/people/${s.teacher.id}/erase`), 200);
  status(await ts.admin.post(`/api/people/${ts.trainer.id}/erase`), 200);
  await t.settle();

  const after = await shown(ctx);
  assert.equal(after.session, { status: 'canceled', reason: '[erased]' });
  assert.equal(after.adminSession, { status: 'canceled', reason: ADMIN_REASON }, 'the admin was not erased');
  assert.equal(after.trainingEvent, { status: 'canceled', reason: '[erased]' });
  for (const text of TEXTS) assert.not.ok(after.bodies.includes(text), `the API shows "${text}"`);
  const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  const csvRoutes = Object.keys(doc.paths).filter((p) => p.endsWith('.csv') && 'get' in doc.paths[p]!);
  for (const route of csvRoutes) {
    const res = await s.admin.get(`${route}?from=2026-11-01T00:00:00.000Z&to=2026-12-31T00:00:00.000Z`);
    status(res, 200);
    for (const text of TEXTS) assert.not.ok(res.body.includes(text), `${route} shows "${text}"`);
  }

  for (const text of TEXTS) assert.equal(await tablesMentioning(t, text), [], text);
  for (const projection of projections) {
    const result = await rebuildProjection(t.deps.db, t.deps.eventStore, projection);
    assert.is(result.rebuiltChecksum, result.liveChecksum, `rebuilt ${projection.name} equals the live one`);
  }
  for (const text of TEXTS) assert.equal(await tablesMentioning(t, text), [], `${text} after rebuild`);
  const rebuilt = await shown(ctx);
  assert.equal(
    { ...rebuilt, bodies: '' },
    { ...after, bodies: '' },
    'the API shows the same after the rebuild',
  );
});

test.run();
