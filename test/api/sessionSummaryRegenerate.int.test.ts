// Post-session summaries cost the organisation: each making (when the session ends, and again after a correction)
// debits its wallet by the "summaryCostTokens" setting, a ledger line with the cause summary; when the wallet is
// short none are made and the Summary tab says why. An admin or the session's teacher makes them again after a
// grade changed: the tab shows the new texts and the next revision; an Idempotency-Key pays once. The teacher
// summary names each student's homework of the lesson and its status. Made again, only the students whose own
// summary changed are mailed again.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { SummaryRefusalCode } from '../../contract/sessionSummary.js';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { status } from '../support/assert.js';
import { endedSession, summaryGroup } from './sessionSummaryFixture.js';

type Ctx = { t: TestApp; s: School; groupId: string };
const test = suite<Ctx>('post-session summaries: cost and remaking');

const document = {
  schemaVersion: 1,
  blocks: [
    { type: 'trueFalse', id: 'tf', statement: 'Went is the past of go.', answer: true },
    { type: 'essay', id: 'essay', points: 4, prompt: 'Your last weekend' },
  ],
};

test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 2 });
  const { s } = ctx;
  status(
    await s.teacher.request('PUT', `/api/courses/${s.courseId}/lessons/${s.lessonIds[1]}/content`, document),
    200,
  );
  ctx.groupId = await summaryGroup(ctx.t, s, 'B2 mornings');
});
test.after(async ({ t }) => t.close());

/** A session of the group in which the first student answers both exercises. */
const sessionOfGroup = (ctx: Ctx, start: string) =>
  endedSession(ctx, start, { studentGroupId: ctx.groupId }, async (id) => {
    const answer = (exerciseId: string, a: unknown) =>
      ctx.s.students[0]!.post(`/api/live-sessions/${id}/answers`, { exerciseId, answer: a });
    status(await answer('tf', { type: 'trueFalse', value: true }), 201);
    status(await answer('essay', { type: 'essay', text: 'I baked a cake with my sister.' }), 201);
  });

/** The Summary tab once the summaries (or their refusal) are in. */
async function tab(who: School['admin'], id: string) {
  for (let i = 0; i < 100; i++) {
    const res = await who.get(`/api/live-sessions/${id}/summaries`);
    if (res.statusCode !== 404) return res;
    await new Promise((r) => setTimeout(r, 50));
  }
  return who.get(`/api/live-sessions/${id}/summaries`);
}

const ledger = async (s: School) =>
  (await s.admin.get(`/api/wallets/${s.orgId}`))
    .json()
    .ledger.map((l: { cause: string; change: number }) => [l.cause, l.change]);

test('the summary cost: staff read it, admins change it, bad input names the field', async ({ t, s }) => {
  const read = await s.teacher.get('/api/summary-settings');
  status(read, 200);
  assert.equal([read.json().summaryCostTokens, read.json().teacherLessonSummaryRecipients], [10, null]);
  status(await s.students[0]!.get('/api/summary-settings'), 403);
  const anonymous = await t.app.inject({ method: 'GET', url: '/api/summary-settings' });
  assert.is(anonymous.statusCode, 401);
  status(await s.teacher.request('PUT', '/api/summary-settings', { summaryCostTokens: 0 }), 403);
  for (const body of [{ summaryCostTokens: -1 }, { summaryCostTokens: 2.5 }, { summaryCostTokens: 'ten' }]) {
    const bad = await s.admin.request('PUT', '/api/summary-settings', body);
    status(bad, 400);
    assert.match(bad.body, 'summaryCostTokens');
  }
  const mail = await s.admin.request('PUT', '/api/summary-settings', {
    teacherLessonSummaryRecipients: ['head@school.test', 'not an address'],
  });
  status(mail, 400);
  assert.match(mail.body, 'teacherLessonSummaryRecipients');
  const changed = await s.admin.request('PUT', '/api/summary-settings', { summaryCostTokens: 12 });
  status(changed, 200);
  assert.is(changed.json().summaryCostTokens, 12);
  assert.is((await s.teacher.get('/api/summary-settings')).json().summaryCostTokens, 12);
});

