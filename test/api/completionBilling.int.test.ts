// The "Done when" scenario of the live-session follow-up, through the HTTP API: a group lesson for three
// students with 10 tokens each at 4 tokens a lesson; two join, one never does; the preview shows two debits;
// Finish & Deduct leaves 6, 6, 10; a repeated confirmation changes nothing; a reversal restores 10.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { problem, status } from '../support/assert.js';

type Ctx = { t: TestApp; s: School; sessionId: string };
const test = suite<Ctx>('completing a group lesson and billing it');
const start = '2026-11-24T16:00:00.000Z';

test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 3, lessonCost: 4 });
  for (const student of ctx.s.students) {
    const credit = await ctx.s.admin.post(`/api/wallets/${student.id}/credits`, {
      tokens: 10,
      reason: 'Starter pack',
    });
    status(credit, 201);
  }
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
  await balances(ctx, [10, 10, 10]);
});
test.after(async ({ t }) => t.close());

const readBalances = async ({ s }: Ctx) =>
  Promise.all(s.students.map(async (x) => (await x.get('/api/wallets/me')).json().balance as number));

/**
 * The students' balances as their billing page shows them. Writes wait (briefly) for the read models, but on a
 * busy shared server the log's horizon can lag behind that wait, so give the read model a few seconds more.
 */
async function balances(ctx: Ctx, expected: number[]) {
  let seen = await readBalances(ctx);
  for (let i = 0; i < 100 && JSON.stringify(seen) !== JSON.stringify(expected); i++) {
    await new Promise((r) => setTimeout(r, 100));
    seen = await readBalances(ctx);
  }
  assert.equal(seen, expected);
}

test('the room opens 10 minutes before; two students join, the teacher starts and ends', async (ctx) => {
  const { t, s, sessionId } = ctx;
  t.clock.set('2026-11-24T15:45:00.000Z');
  problem(
    await s.students[0]!.post(`/api/live-sessions/${sessionId}/presence`, { presence: 'joined' }),
    409,
    'room_not_open',
  );
  t.clock.set('2026-11-24T15:52:00.000Z');
  status(await s.students[0]!.post(`/api/live-sessions/${sessionId}/presence`, { presence: 'joined' }), 200);
  status(await s.teacher.post(`/api/live-sessions/${sessionId}/start`), 200);
  t.clock.set('2026-11-24T16:08:00.000Z');
  status(await s.students[1]!.post(`/api/live-sessions/${sessionId}/presence`, { presence: 'joined' }), 200);
  t.clock.set('2026-11-24T16:50:00.000Z');
  const ended = await s.teacher.post(`/api/live-sessions/${sessionId}/end`);
  status(ended, 200);
  assert.is(ended.json().status, 'ended');
  const line = (id: string) => ended.json().attendance.find((a: { personId: string }) => a.personId === id);
  assert.is(line(s.students[0]!.id).minutesPresent, 50);
  assert.is(line(s.students[0]!.id).late, false);
  assert.is(line(s.students[1]!.id).minutesPresent, 42);
  assert.is(line(s.students[1]!.id).late, true, 'joined 8 minutes after the start');
  assert.is(line(s.students[2]!.id).minutesPresent, 0);
});

test('finishing needs the student who never joined to be marked', async ({ s, sessionId }) => {
  const preview = await s.teacher.post(`/api/live-sessions/${sessionId}/completion/preview`, {
    action: 'finish_and_deduct',
  });
  status(preview, 200);
  const res = await s.teacher.post(`/api/live-sessions/${sessionId}/completion`, {
    action: 'finish_and_deduct',
    fingerprint: preview.json().fingerprint,
  });
  const body = problem(res, 409, 'attendance_unmarked') as { studentIds?: string[] };
  assert.equal(body.studentIds, [s.students[2]!.id]);
});

test('the preview shows two debits of 4 and the balances after', async ({ s, sessionId }) => {
  const absent = [{ studentId: s.students[2]!.id, status: 'absent' }];
  const res = await s.teacher.post(`/api/live-sessions/${sessionId}/completion/preview`, {
    action: 'finish_and_deduct',
    attendance: absent,
  });
  status(res, 200);
  const lines = res.json().lines as {
    studentId: string;
    tokens: number;
    balanceAfter: number;
    outcome: string;
  }[];
  assert.equal(
    lines.map((l) => [l.outcome, l.tokens, l.balanceAfter]),
    [
      ['debit', 4, 6],
      ['debit', 4, 6],
      ['free', 0, 10],
    ],
  );
  problem(
    await s.students[0]!.post(`/api/live-sessions/${sessionId}/completion/preview`, { action: 'finish' }),
    403,
  );
});

