// Capacity under load (issue 5): 1,000 learners register at once for a section of 100 seats, through the HTTP
// app on real Postgres. Exactly 100 get a seat, the rest are waitlisted (or refused without a waitlist);
// nothing is lost and nobody is in twice. Prints the duration.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { status } from '../support/assert.js';
import { skippedSuite } from '../support/suite.js';
import { createPerson } from '../../db/people.js';
import { createSession, SESSION_COOKIE } from '../../auth/sessions.js';
import { buildApp } from '../../main/app.js';
import { openRuntime } from '../../main/runtime.js';
import { publishedTraining, trainingSchool, type TrainingSchool } from './trainingFixture.js';

type Node = Pick<TestApp['app'], 'inject'>;

const LEARNERS = 1000;
const SEATS = 100;

type Ctx = {
  t: TestApp;
  s: TrainingSchool;
  cookies: { id: string; cookie: string }[];
  /** The test app's node, with errors logged: an unexpected 500 under load shows its cause. */
  node: Node;
};

async function crowd(t: TestApp, s: TrainingSchool) {
  const db = t.deps.db;
  const cookies: Ctx['cookies'] = [];
  for (let i = 0; i < LEARNERS; i++) {
    const id = await createPerson(db, {
      orgId: s.orgId,
      role: 'student',
      name: `Crowd ${i}`,
      email: `crowd${i}.${s.orgId.slice(0, 8)}@test.lectern.dev`,
    });
    const { token } = await createSession(db, { id, org_id: s.orgId }, t.clock.now(), 24);
    cookies.push({ id, cookie: `${SESSION_COOKIE}=${token}` });
  }
  await db
    .insertInto('student_group_members')
    .values(cookies.map((c) => ({ group_id: s.groupId, person_id: c.id })))
    .execute();
  return cookies;
}

/** Everyone registers at once; with several nodes, requests alternate between them. */
async function rush(ctx: Ctx, trainingId: string, sectionId: string, nodes: Node[] = [ctx.node]) {
  const url = `/api/trainings/${trainingId}/sections/${sectionId}/registrations`;
  const started = performance.now();
  const responses = await Promise.all(
    ctx.cookies.map((c, i) =>
      nodes[i % nodes.length]!.inject({ method: 'POST', url, payload: {}, headers: { cookie: c.cookie } }),
    ),
  );
  return { responses, ms: performance.now() - started };
}

async function seatsIn(t: TestApp, trainingId: string) {
  const rows = await t.deps.db
    .selectFrom('training_registrations')
    .select(['learner_id', 'status'])
    .where('training_id', '=', trainingId)
    .execute();
  const count = (status: string) => rows.filter((r) => r.status === status).length;
  return { rows, registered: count('registered'), waitlisted: count('waitlisted') };
}

async function eventCounts(t: TestApp, trainingId: string) {
  const events = await t.deps.eventStore.readStream(`training-${trainingId}`);
  const of = (type: string) =>
    events.filter((e) => e.type === type).map((e) => (e.data as { learnerId: string }).learnerId);
  return { registered: of('LearnerRegistered'), waitlisted: of('LearnerWaitlisted') };
}

