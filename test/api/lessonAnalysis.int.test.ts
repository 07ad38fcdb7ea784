// Lesson analyses end to end: a passed lesson's analysis is paid when requested (a 70-token debit whose ledger
// line is the analysis), runs in the background to a report with six sections whose figures equal a count made
// from the answer events; a failure gives the tokens back; a lesson not passed or verified is refused with
// nothing paid; bulk covers the 20 most recent passed or verified lessons for 500 tokens. With a model endpoint
// (a local chat-completions server) the prose is the model's and the figures the built-in engine's; an error,
// a timeout or invalid output falls back to the built-in prose and the report says why.
import { sql } from 'kysely';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { problem, status } from '../support/assert.js';
import { engineOverride } from '../../commands/lessonAnalysis/worker.js';
import type { Report } from '../../domain/lessonAnalysis/report.js';
import { projections } from '../../projections/index.js';
import { rebuildProjection } from '../../projections/rebuild.js';
import { ERASED_TEXT } from '../../commands/eventStore/personalData/fields.js';
import { chatServer, countFromEvents, passedLesson, waitForStatus } from './lessonAnalysisFixture.js';

type Ctx = { t: TestApp; s: School; lesson: { lessonId: string; homeworkId: string } };
const test = suite<Ctx>('lesson analyses on the built-in engine');
const env = { ANALYSIS_MAX_ATTEMPTS: '2', ANALYSIS_RETRY_MS: '50', ANALYSIS_TIMEOUT_MS: '8000' };

test.before(async (ctx) => {
  ctx.t = (await testApp({ env }))!;
  ctx.s = await school(ctx.t, { students: 1 });
  status(
    await ctx.s.admin.post(`/api/wallets/${ctx.s.orgId}/credits`, { tokens: 1000, reason: 'Budget' }),
    201,
  );
  ctx.lesson = await passedLesson(ctx.t, ctx.s);
});
test.after(async ({ t }) => t.close());

const analysesUrl = (s: School) => `/api/enrollments/${s.enrollmentIds[0]}/lesson-analyses`;
const orgWallet = async (s: School) => (await s.admin.get(`/api/wallets/${s.orgId}`)).json();

test('a passed lesson: requested, then ready within 10 s with six sections whose figures come from the answer events', async ({
  t,
  s,
  lesson,
}) => {
  const res = await s.teacher.post(analysesUrl(s), { scope: 'single', courseLessonId: lesson.lessonId });
  status(res, 202);
  const requested = res.json();
  assert.equal([requested.scope, requested.tokens, requested.lessons.length], ['single', 70, 1]);
  assert.ok(['requested', 'running', 'ready'].includes(requested.status));
  assert.is(res.headers.location, `/api/lesson-analyses/${requested.id}`);
  const done = await waitForStatus(s.teacher, requested.id, ['ready', 'failed']);
  assert.is(done.status, 'ready', done.lastError);
  assert.ok(done.elapsedMs < 10_000);
  const report = done.report;
  for (const section of [
    'performanceSummary',
    'exerciseBreakdown',
    'strengthsAndWeaknesses',
    'essayFeedback',
    'recommendations',
    'learningPlan',
  ])
    assert.ok(report[section], `section ${section}`);
  assert.equal(report.engine, { prose: 'builtin', model: null, fallback: null, fallbackReason: null });
  assert.is(report.language, 'en');
  const counted = await countFromEvents(t, lesson.homeworkId, s.students[0]!.id);
  const reported = Object.fromEntries(
    report.exerciseBreakdown.byType.map((b: Record<string, number | string>) => [
      b.type,
      { answered: b.answered, correct: b.correct, incorrect: b.incorrect, pending: b.pending },
    ]),
  );
  assert.equal(reported, counted);
  assert.equal(Object.keys(counted).sort(), [
    'essay',
    'gapFill',
    'matching',
    'multipleChoice',
    'trueFalse',
    'wordOrder',
  ]);
  const patterns = report.exerciseBreakdown.errorPatterns;
  assert.equal(
    patterns.gaps.map((g: { item: string; given: string }) => [g.item, g.given]),
    [['2', 'readed']],
  );
  assert.equal(
    patterns.distractors.map((d: { text: string }) => d.text),
    ['goed'],
  );
  assert.is(report.essayFeedback.essays[0].rating, 'good');
  assert.is(report.essayFeedback.essays[0].teacherComment, 'Nice detail.');
  assert.ok(report.recommendations.length > 0);
  assert.ok(report.learningPlan.focusAreas.length > 0);
  // Paid when requested: the organisation's ledger line is the analysis.
  const wallet = await orgWallet(s);
  const line = wallet.ledger.find((l: { entryId: string }) => l.entryId === done.id);
  assert.equal([line.cause, line.change], ['analysis', -70]);
  assert.is(done.debitEntryId, done.id);
  assert.is(wallet.balance, 930);
  const list = (await s.admin.get(analysesUrl(s))).json().analyses;
  assert.ok(list.some((a: { id: string; status: string }) => a.id === done.id && a.status === 'ready'));
});

