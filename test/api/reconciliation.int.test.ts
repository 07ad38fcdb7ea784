// A node that dies between the steps of a command leaves a slot or a reservation behind; reconciliation finds
// it in the log once it is old enough and repairs it, once, with an event. The crash is a store that fails
// every append after a chosen one (the node is gone: nothing after it runs, compensation included).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { status } from '../support/assert.js';
import { streamId } from '../../commands/eventStore/streams.js';
import type { NewEvent } from '../../commands/eventStore/port.js';

type Ctx = { t: TestApp; s: School };
const test = suite<Ctx>('reconciliation after a crash');

test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 1, lessonCost: 4 });
});
test.after(async ({ t }) => t.close());

/** From the first append `after` matches on, every later append fails, until the returned function is called. */
function crashAfter(t: TestApp, after: (streamId: string, events: NewEvent[]) => boolean): () => void {
  const store = t.deps.eventStore;
  const append = store.appendToStream.bind(store);
  let dead = false;
  store.appendToStream = async (stream, events, options) => {
    if (dead) throw new Error('the node crashed');
    const result = await append(stream, events, options);
    if (after(stream, events)) dead = true;
    return result;
  };
  return () => {
    store.appendToStream = append;
  };
}

const lesson = (s: School, start: string) => ({
  kind: 'individual',
  courseId: s.courseId,
  enrollmentId: s.enrollmentIds[0]!,
  start,
  durationMinutes: 45,
  timeZone: 'Europe/Berlin',
});

async function reconcileLater({ t }: Ctx) {
  t.clock.advance(11);
  return t.runtime.reconciliation.runOnce();
}

test('a slot booked by a scheduling that never recorded its session is released', async (ctx) => {
  const { t, s } = ctx;
  t.clock.set('2026-11-30T08:00:00.000Z');
  const start = '2026-12-03T09:00:00.000Z';
  const revive = crashAfter(t, (stream) => stream.startsWith('teacherCalendar-'));
  const crashed = await s.teacher.post('/api/live-sessions', lesson(s, start));
  revive();
  assert.is(crashed.statusCode, 500);
  const blocked = await s.teacher.post('/api/live-sessions', lesson(s, start));
  status(blocked, 409);
  assert.is(blocked.json().code, 'teacher_double_booked', 'the orphaned slot blocks the hour');
  const repairs = await reconcileLater(ctx);
  assert.equal(
    repairs.map((r) => r.kind === 'slot_released' && r.why),
    ['the session was never recorded'],
  );
  assert.equal(await reconcileLater(ctx), [], 'repaired once');
  status(await s.teacher.post('/api/live-sessions', lesson(s, start)), 201);
});

test('a slot of a session canceled by a node that crashed before releasing it is released', async (ctx) => {
  const { t, s } = ctx;
  t.clock.set('2026-11-30T09:00:00.000Z');
  const start = '2026-12-04T09:00:00.000Z';
  const created = await s.teacher.post('/api/live-sessions', lesson(s, start));
  status(created, 201);
  const id = created.json().id as string;
  const revive = crashAfter(t, (stream) => stream === streamId('liveSession', id));
  const crashed = await s.teacher.post(`/api/live-sessions/${id}/cancel`, { reason: 'Teacher ill' });
  revive();
  assert.is(crashed.statusCode, 500);
  status(await s.teacher.post('/api/live-sessions', lesson(s, start)), 409);
  const repairs = await reconcileLater(ctx);
  assert.equal(
    repairs.map((r) => r.kind === 'slot_released' && r.why),
    ['the session was canceled'],
  );
  status(await s.teacher.post('/api/live-sessions', lesson(s, start)), 201);
});

test('a reservation left by a crash between reserving and recording is released, with an event', async (ctx) => {
  const { t, s } = ctx;
  const student = s.students[0]!;
  t.clock.set('2026-11-30T10:00:00.000Z');
  status(await s.admin.post(`/api/wallets/${student.id}/credits`, { tokens: 4, reason: 'One lesson' }), 201);
  const ids: string[] = [];
  for (const start of ['2026-12-05T09:00:00.000Z', '2026-12-05T11:00:00.000Z']) {
    const res = await s.teacher.post('/api/live-sessions', lesson(s, start));
    status(res, 201);
    ids.push(res.json().id as string);
  }
  t.clock.set('2026-12-05T13:00:00.000Z');
  const attendance = [{ studentId: student.id, status: 'present', reason: 'Joined by phone' }];
  const preview = (id: string) =>
    s.teacher.post(`/api/live-sessions/${id}/completion/preview`, {
      action: 'finish_and_deduct',
      attendance,
    });
  const first = await preview(ids[0]!);
  status(first, 200);
  const revive = crashAfter(t, (_, events) => events.some((e) => e.type === 'WalletFundsReserved'));
  const crashed = await s.teacher.post(`/api/live-sessions/${ids[0]}/completion`, {
    action: 'finish_and_deduct',
    fingerprint: first.json().fingerprint,
    attendance,
  });
  revive();
  assert.is(crashed.statusCode, 500);
  const held = await preview(ids[1]!);
  assert.is(held.json().lines[0].outcome, 'refused', 'the abandoned reservation holds the tokens');

  const before = await t.runtime.reconciliation.runOnce();
  assert.equal(before, [], 'not before the grace period is over');
  const repairs = await reconcileLater(ctx);
  assert.equal(
    repairs.map((r) => r.kind),
    ['reservation_released'],
  );
  const wallet = await t.deps.eventStore.readStream(streamId('wallet', student.id));
  const released = wallet.filter((e) => e.type === 'WalletReservationReleased');
  assert.is(released.length, 1);
  assert.match((released[0]!.data as { reason: string }).reason, /abandoned/);
  assert.equal(await reconcileLater(ctx), [], 'released once');

  const fresh = await preview(ids[1]!);
  assert.is(fresh.json().lines[0].outcome, 'debit', 'the tokens are spendable again');
  const done = await s.teacher.post(`/api/live-sessions/${ids[1]}/completion`, {
    action: 'finish_and_deduct',
    fingerprint: fresh.json().fingerprint,
    attendance,
  });
  status(done, 200);
  await t.settle();
  assert.is((await s.admin.get(`/api/wallets/${student.id}`)).json().balance, 0);
});

test('a reservation its recorded completion carries is left for the billing process', async (ctx) => {
  const { t, s } = ctx;
  const student = s.students[0]!;
  t.clock.set('2026-11-30T11:00:00.000Z');
  status(await s.admin.post(`/api/wallets/${student.id}/credits`, { tokens: 4, reason: 'One lesson' }), 201);
  const res = await s.teacher.post('/api/live-sessions', lesson(s, '2026-12-06T09:00:00.000Z'));
  status(res, 201);
  const id = res.json().id as string;
  t.clock.set('2026-12-06T13:00:00.000Z');
  const attendance = [{ studentId: student.id, status: 'present', reason: 'In the room' }];
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
  assert.equal(await reconcileLater(ctx), []);
  await t.settle();
  assert.is((await s.admin.get(`/api/wallets/${student.id}`)).json().balance, 0, 'charged once');
});

test.run();
