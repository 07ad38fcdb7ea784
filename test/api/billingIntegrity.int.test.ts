// Money is never wrong: the billing rules that hold under concurrency and failure, through the HTTP API.
import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { status } from '../support/assert.js';
import { ConcurrencyError } from '../../domain/shared/errors.js';
import { streamId } from '../../commands/eventStore/streams.js';

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

/** A group lesson for all three students, everyone present, completed with Finish & Deduct over HTTP. */
async function completeGroupLesson(ctx: Ctx, start: string) {
  const { t, s } = ctx;
  t.clock.set(new Date(Date.parse(start) - 24 * 3600_000).toISOString());
  const res = await s.teacher.post('/api/live-sessions', {
    kind: 'group',
    courseId: s.courseId,
    studentIds: s.students.map((x) => x.id),
    start,
    durationMinutes: 45,
    timeZone: 'Europe/Berlin',
  });
  status(res, 201);
  const id = res.json().id as string;
  t.clock.set(new Date(Date.parse(start) + 3600_000).toISOString());
  const attendance = s.students.map((x) => ({ studentId: x.id, status: 'present', reason: 'By phone' }));
  const preview = await s.teacher.post(`/api/live-sessions/${id}/completion/preview`, {
    action: 'finish_and_deduct',
    attendance,
  });
  status(preview, 200);
  const done = await s.teacher.post(
    `/api/live-sessions/${id}/completion`,
    { action: 'finish_and_deduct', fingerprint: preview.json().fingerprint, attendance },
    minimal,
  );
  status(done, 200);
  return id;
}

async function eventually(done: () => Promise<boolean>, ms = 30_000) {
  for (const until = Date.now() + ms; Date.now() < until && !(await done());)
    await new Promise((r) => setTimeout(r, 100));
}

test('a conflict that outlives the retries delays a charge, never skips it', async (ctx) => {
  const { t, s } = ctx;
  for (const x of s.students)
    status(await s.admin.post(`/api/wallets/${x.id}/credits`, { tokens: 10, reason: 'Pack' }), 201);
  const before = await Promise.all(s.students.map(async (x) => (await walletOf(ctx, x.id)).balance));
  // The second student's wallet loses every race for a while: more conflicts than the handler retries.
  const store = t.deps.eventStore;
  const append = store.appendToStream.bind(store);
  let conflicts = 8;
  store.appendToStream = async (streamId, events, options) => {
    if (streamId.endsWith(s.students[1]!.id) && events[0]?.type === 'WalletDebited' && conflicts > 0) {
      conflicts--;
      throw new ConcurrencyError(streamId, options.expectedRevision, 'someone else');
    }
    return append(streamId, events, options);
  };
  try {
    await completeGroupLesson(ctx, '2026-12-02T09:00:00.000Z');
    const balances = async () =>
      Promise.all(s.students.map(async (x) => (await walletOf(ctx, x.id)).balance));
    await eventually(
      async () => JSON.stringify(await balances()) === JSON.stringify(before.map((b) => b - 4)),
    );
    assert.equal(
      await balances(),
      before.map((b) => b - 4),
      'every present student is charged once',
    );
    assert.is(conflicts, 0);
  } finally {
    store.appendToStream = append;
  }
});

test('a charge the wallet refuses for good is recorded where the admin sees it', async (ctx) => {
  const { t, s } = ctx;
  // A completion recorded before reservations existed, whose first charge the wallet cannot make.
  const liveSessionId = randomUUID();
  const [a, b] = [s.students[0]!.id, s.students[2]!.id];
  const before = await Promise.all([a, b].map(async (id) => (await walletOf(ctx, id)).balance));
  const at = '2026-12-03T10:00:00.000Z';
  await t.deps.eventStore.appendToStream(
    streamId('liveSession', liveSessionId),
    [
      {
        type: 'LiveSessionCompleted',
        data: {
          liveSessionId,
          action: 'finish_and_deduct',
          notes: { covered: null, struggled: null, next: null },
          attendance: [],
          charges: [
            { studentId: a, enrollmentId: null, tokens: 2.5 },
            { studentId: b, enrollmentId: null, tokens: 4 },
          ],
          refused: [],
          at,
        },
        metadata: {
          commandId: randomUUID(),
          correlationId: randomUUID(),
          causationId: randomUUID(),
          actorId: s.teacher.id,
          orgId: s.orgId,
          at,
        },
      },
    ],
    { expectedRevision: 'any' },
  );
  await eventually(async () => (await walletOf(ctx, b)).balance === before[1]! - 4);
  assert.is((await walletOf(ctx, b)).balance, before[1]! - 4, 'the next student is still charged');
  await eventually(async () => (await walletOf(ctx, a)).ledger[0]?.cause === 'charge_refused');
  const line = (await walletOf(ctx, a)).ledger[0]!;
  assert.equal([line.cause, line.change, line.balanceAfter], ['charge_refused', 0, before[0]]);
  assert.match(line.reason!, /2.5 tokens not charged/);
});