test('the same Idempotency-Key names the same analysis and pays once', async ({ s, lesson }) => {
  const before = (await orgWallet(s)).balance;
  const body = { scope: 'single', courseLessonId: lesson.lessonId };
  const headers = { 'idempotency-key': 'analysis-once' };
  const first = await s.teacher.post(analysesUrl(s), body, headers);
  const again = await s.teacher.post(analysesUrl(s), body, headers);
  status(first, 202);
  status(again, 202);
  assert.is(again.json().id, first.json().id);
  await waitForStatus(s.teacher, first.json().id, ['ready']);
  assert.is((await orgWallet(s)).balance, before - 70);
});

test('a forced engine failure: attempts retried, then failed, and the tokens given back with the cause', async ({
  s,
  lesson,
}) => {
  const before = (await orgWallet(s)).balance;
  engineOverride.current = {
    name: 'broken',
    analyse: async () => {
      throw new Error('forced failure');
    },
  };
  try {
    const res = await s.admin.post(analysesUrl(s), { scope: 'single', courseLessonId: lesson.lessonId });
    status(res, 202);
    const failed = await waitForStatus(s.admin, res.json().id, ['failed', 'ready']);
    assert.is(failed.status, 'failed');
    assert.is(failed.attempts, 2);
    assert.is(failed.lastError, 'the engine failed: forced failure');
    // The same for the interface to word in each person's language: the code and the engine's own words.
    assert.equal(failed.lastFailure, { code: 'engine_failed', timeoutMs: null, detail: 'forced failure' });
    let analysis = failed;
    for (let i = 0; i < 100 && !analysis.refundEntryId; i++) {
      await new Promise((r) => setTimeout(r, 50));
      analysis = (await s.admin.get(`/api/lesson-analyses/${failed.id}`)).json();
    }
    const wallet = await orgWallet(s);
    const refund = wallet.ledger.find((l: { entryId: string }) => l.entryId === analysis.refundEntryId);
    assert.equal([refund.cause, refund.change, refund.reversedEntryId], ['reversal', 70, failed.id]);
    assert.match(refund.reason, new RegExp(`Lesson analysis ${failed.id} failed.*forced failure`));
    assert.is(wallet.balance, before);
  } finally {
    engineOverride.current = null;
  }
});

test('a lesson not passed or verified: 409 and nothing paid; students 403, another teacher 404', async ({
  t,
  s,
}) => {
  const added = await s.admin.post(`/api/courses/${s.courseId}/lessons`, { title: 'Open', kind: 'homework' });
  const lessonId = (added.json().lessons as { id: string; title: string }[]).find(
    (l) => l.title === 'Open',
  )!.id;
  const notAssigned = { scope: 'single', courseLessonId: lessonId };
  await t.settle();
  const before = { balance: (await orgWallet(s)).balance, events: await t.countEvents() };
  problem(await s.teacher.post(analysesUrl(s), notAssigned), 409, 'lesson_not_completed');
  status(
    await s.teacher.post(`/api/enrollments/${s.enrollmentIds[0]}/homework`, { courseLessonId: lessonId }),
    201,
  );
  await t.settle();
  const events = await t.countEvents();
  problem(await s.teacher.post(analysesUrl(s), notAssigned), 409, 'lesson_not_completed');
  assert.is(await t.countEvents(), events);
  assert.is((await orgWallet(s)).balance, before.balance);
  status(await s.students[0]!.post(analysesUrl(s), notAssigned), 403);
  status(await s.otherTeacher.post(analysesUrl(s), notAssigned), 404);
  problem(await s.teacher.post(analysesUrl(s), { scope: 'single' }), 400);
  // The confirmation's figures: the price, the spendable balance, and only passed or verified lessons.
  const quote = (await s.teacher.get(`${analysesUrl(s)}/quote`)).json();
  assert.equal(quote.costs, { single: 70, bulk: 500 });
  assert.is(quote.balance, before.balance);
  assert.equal(quote.canAfford, { single: before.balance >= 70, bulk: before.balance >= 500 });
  assert.not.ok(quote.analysable.some((l: { courseLessonId: string }) => l.courseLessonId === lessonId));
  assert.ok(quote.analysable.every((l: { status: string }) => ['passed', 'verified'].includes(l.status)));
  status(await s.students[0]!.get(`${analysesUrl(s)}/quote`), 403);
});

