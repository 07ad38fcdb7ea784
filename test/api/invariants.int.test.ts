// Invariants as code: a small history made through the API breaks none; an event appended behind the API's back
// that breaks the ledger is reported with the event.
import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { status } from '../support/assert.js';
import { streamId } from '../../commands/eventStore/streams.js';

type Ctx = { t: TestApp; s: School };
const test = suite<Ctx>('invariants');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 2, lessonCost: 4 });
});
test.after(async ({ t }) => t.close());

type Report = {
  checked: { invariant: string; subjects: number }[];
  violations: { invariant: string; message: string; events: { type: string; streamId: string }[] }[];
};

test('a history made through the API breaks no invariant', async ({ t, s }) => {
  for (const x of s.students)
    status(await s.admin.post(`/api/wallets/${x.id}/credits`, { tokens: 10, reason: 'Pack' }), 201);
  const start = '2026-12-01T09:00:00.000Z';
  const res = await s.teacher.post('/api/live-sessions', {
    kind: 'group',
    courseId: s.courseId,
    studentIds: s.students.map((x) => x.id),
    start,
    durationMinutes: 45,
    timeZone: 'UTC',
  });
  status(res, 201);
  const id = res.json().id as string;
  t.clock.set('2026-12-01T10:00:00.000Z');
  const attendance = [
    { studentId: s.students[0]!.id, status: 'present', reason: 'By phone' },
    { studentId: s.students[1]!.id, status: 'absent' },
  ];
  const preview = await s.teacher.post(`/api/live-sessions/${id}/completion/preview`, {
    action: 'finish_and_deduct',
    attendance,
  });
  status(
    await s.teacher.post(`/api/live-sessions/${id}/completion`, {
      action: 'finish_and_deduct',
      fingerprint: preview.json().fingerprint,
      attendance,
    }),
    200,
  );
  await t.settle();
  const debit = (await s.admin.get(`/api/wallets/${s.students[0]!.id}`)).json().ledger[0];
  assert.is(debit.cause, 'session');
  status(
    await s.admin.post(`/api/wallets/${s.students[0]!.id}/ledger/${debit.entryId}/reversal`, {
      reason: 'Sorry',
    }),
    201,
  );
  await t.settle();
  const report = (await s.admin.get('/api/admin/invariants')).json() as Report;
  assert.equal(report.violations, []);
  assert.equal(
    report.checked.map((c) => c.invariant),
    ['ledger_sum', 'no_overdraft', 'charged_once', 'no_overlap', 'reversal_once'],
  );
  const subjects = Object.fromEntries(report.checked.map((c) => [c.invariant, c.subjects]));
  assert.equal([subjects.ledger_sum, subjects.charged_once, subjects.reversal_once], [2, 1, 1]);
  status(await s.teacher.get('/api/admin/invariants'), 403);
});

test('a debit appended behind the API is reported with its event', async ({ t, s }) => {
  const walletId = s.students[1]!.id;
  const at = '2026-12-02T10:00:00.000Z';
  const { revision } = await t.deps.eventStore
    .readStream(streamId('wallet', walletId))
    .then((events) => ({ revision: events.at(-1)!.streamRevision }));
  await t.deps.eventStore.appendToStream(
    streamId('wallet', walletId),
    [
      {
        type: 'WalletDebited',
        data: {
          walletId,
          entryId: randomUUID(),
          tokens: 4,
          cause: { kind: 'session', liveSessionId: randomUUID() },
          balanceAfter: 10,
        },
        metadata: {
          commandId: randomUUID(),
          correlationId: randomUUID(),
          causationId: randomUUID(),
          actorId: null,
          orgId: s.orgId,
          at,
        },
      },
    ],
    { expectedRevision: revision },
  );
  await t.settle();
  const report = (await s.admin.get('/api/admin/invariants')).json() as Report;
  const found = report.violations.map((v) => v.invariant).sort();
  assert.ok(found.includes('ledger_sum'), JSON.stringify(report.violations));
  assert.ok(found.includes('charged_once'), JSON.stringify(report.violations));
  for (const v of report.violations) assert.is(v.events.at(-1)!.type, 'WalletDebited');
});

test.run();
