// The organisation's overdraft setting: staff read it, admins change it (If-Match, validation), and the
// completion rules follow the change at once.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { problem, status } from '../support/assert.js';
import { streamId } from '../../commands/eventStore/streams.js';

type Ctx = { t: TestApp; s: School };
const test = suite<Ctx>('organisation settings');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 1, lessonCost: 4 });
});
test.after(async ({ t }) => t.close());

const URL = '/api/organisation/settings';
const recorded = async ({ t, s }: Ctx) => t.deps.eventStore.readStream(streamId('organisation', s.orgId));

test('staff read the setting the organisation was created with; students and strangers do not', async (ctx) => {
  const { t, s } = ctx;
  const res = await s.admin.get(URL);
  status(res, 200);
  assert.equal(res.json(), { allowOverdraft: false });
  assert.is(res.headers.etag, '"-1"');
  status(await s.teacher.get(URL), 200);
  problem(await s.students[0]!.get(URL), 403);
  problem(await t.app.inject({ method: 'GET', url: URL }), 401);
});

test('only admins change it; a bad body is a 400 naming the field and appends nothing', async (ctx) => {
  const { s } = ctx;
  problem(await s.teacher.request('PUT', URL, { allowOverdraft: true }), 403);
  problem(await s.students[0]!.request('PUT', URL, { allowOverdraft: true }), 403);
  for (const body of [{ allowOverdraft: 'yes' }, {}]) {
    const bad = problem(await s.admin.request('PUT', URL, body), 400) as unknown as {
      fields: { path: string }[];
      stack?: unknown;
    };
    assert.ok(
      bad.fields.some((f) => f.path.includes('allowOverdraft')),
      JSON.stringify(bad),
    );
    assert.not.match(JSON.stringify(bad), /at .*\.ts:\d+/);
  }
  assert.equal(await recorded(ctx), []);
});

test('an admin turns it on with If-Match; a stale ETag is refused', async (ctx) => {
  const { s } = ctx;
  const on = await s.admin.request('PUT', URL, { allowOverdraft: true }, { 'if-match': '"-1"' });
  status(on, 200);
  assert.equal(on.json(), { allowOverdraft: true });
  assert.is(on.headers.etag, '"0"');
  problem(await s.admin.request('PUT', URL, { allowOverdraft: false }, { 'if-match': '"-1"' }), 412);
  const read = await s.teacher.get(URL);
  assert.equal(read.json(), { allowOverdraft: true });
  assert.is(read.headers.etag, '"0"');
  const events = await recorded(ctx);
  assert.equal(
    events.map((e) => [e.type, (e.data as { allowOverdraft: boolean }).allowOverdraft]),
    [['OrganisationOverdraftSet', true]],
  );
  // The same value again changes nothing.
  status(await s.admin.request('PUT', URL, { allowOverdraft: true }), 200);
  assert.is((await recorded(ctx)).length, 1);
});

/** A lesson with the (penniless) student present, finished; returns what completing it with a deduction says. */
async function completeWithDeduction({ t, s }: Ctx, day: number) {
  const start = `2026-12-${String(day).padStart(2, '0')}T09:00:00.000Z`;
  const res = await s.teacher.post('/api/live-sessions', {
    kind: 'group',
    courseId: s.courseId,
    studentIds: [s.students[0]!.id],
    start,
    durationMinutes: 45,
    timeZone: 'UTC',
  });
  status(res, 201);
  const id = res.json().id as string;
  t.clock.set(`2026-12-${String(day).padStart(2, '0')}T10:00:00.000Z`);
  const attendance = [{ studentId: s.students[0]!.id, status: 'present', reason: 'By phone' }];
  const preview = (
    await s.teacher.post(`/api/live-sessions/${id}/completion/preview`, {
      action: 'finish_and_deduct',
      attendance,
    })
  ).json() as { allowOverdraft: boolean; fingerprint: string; lines: { outcome: string }[] };
  const done = await s.teacher.post(`/api/live-sessions/${id}/completion`, {
    action: 'finish_and_deduct',
    fingerprint: preview.fingerprint,
    attendance,
  });
  await t.settle();
  const balance = (await s.admin.get(`/api/wallets/${s.students[0]!.id}`)).json().balance as number;
  return { preview, done, balance };
}

test('turned off, a completion that would go below zero is refused; turned on, it is taken', async (ctx) => {
  const { s } = ctx;
  status(await s.admin.request('PUT', URL, { allowOverdraft: false }), 200);
  const off = await completeWithDeduction(ctx, 1);
  assert.is(off.preview.allowOverdraft, false);
  assert.equal(
    off.preview.lines.map((l) => l.outcome),
    ['refused'],
  );
  assert.is(off.balance, 0);

  status(await s.admin.request('PUT', URL, { allowOverdraft: true }), 200);
  const on = await completeWithDeduction(ctx, 2);
  assert.is(on.preview.allowOverdraft, true);
  assert.equal(
    on.preview.lines.map((l) => l.outcome),
    ['debit'],
  );
  status(on.done, 200);
  assert.is(on.balance, -4);
});

test.run();