test('bulk: exactly the 20 most recent passed or verified lessons, 500 tokens', async ({ t, s }) => {
  const created: string[] = [];
  for (let i = 0; i < 22; i++) {
    const title = `Bulk ${i}`;
    const added = await s.admin.post(`/api/courses/${s.courseId}/lessons`, { title, kind: 'homework' });
    const lessonId = (added.json().lessons as { id: string; title: string }[]).find(
      (l) => l.title === title,
    )!.id;
    const hw = await s.teacher.post(`/api/enrollments/${s.enrollmentIds[0]}/homework`, {
      courseLessonId: lessonId,
    });
    t.clock.advance(1);
    const url = `/api/enrollments/${s.enrollmentIds[0]}/homework/${hw.json().id}`;
    if (i === 21) continue; // assigned, never passed
    status(await s.teacher.post(`${url}/pass`), 200);
    if (i % 5 === 0) status(await s.teacher.post(`${url}/verify`), 200);
    created.push(lessonId);
  }
  await t.settle();
  const before = (await orgWallet(s)).balance;
  const res = await s.admin.post(analysesUrl(s), { scope: 'bulk' });
  status(res, 202);
  const bulk = res.json();
  assert.is(bulk.tokens, 500);
  assert.equal(
    bulk.lessons.map((l: { courseLessonId: string }) => l.courseLessonId),
    created.slice(-20).reverse(),
  );
  assert.ok(bulk.lessons.every((l: { status: string }) => l.status === 'passed' || l.status === 'verified'));
  const done = await waitForStatus(s.admin, bulk.id, ['ready', 'failed']);
  assert.is(done.status, 'ready', done.lastError);
  assert.is(done.report.performanceSummary.lessons.length, 20);
  assert.is((await orgWallet(s)).balance, before - 500);
});

test("the reports' texts about the student are sealed in the log; erasing her erases them, figures kept", async ({
  t,
  s,
}) => {
  const student = s.students[0]!;
  const completed = async () =>
    (
      await sql<{ data: string }>`SELECT data::text AS data FROM events
        WHERE type = 'LessonAnalysisCompleted'`.execute(t.deps.db)
    ).rows.map((r) => r.data);
  const logged = await completed();
  assert.ok(logged.length >= 2);
  for (const data of logged)
    for (const text of ['readed', 'Nice detail.'])
      assert.not.ok(data.includes(text), `no plaintext "${text}" in a LessonAnalysisCompleted event`);
  const list = (await s.admin.get(analysesUrl(s))).json().analyses as { id: string; status: string }[];
  const ready = list.filter((a) => a.status === 'ready');
  const reports = async () =>
    Promise.all(ready.map(async (a) => (await s.admin.get(`/api/lesson-analyses/${a.id}`)).json().report));
  const before = await reports();
  assert.ok(JSON.stringify(before).includes('readed'), 'readable while she is there');

  status(await s.admin.post(`/api/people/${student.id}/erase`), 200);
  await t.settle();
  const after = await reports();
  const text = JSON.stringify(after);
  for (const gone of ['readed', 'Nice detail.']) assert.not.ok(text.includes(gone), `"${gone}" erased`);
  const gaps = after.flatMap((r) => r.exerciseBreakdown.errorPatterns.gaps as { given: string }[]);
  assert.ok(gaps.length > 0 && gaps.every((g) => g.given === ERASED_TEXT), 'the wrong gaps are still there');
  assert.equal(
    after.map((r) => r.exerciseBreakdown.byType),
    before.map((r) => r.exerciseBreakdown.byType),
    'the figures stay',
  );
  const projection = projections.find((p) => p.name === 'lessonAnalyses')!;
  const rebuilt = await rebuildProjection(t.deps.db, t.deps.eventStore, projection);
  assert.is(rebuilt.rebuiltChecksum, rebuilt.liveChecksum, 'a rebuild shows the same erased reports');
});