test('a short wallet: no summaries, the tab says why; credited, they are made and paid', async (ctx) => {
  const { s } = ctx;
  const id = await sessionOfGroup(ctx, '2026-11-24T10:00:00Z');
  const refused = await tab(s.teacher, id);
  status(refused, 200);
  const body = refused.json();
  assert.equal([body.head, body.students.length], [null, 0]);
  assert.equal([body.refused.code, body.refused.tokens], ['insufficient_balance', 12]);
  // A code of the server's closed list, with the values the sentence needs; the English beside it for API clients.
  assert.ok(SummaryRefusalCode.options.includes(body.refused.code));
  assert.is(body.refused.balance, 0);
  assert.is(
    body.refused.reason,
    "the organisation's balance of 0 tokens does not cover the 12 tokens the summaries cost",
  );
  status(await s.students[0]!.get(`/api/live-sessions/${id}/summaries`), 404);
  assert.equal(await ledger(s), []);
  status(await s.admin.post(`/api/wallets/${s.orgId}/credits`, { tokens: 30, reason: 'Summaries' }), 201);
  const again = await s.teacher.post(`/api/live-sessions/${id}/summaries`, {});
  status(again, 200);
  assert.equal([again.json().head.revision, again.json().head.costTokens], [1, 12]);
  assert.is(again.json().refused, null);
  assert.is(again.json().students.length, 2);
  assert.equal(await ledger(s), [
    ['summary', -12],
    ['credit', 30],
  ]);
});

test('made again after a grade changed: new texts, paid once per Idempotency-Key; homework in the teacher summary', async (ctx) => {
  const { t, s } = ctx;
  status(await s.admin.request('PUT', '/api/summary-settings', { summaryCostTokens: 5 }), 200);
  const id = await sessionOfGroup(ctx, '2026-11-25T10:00:00Z');
  const first = (await tab(s.admin, id)).json();
  assert.is(first.head.revision, 0);
  const mine = (x: { students: { studentId: string; summary: { pending: number; text: string } }[] }) =>
    x.students.find((p) => p.studentId === s.students[0]!.id)!.summary;
  assert.is(mine(first).pending, 1);
  const row = first.teacher.students.find((p: { studentId: string }) => p.studentId === s.students[0]!.id);
  assert.ok('homework' in row, 'the teacher summary names the homework of the lesson per student');
  const grade = `/api/live-sessions/${id}/students/${s.students[0]!.id}/answers/essay/grade`;
  status(await s.teacher.post(grade, { points: 4, comment: 'Lovely.' }), 200);
  await t.settle();
  status(await s.students[0]!.post(`/api/live-sessions/${id}/summaries`, {}), 403);
  status(await s.otherTeacher.post(`/api/live-sessions/${id}/summaries`, {}), 404);
  const key = { 'idempotency-key': `remake-${id}` };
  const remade = await s.admin.post(`/api/live-sessions/${id}/summaries`, {}, key);
  status(remade, 200);
  assert.is(remade.json().head.revision, 1);
  assert.is(mine(remade.json()).pending, 0);
  assert.is.not(mine(remade.json()).text, mine(first).text);
  const repeat = await s.admin.post(`/api/live-sessions/${id}/summaries`, {}, key);
  status(repeat, 200);
  assert.is(repeat.json().head.revision, 1);
  const own = (await s.students[0]!.get(`/api/live-sessions/${id}/summaries`)).json();
  assert.is(mine(own).pending, 0, 'the student reads the new text');
  // Mailed again: only the student whose summary changed, not the one whose summary stayed the same.
  await t.settle();
  const mailed = await t.deps.db
    .selectFrom('mail_outbox')
    .select(['recipient_id', 'params'])
    .where('template', '=', 'lesson-summary')
    .execute();
  const mailsOf = (studentId: string) =>
    mailed.filter(
      (m) =>
        m.recipient_id === studentId &&
        (m.params as { summary: { liveSessionId: string } }).summary.liveSessionId === id,
    ).length;
  assert.equal([mailsOf(s.students[0]!.id), mailsOf(s.students[1]!.id)], [2, 1]);
  const paid = (await ledger(s)).filter(([cause]: [string]) => cause === 'summary');
  assert.equal(paid, [
    ['summary', -5],
    ['summary', -5],
    ['summary', -12],
  ]);
  // The tokens report counts them as debits for summaries, apart from lessons and analyses.
  await ctx.t.settle();
  const report = await s.admin.get(
    '/api/reports/tokens?from=2026-01-01T00:00:00.000Z&to=2027-01-01T00:00:00.000Z&groupBy=month',
  );
  status(report, 200);
  const periods = report.json().periods as { debitedSummaries: number; debitedAnalysis: number }[];
  assert.is(
    periods.reduce((n, p) => n + p.debitedSummaries, 0),
    22,
  );
});

test.run();
