// The organisation's wallet pays lesson analyses (70 single, 500 bulk) when they are requested: credited by
// admins, refused without enough tokens, each debit shown with its cause (the analysis it paid for). The
// analysis itself and its report: lessonAnalysis.int.test.ts.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { problem, status } from '../support/assert.js';

const test = suite<{ t: TestApp; s: School }>("the organisation's wallet and lesson analyses");
/** The fixture's homework lesson, assigned to the first enrollment and passed: something to analyse. */
async function passedHomework(s: School) {
  const enrollment = `/api/enrollments/${s.enrollmentIds[0]}/homework`;
  const hw = await s.teacher.post(enrollment, { courseLessonId: s.lessonIds[2] });
  status(hw, 201);
  status(await s.teacher.post(`${enrollment}/${hw.json().id}/pass`), 200);
  return s.lessonIds[2]!;
}

test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 1 });
  await passedHomework(ctx.s);
});
test.after(async ({ t }) => t.close());

test('an admin credits the organisation; a teacher pays an analysis from it', async ({ s }) => {
  status(
    await s.admin.post(`/api/wallets/${s.orgId}/credits`, { tokens: 100, reason: 'Monthly budget' }),
    201,
  );
  const url = `/api/enrollments/${s.enrollmentIds[0]}/lesson-analyses`;
  const single = await s.teacher.post(url, { scope: 'single', courseLessonId: s.lessonIds[2] });
  status(single, 202);
  assert.is(single.json().tokens, 70);
  assert.is((await s.admin.get(`/api/wallets/${s.orgId}`)).json().balance, 30);
  const bulk = problem(await s.teacher.post(url, { scope: 'bulk' }), 409, 'insufficient_balance') as {
    balance?: number;
  };
  assert.is(bulk.balance, 30);
  status(await s.students[0]!.post(url, { scope: 'bulk' }), 403);
  status(await s.otherTeacher.post(url, { scope: 'bulk' }), 404);
});

test("the organisation's ledger shows the analysis as the cause; only admins see it", async ({ t, s }) => {
  await t.settle();
  let wallet = (await s.admin.get(`/api/wallets/${s.orgId}`)).json();
  for (let i = 0; i < 100 && wallet.balance !== 30; i++) {
    await new Promise((r) => setTimeout(r, 100));
    wallet = (await s.admin.get(`/api/wallets/${s.orgId}`)).json();
  }
  assert.equal([wallet.owner, wallet.balance], ['organisation', 30]);
  assert.equal(
    wallet.ledger.map((l: { cause: string; change: number }) => [l.cause, l.change]),
    [
      ['analysis', -70],
      ['credit', 100],
    ],
  );
  const analyses = (await s.admin.get(`/api/enrollments/${s.enrollmentIds[0]}/lesson-analyses`)).json()
    .analyses;
  assert.is(wallet.ledger[0].entryId, analyses[0].id);
  status(await s.teacher.get(`/api/wallets/${s.orgId}`), 403);
  status(await s.students[0]!.get(`/api/wallets/${s.orgId}`), 403);
});

test('with overdraft allowed, an analysis may take the balance below zero', async ({ t }) => {
  const s = await school(t, { students: 1, name: 'Overdraft School' });
  await t.deps.db
    .updateTable('organisations')
    .set({ settings: JSON.stringify({ allowOverdraft: true }) as never })
    .where('id', '=', s.orgId)
    .execute();
  await passedHomework(s);
  const res = await s.admin.post(`/api/enrollments/${s.enrollmentIds[0]}/lesson-analyses`, { scope: 'bulk' });
  status(res, 202);
  assert.is((await s.admin.get(`/api/wallets/${s.orgId}`)).json().balance, -500);
});

test.run();