test.run();

// ---- a model endpoint ----

const ai = suite<{
  t: TestApp;
  s: School;
  lesson: Ctx['lesson'];
  server: Awaited<ReturnType<typeof chatServer>>;
}>('lesson analyses with an OpenAI-compatible endpoint');
ai.before(async (ctx) => {
  ctx.server = await chatServer();
  ctx.t = (await testApp({
    env: {
      ...env,
      AI_URL: ctx.server.url,
      AI_API_KEY: 'test-key',
      AI_MODEL: 'local-model',
      AI_TIMEOUT_MS: '3000',
    },
  }))!;
  ctx.s = await school(ctx.t, { students: 1, name: 'AI School' });
  status(
    await ctx.s.admin.post(`/api/wallets/${ctx.s.orgId}/credits`, { tokens: 1000, reason: 'Budget' }),
    201,
  );
  ctx.lesson = await passedLesson(ctx.t, ctx.s);
});
ai.after(async ({ t, server }) => {
  await t.close();
  await server.close();
});

const analyse = async ({ s, lesson }: { s: School; lesson: Ctx['lesson'] }) => {
  const res = await s.teacher.post(analysesUrl(s), { scope: 'single', courseLessonId: lesson.lessonId });
  status(res, 202);
  const done = await waitForStatus(s.teacher, res.json().id, ['ready', 'failed'], 20_000);
  assert.is(done.status, 'ready', done.lastError);
  return done.report;
};
const figuresOf = (report: Report) => ({
  summary: { ...report.performanceSummary, text: undefined },
  byType: report.exerciseBreakdown.byType,
  patterns: report.exerciseBreakdown.errorPatterns,
  recommendations: report.recommendations.map((r: { rationale?: string }) => ({
    ...r,
    rationale: undefined,
  })),
});

ai(
  'prose from the model, figures from the built-in engine; errors, timeouts and invalid output fall back',
  async (ctx) => {
    ctx.server.state.mode = 'error';
    const fallback = await analyse(ctx);
    assert.equal(fallback.engine, {
      prose: 'builtin',
      model: 'local-model',
      fallback: 'the model endpoint answered HTTP 500',
      fallbackReason: { code: 'http_error', status: 500, timeoutMs: null, detail: null },
    });
    ctx.server.state.mode = 'prose';
    const model = await analyse(ctx);
    assert.equal(model.engine, { prose: 'ai', model: 'local-model', fallback: null, fallbackReason: null });
    assert.is(model.performanceSummary.text, 'AI summary.');
    assert.is(model.learningPlan.text, 'AI plan.');
    assert.is(model.essayFeedback.essays[0].detail, 'AI essay detail.');
    assert.equal(figuresOf(model), figuresOf(fallback));
    const sent = ctx.server.state.requests.at(-1)!;
    assert.is(sent.auth, 'Bearer test-key');
    assert.is(sent.body.model, 'local-model');
    ctx.server.state.mode = 'slow';
    const slow = await analyse(ctx);
    assert.equal(
      [slow.engine.prose, slow.engine.fallback, slow.engine.fallbackReason],
      [
        'builtin',
        'the model gave no answer within 3000 ms',
        { code: 'no_answer', status: null, timeoutMs: 3000, detail: null },
      ],
    );
    ctx.server.state.mode = 'invalid';
    const invalid = await analyse(ctx);
    assert.equal(
      [invalid.engine.prose, invalid.engine.fallback, invalid.engine.fallbackReason?.code],
      ['builtin', 'the model answered with invalid JSON', 'invalid_json'],
    );
    assert.equal(figuresOf(invalid), figuresOf(fallback));
    assert.not.equal(invalid.performanceSummary.text, 'AI summary.');
  },
);

ai.run();
