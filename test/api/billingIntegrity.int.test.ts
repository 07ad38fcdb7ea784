// Money is never wrong: the billing rules that hold under concurrency and failure, through the HTTP API.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { status } from '../support/assert.js';

type Ctx = { t: TestApp; s: School };
const test = suite<Ctx>('billing integrity');

test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 3, lessonCost: 4 });
});
test.after(async ({ t }) => t.close());

const minimal = { prefer: 'return=minimal' };

/** An individual lesson for the enrollment at `start`, run and ended, ready to be completed. */
async function endedLesson({ t, s }: Ctx, enrollmentId: string, start: string) {
  t.clock.set(new Date(Date.parse(start) - 24 * 3600_000).toISOString());
  const res = await s.teacher.post('/api/live-sessions', {
    kind: 'individual',
    courseId: s.courseId,
    enrollmentId,
    start,
    durationMinutes: 45,
    timeZone: 'Europe/Berlin',
  });
  status(res, 201);
  return res.json().id as string;
}

async function walletOf({ t, s }: Ctx, studentId: string) {
  await t.settle();
  return (await s.admin.get(`/api/wallets/${studentId}`)).json() as {
    balance: number;
    ledger: { cause: string; change: number; balanceAfter: number; reason: string | null }[];
  };
}

test('two lessons confirmed at once with tokens for one: one is charged, the other refused', async (ctx) => {
  const { t, s } = ctx;
  const student = s.students[0]!;
  status(await s.admin.post(`/api/wallets/${student.id}/credits`, { tokens: 4, reason: 'One lesson' }), 201);
  const first = await endedLesson(ctx, s.enrollmentIds[0]!, '2026-12-01T09:00:00.000Z');
  const second = await endedLesson(ctx, s.enrollmentIds[0]!, '2026-12-01T11:00:00.000Z');
  t.clock.set('2026-12-01T13:00:00.000Z');
  const attendance = [{ studentId: student.id, status: 'present', reason: 'Joined by phone' }];
  const previews = await Promise.all(
    [first, second].map((id) =>
      s.teacher.post(`/api/live-sessions/${id}/completion/preview`, {
        action: 'finish_and_deduct',
        attendance,
      }),
    ),
  );
  for (const p of previews) {
    status(p, 200);
    assert.equal(
      p.json().lines.map((l: { outcome: string; balanceAfter: number }) => [l.outcome, l.balanceAfter]),
      [['debit', 0]],
      'each preview alone fits the balance',
    );
  }
  const confirmations = await Promise.all(
    [first, second].map((id, i) =>
      s.teacher.post(
        `/api/live-sessions/${id}/completion`,
        { action: 'finish_and_deduct', fingerprint: previews[i]!.json().fingerprint, attendance },
        minimal,
      ),
    ),
  );
  const codes = confirmations.map((c) => c.statusCode).sort();
  assert.equal(codes, [200, 409], 'the wallet decided: only one lesson fits');
  const refused = confirmations.find((c) => c.statusCode === 409)!;
  assert.is(refused.json().code, 'preview_changed');
  assert.is(refused.json().preview.lines[0].outcome, 'refused', 'the fresh preview shows the refusal');
  const wallet = await walletOf(ctx, student.id);
  assert.is(wallet.balance, 0, 'never below zero with overdraft off');
  assert.ok(wallet.ledger.every((l) => l.balanceAfter >= 0));
});

test.run();