test('a balance that changes after the preview gets 409 with a fresh preview', async (ctx) => {
  const { s, sessionId } = ctx;
  const absent = [{ studentId: s.students[2]!.id, status: 'absent' }];
  const preview = await s.teacher.post(`/api/live-sessions/${sessionId}/completion/preview`, {
    action: 'finish_and_deduct',
    attendance: absent,
  });
  status(
    await s.admin.post(`/api/wallets/${s.students[0]!.id}/credits`, { tokens: 1, reason: 'Goodwill' }),
    201,
  );
  const res = await s.teacher.post(`/api/live-sessions/${sessionId}/completion`, {
    action: 'finish_and_deduct',
    fingerprint: preview.json().fingerprint,
    attendance: absent,
  });
  const body = problem(res, 409, 'preview_changed') as { preview?: { lines: { balance: number }[] } };
  assert.is(body.preview!.lines[0]!.balance, 11);
  // Take the goodwill token back, so the scenario continues from 10 each.
  await balances(ctx, [11, 10, 10]);
  const wallet = (await s.admin.get(`/api/wallets/${s.students[0]!.id}`)).json();
  const goodwill = wallet.ledger.find((l: { reason: string }) => l.reason === 'Goodwill');
  status(
    await s.admin.post(`/api/wallets/${s.students[0]!.id}/ledger/${goodwill.entryId}/reversal`, {
      reason: 'oops',
    }),
    201,
  );
  await balances(ctx, [10, 10, 10]);
});

test('Finish & Deduct leaves 6, 6, 10; the same Idempotency-Key again changes nothing', async (ctx) => {
  const { t, s, sessionId } = ctx;
  const absent = [{ studentId: s.students[2]!.id, status: 'absent' }];
  const preview = await s.teacher.post(`/api/live-sessions/${sessionId}/completion/preview`, {
    action: 'finish_and_deduct',
    attendance: absent,
  });
  const confirm = () =>
    s.teacher.post(
      `/api/live-sessions/${sessionId}/completion`,
      {
        action: 'finish_and_deduct',
        fingerprint: preview.json().fingerprint,
        attendance: absent,
        notes: { covered: 'Past tense', struggled: 'Irregular verbs', next: 'Practice' },
      },
      { 'idempotency-key': 'finish-1' },
    );
  const first = await confirm();
  status(first, 200);
  assert.is(first.json().action, 'finish_and_deduct');
  await balances(ctx, [6, 6, 10]);
  const events = await t.countEvents();
  const again = await confirm();
  status(again, 200);
  assert.is(again.headers['idempotent-replayed'], 'true');
  await t.settle();
  assert.is(await t.countEvents(), events, 'no event appended');
  await balances(ctx, [6, 6, 10]);
  problem(
    await s.teacher.post(`/api/live-sessions/${sessionId}/completion`, {
      action: 'finish_and_deduct',
      fingerprint: preview.json().fingerprint,
      attendance: absent,
    }),
    409,
  );
});

test('the student sees the debit with its cause; a reversal restores 10', async (ctx) => {
  const { s, sessionId } = ctx;
  const mine = (await s.students[0]!.get('/api/wallets/me')).json();
  const debit = mine.ledger[0];
  assert.is(debit.session.start, start, 'the line names the lesson it paid for');
  assert.equal(
    [debit.cause, debit.change, debit.balanceAfter, debit.liveSessionId],
    ['session', -4, 6, sessionId],
  );
  status(
    await s.students[0]!.post(`/api/wallets/${s.students[0]!.id}/ledger/${debit.entryId}/reversal`, {
      reason: 'x',
    }),
    403,
  );
  const reversed = await s.admin.post(`/api/wallets/${s.students[0]!.id}/ledger/${debit.entryId}/reversal`, {
    reason: 'Technical problems',
  });
  status(reversed, 201);
  await balances(ctx, [10, 6, 10]);
  const lines = (await s.students[0]!.get('/api/wallets/me')).json().ledger;
  assert.equal([lines[0].cause, lines[0].change, lines[0].reversedEntryId], ['reversal', 4, debit.entryId]);
  assert.is(lines[1].reversedBy, lines[0].entryId, 'the debit line stays, marked as reversed');
  problem(
    await s.admin.post(`/api/wallets/${s.students[0]!.id}/ledger/${debit.entryId}/reversal`, {
      reason: 'twice',
    }),
    409,
    'not_reversible',
  );
  await balances(ctx, [10, 6, 10]);
});

test('wallets are private: another student and another organisation see nothing', async ({ t, s }) => {
  status(await s.students[1]!.get(`/api/wallets/${s.students[0]!.id}`), 404);
  status(await s.teacher.get(`/api/wallets/${s.students[0]!.id}`), 403);
  const other = await t.organisation('Other School');
  status(await other.admin.get(`/api/wallets/${s.students[0]!.id}`), 404);
  status(
    await other.admin.post(`/api/wallets/${s.students[0]!.id}/credits`, { tokens: 5, reason: 'x' }),
    404,
  );
  const list = (await other.admin.get('/api/wallets')).json();
  assert.equal(list, []);
});

test.run();