test('a student from another course pays by a stated rule; one no rule prices blocks the deduction', async (ctx) => {
  const { t, s } = ctx;
  const courseB = await s.admin.post('/api/courses', { name: 'Spanish A1', lessons: [] });
  status(courseB, 201);
  const fromB = await t.person(s.orgId, 'student', 'From course B');
  status(
    await s.admin.post('/api/enrollments', {
      courseId: courseB.json().id,
      studentId: fromB.id,
      teacherId: s.teacher.id,
      defaultLessonMinutes: 45,
      lessonCostTokens: 6,
    }),
    201,
  );
  const walkIn = await t.person(s.orgId, 'student', 'Walk-in');
  for (const x of [fromB, walkIn])
    status(await s.admin.post(`/api/wallets/${x.id}/credits`, { tokens: 20, reason: 'Pack' }), 201);
  const start = '2026-12-04T09:00:00.000Z';
  t.clock.set('2026-12-03T09:00:00.000Z');
  const res = await s.admin.post('/api/live-sessions', {
    kind: 'group',
    courseId: s.courseId,
    teacherId: s.teacher.id,
    studentIds: [s.students[0]!.id],
    start,
    durationMinutes: 45,
    timeZone: 'Europe/Berlin',
  });
  status(res, 201);
  const id = res.json().id as string;
  for (const x of [fromB, walkIn])
    status(await s.admin.post(`/api/live-sessions/${id}/participants`, { studentId: x.id }), 200);
  t.clock.set('2026-12-04T10:00:00.000Z');
  const attendance = [s.students[0]!, fromB, walkIn].map((x) => ({
    studentId: x.id,
    status: 'present',
    reason: 'In class',
  }));
  const preview = async () => {
    const p = await s.teacher.post(`/api/live-sessions/${id}/completion/preview`, {
      action: 'finish_and_deduct',
      attendance,
    });
    status(p, 200);
    return p.json() as {
      fingerprint: string;
      lines: {
        studentId: string;
        rule: string;
        tokens: number;
        outcome: string;
        ruleNote: string;
        lessonCostTokens: number | null;
      }[];
    };
  };
  const line = (p: Awaited<ReturnType<typeof preview>>, studentId: string) =>
    p.lines.find((l) => l.studentId === studentId)!;
  let p = await preview();
  assert.equal(
    [fromB, walkIn].map((x) => [
      line(p, x.id).rule,
      line(p, x.id).tokens,
      line(p, x.id).outcome,
      line(p, x.id).lessonCostTokens,
    ]),
    [
      ['teacher_enrollment', 6, 'debit', 6],
      ['unpriced', 0, 'unpriced', null],
    ],
    'the enrollment with this teacher prices the lesson; nothing prices the walk-in',
  );
  assert.match(line(p, s.students[0]!.id).ruleNote, /enrollment in this course/);
  const refused = await s.teacher.post(`/api/live-sessions/${id}/completion`, {
    action: 'finish_and_deduct',
    fingerprint: p.fingerprint,
    attendance,
  });
  status(refused, 409);
  assert.is(refused.json().code, 'participant_unpriced');
  assert.equal(refused.json().studentIds, [walkIn.id]);
  status(
    await s.teacher.request('PUT', `/api/live-sessions/${id}/participants/${walkIn.id}/price`, {
      lessonCostTokens: 3,
    }),
    200,
  );
  p = await preview();
  assert.equal(
    [line(p, walkIn.id).rule, line(p, walkIn.id).tokens, line(p, walkIn.id).lessonCostTokens],
    ['participant_price', 3, 3],
  );
  status(
    await s.teacher.post(`/api/live-sessions/${id}/completion`, {
      action: 'finish_and_deduct',
      fingerprint: p.fingerprint,
      attendance,
    }),
    200,
  );
  await eventually(async () => (await walletOf(ctx, walkIn.id)).balance === 17);
  assert.is((await walletOf(ctx, fromB.id)).balance, 14);
  assert.is((await walletOf(ctx, walkIn.id)).balance, 17);
});

test.run();