const t0 = await testApp({ requirePostgres: true });
if (!t0) {
  skippedSuite(
    'training capacity under load',
    'needs a real Postgres server (127.0.0.1:5432 or DATABASE_URL)',
    [
      '1,000 concurrent registrations for 100 seats: 100 registered, 900 waitlisted',
      'without a waitlist: 100 registered, 900 refused',
    ],
  );
} else {
  const test = suite<Ctx>('training capacity under load');
  test.before(async (ctx) => {
    ctx.t = t0;
    ctx.s = await trainingSchool(t0, 1);
    ctx.cookies = await crowd(t0, ctx.s);
    const node = await buildApp({ ...t0.deps, logger: { level: 'error' } });
    await node.ready();
    ctx.node = node;
  });
  test.after(async ({ t, node }) => {
    await (node as TestApp['app']).close();
    await t.close();
  });

  test('1,000 concurrent registrations for 100 seats: 100 registered, 900 waitlisted', async (ctx) => {
    const { trainingId, sectionId } = await publishedTraining(ctx.s, { capacity: SEATS });
    const { responses, ms } = await rush(ctx, trainingId, sectionId);
    console.log(`BENCH ${LEARNERS} registrations for ${SEATS} seats (waitlist on): ${Math.round(ms)} ms`);
    const bad = responses.filter((r) => r.statusCode !== 201);
    assert.is(bad.length, 0, `every registration answered 201: ${bad[0]?.body.slice(0, 300)}`);
    const statuses = responses.map((r) => r.json().me.status as string);
    assert.is(statuses.filter((x) => x === 'registered').length, SEATS);
    assert.is(statuses.filter((x) => x === 'waitlisted').length, LEARNERS - SEATS);
    const read = await seatsIn(ctx.t, trainingId);
    assert.is(read.rows.length, LEARNERS, 'nothing lost');
    assert.is(read.registered, SEATS);
    const facts = await eventCounts(ctx.t, trainingId);
    assert.is(facts.registered.length, SEATS);
    assert.is(new Set([...facts.registered, ...facts.waitlisted]).size, LEARNERS, 'nobody twice');
    assert.is(facts.registered.length + facts.waitlisted.length, LEARNERS);
    // Positions on the waitlist are 1..900, each once.
    const positions = responses.map((r) => r.json().me.waitlistPosition).filter((p) => p !== null);
    assert.equal(
      [...positions].sort((a, b) => a - b),
      Array.from({ length: LEARNERS - SEATS }, (_, i) => i + 1),
    );
  });

  test('without a waitlist: 100 registered, 900 refused', async (ctx) => {
    const { trainingId, sectionId } = await publishedTraining(ctx.s, {
      capacity: SEATS,
      waitlistEnabled: false,
    });
    const { responses, ms } = await rush(ctx, trainingId, sectionId);
    console.log(`BENCH ${LEARNERS} registrations for ${SEATS} seats (no waitlist): ${Math.round(ms)} ms`);
    const ok = responses.filter((r) => r.statusCode === 201);
    const full = responses.filter((r) => r.statusCode === 409 && r.json().type.endsWith('rule/section_full'));
    assert.is(ok.length, SEATS);
    assert.is(full.length, LEARNERS - SEATS);
    const read = await seatsIn(ctx.t, trainingId);
    assert.is(read.registered, SEATS);
    assert.is(read.rows.length, SEATS);
    status(ok[0]!, 201);
  });

  test('with approval: 100 pending, 900 waitlisted, and approving keeps to the capacity', async (ctx) => {
    const { trainingId, sectionId } = await publishedTraining(ctx.s, {
      capacity: SEATS,
      approvalRequired: true,
    });
    const { responses, ms } = await rush(ctx, trainingId, sectionId);
    console.log(
      `BENCH ${LEARNERS} registrations for ${SEATS} seats (approval required): ${Math.round(ms)} ms`,
    );
    const statuses = responses.map((r) => r.json().me?.status as string);
    assert.is(statuses.filter((x) => x === 'pending').length, SEATS);
    assert.is(statuses.filter((x) => x === 'waitlisted').length, LEARNERS - SEATS);
    const pending = ctx.cookies.filter((_, i) => statuses[i] === 'pending');
    const waiting = ctx.cookies.filter((_, i) => statuses[i] === 'waitlisted');
    const approve = (id: string) =>
      ctx.s.admin.post(`/api/trainings/${trainingId}/registrations/${id}/approve`);
    status(await approve(pending[0]!.id), 200);
    // A waitlisted learner cannot be approved past the capacity.
    const refused = await approve(waiting[0]!.id);
    assert.is(refused.statusCode, 409);
    const decline = await ctx.s.admin.post(
      `/api/trainings/${trainingId}/registrations/${pending[1]!.id}/decline`,
      {
        reason: null,
      },
    );
    status(decline, 200);
    await ctx.t.settle();
    const read = await seatsIn(ctx.t, trainingId);
    const held = read.rows.filter((r) => r.status === 'registered' || r.status === 'pending').length;
    assert.is(held, SEATS, 'the declined seat went to the first in line, no more');
  });

  test('two nodes on one database: still exactly 100 registered, nothing lost, nobody twice', async (ctx) => {
    // A second API node: its own runtime, event store client and command queue, on the same database.
    const runtime = await openRuntime(ctx.t.deps.config, { clock: ctx.t.clock, startProjections: false });
    const second = await buildApp(runtime.deps);
    await second.ready();
    try {
      const { trainingId, sectionId } = await publishedTraining(ctx.s, { capacity: SEATS });
      const { responses, ms } = await rush(ctx, trainingId, sectionId, [ctx.node, second]);
      console.log(`BENCH ${LEARNERS} registrations for ${SEATS} seats over 2 nodes: ${Math.round(ms)} ms`);
      const bad = responses.filter((r) => r.statusCode !== 201);
      assert.is(bad.length, 0, `every registration answered 201: ${bad[0]?.body.slice(0, 300)}`);
      const facts = await eventCounts(ctx.t, trainingId);
      assert.is(facts.registered.length, SEATS);
      assert.is(facts.waitlisted.length, LEARNERS - SEATS);
      assert.is(new Set([...facts.registered, ...facts.waitlisted]).size, LEARNERS, 'nobody twice');
      await ctx.t.settle();
      const read = await seatsIn(ctx.t, trainingId);
      assert.equal([read.rows.length, read.registered], [LEARNERS, SEATS]);
    } finally {
      await second.close();
      await runtime.close();
    }
  });

  test.run();
}
