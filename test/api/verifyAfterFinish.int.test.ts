// A lesson closed with "Finish" charges nobody; later the teacher verifies and deducts it: the preview prices the
// recorded attendance (an absent student pays only when their enrollment's no-show policy charges), the
// confirmation debits exactly that, the completion reads `charged`, and a second deduction is refused.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { problem, status } from '../support/assert.js';

type Ctx = { t: TestApp; s: School; sessionId: string };
const test = suite<Ctx>('verifying and deducting a finished lesson');
const start = '2026-11-24T16:00:00.000Z';

test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 3, lessonCost: 4 });
  for (const student of ctx.s.students)
    status(
      await ctx.s.admin.post(`/api/wallets/${student.id}/credits`, { tokens: 10, reason: 'Starter pack' }),
      201,
    );
  // The second student's enrollment charges a no-show; the third's does not.
  const policy = await ctx.s.admin.request('PATCH', `/api/enrollments/${ctx.s.enrollmentIds[1]}`, {
    noShowPolicy: 'charge',
  });
  status(policy, 200);
  assert.is(policy.json().noShowPolicy, 'charge');
  const res = await ctx.s.teacher.post('/api/live-sessions', {
    kind: 'group',
    courseId: ctx.s.courseId,
    studentIds: ctx.s.students.map((x) => x.id),
    start,
    durationMinutes: 60,
    timeZone: 'Europe/Berlin',
  });
  status(res, 201);
  ctx.sessionId = res.json().id;
});
test.after(async ({ t }) => t.close());

const balances = async ({ s }: Ctx) =>
  Promise.all(s.students.map(async (x) => (await x.get('/api/wallets/me')).json().balance as number));

async function eventuallyBalances(ctx: Ctx, expected: number[]) {
  let seen = await balances(ctx);
  for (let i = 0; i < 100 && JSON.stringify(seen) !== JSON.stringify(expected); i++) {
    await new Promise((r) => setTimeout(r, 100));
    seen = await balances(ctx);
  }
  assert.equal(seen, expected);
}

test('Finish charges nobody and the completion reads charged: false', async (ctx) => {
  const { t, s, sessionId } = ctx;
  t.clock.set('2026-11-24T15:55:00.000Z');
  status(await s.students[0]!.post(`/api/live-sessions/${sessionId}/presence`, { presence: 'joined' }), 200);
  status(await s.teacher.post(`/api/live-sessions/${sessionId}/start`), 200);
  t.clock.set('2026-11-24T16:55:00.000Z');
  const attendance = [
    { studentId: s.students[1]!.id, status: 'absent' },
    { studentId: s.students[2]!.id, status: 'absent' },
  ];
  const preview = await s.teacher.post(`/api/live-sessions/${sessionId}/completion/preview`, {
    action: 'finish',
    attendance,
  });
  status(preview, 200);
  const done = await s.teacher.post(`/api/live-sessions/${sessionId}/completion`, {
    action: 'finish',
    fingerprint: preview.json().fingerprint,
    attendance,
  });
  status(done, 200);
  assert.equal([done.json().action, done.json().charged], ['finish', false]);
  const read = await s.teacher.get(`/api/live-sessions/${sessionId}/completion`);
  assert.equal([read.json().action, read.json().charged], ['finish', false]);
  await eventuallyBalances(ctx, [10, 10, 10]);
});

test('Verify and Deduct afterwards charges the recorded attendance by the no-show policies', async (ctx) => {
  const { s, sessionId } = ctx;
  // Marks sent now do not change the recorded attendance.
  const preview = await s.teacher.post(`/api/live-sessions/${sessionId}/completion/preview`, {
    action: 'verify_and_deduct',
    attendance: [{ studentId: s.students[2]!.id, status: 'present' }],
  });
  status(preview, 200);
  assert.equal(
    preview
      .json()
      .lines.map((l: { attendance: string; outcome: string; tokens: number }) => [
        l.attendance,
        l.outcome,
        l.tokens,
      ]),
    [
      ['present', 'debit', 4],
      ['absent', 'debit', 4],
      ['absent', 'free', 0],
    ],
  );
  const done = await s.teacher.post(`/api/live-sessions/${sessionId}/completion`, {
    action: 'verify_and_deduct',
    fingerprint: preview.json().fingerprint,
  });
  status(done, 200);
  assert.equal([done.json().action, done.json().charged], ['finish', true]);
  await eventuallyBalances(ctx, [6, 6, 10]);
});

test('a lesson once deducted cannot be deducted again', async (ctx) => {
  const { s, sessionId } = ctx;
  const preview = await s.teacher.post(`/api/live-sessions/${sessionId}/completion/preview`, {
    action: 'verify_and_deduct',
  });
  status(preview, 200);
  problem(
    await s.teacher.post(`/api/live-sessions/${sessionId}/completion`, {
      action: 'verify_and_deduct',
      fingerprint: preview.json().fingerprint,
    }),
    409,
    'already_completed',
  );
  await eventuallyBalances(ctx, [6, 6, 10]);
});

test('students may not verify and deduct', async ({ s, sessionId }) => {
  problem(
    await s.students[0]!.post(`/api/live-sessions/${sessionId}/completion/preview`, {
      action: 'verify_and_deduct',
    }),
    403,
  );
});

test.run();
