// The no_overdraft invariant reads the overdraft setting as it was at each point of the log: a balance taken
// below zero while overdraft was on is no violation after it is turned off; a debit appended behind the API's
// back while it is off is one, and stays one after it is turned on again.
import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { status } from '../support/assert.js';
import { streamId } from '../../commands/eventStore/streams.js';

type Ctx = { t: TestApp; s: School };
const test = suite<Ctx>('invariants: overdraft over time');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 1, lessonCost: 4 });
});
test.after(async ({ t }) => t.close());

type Report = { violations: { invariant: string; message: string; events: { type: string }[] }[] };
const report = async ({ s }: Ctx) => (await s.admin.get('/api/admin/invariants')).json() as Report;
const setOverdraft = async ({ s }: Ctx, allowOverdraft: boolean) =>
  status(await s.admin.request('PUT', '/api/organisation/settings', { allowOverdraft }), 200);

test('below zero while overdraft was on, then turned off: no violation', async (ctx) => {
  const { t, s } = ctx;
  await setOverdraft(ctx, true);
  const student = s.students[0]!;
  const res = await s.teacher.post('/api/live-sessions', {
    kind: 'group',
    courseId: s.courseId,
    studentIds: [student.id],
    start: '2026-12-01T09:00:00.000Z',
    durationMinutes: 45,
    timeZone: 'UTC',
  });
  status(res, 201);
  const id = res.json().id as string;
  t.clock.set('2026-12-01T10:00:00.000Z');
  const attendance = [{ studentId: student.id, status: 'present', reason: 'By phone' }];
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
  assert.is((await s.admin.get(`/api/wallets/${student.id}`)).json().balance, -4);
  await setOverdraft(ctx, false);
  assert.equal((await report(ctx)).violations, []);
});

test('a debit below zero appended while it is off is a violation, also once it is on again', async (ctx) => {
  const { t, s } = ctx;
  const walletId = s.students[0]!.id;
  const events = await t.deps.eventStore.readStream(streamId('wallet', walletId));
  await t.deps.eventStore.appendToStream(
    streamId('wallet', walletId),
    [
      {
        type: 'WalletDebited',
        data: {
          walletId,
          entryId: randomUUID(),
          tokens: 4,
          cause: { kind: 'summary', liveSessionId: randomUUID(), revision: 0 },
          balanceAfter: -8,
        },
        metadata: {
          commandId: randomUUID(),
          correlationId: randomUUID(),
          causationId: randomUUID(),
          actorId: null,
          orgId: s.orgId,
          at: '2026-12-02T10:00:00.000Z',
        },
      },
    ],
    { expectedRevision: events.at(-1)!.streamRevision },
  );
  await t.settle();
  const off = (await report(ctx)).violations;
  assert.equal(
    off.map((v) => [v.invariant, v.message, v.events.at(-1)!.type]),
    [['no_overdraft', 'balance -8 with overdraft off', 'WalletDebited']],
  );
  await setOverdraft(ctx, true);
  assert.equal((await report(ctx)).violations, off);
});

test.run();
