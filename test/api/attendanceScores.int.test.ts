// Attendance and scores through the HTTP API: an individual lesson is held, scored, verified with
// "Verify and Deduct"; the student sees the feedback only once verified; changing it needs a revocation.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { problem, status } from '../support/assert.js';
import { rebuildProjection } from '../../projections/rebuild.js';
import { attendanceProjection } from '../../projections/attendance/attendance.js';

/** Read models follow the log; on a busy shared server its readable horizon may lag, so poll a little. */
async function eventually<T>(read: () => Promise<T>, ready: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 100 && !ready(value); i++) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

type Ctx = { t: TestApp; s: School; sessionId: string };
const test = suite<Ctx>('attendance, scores and feedback');
const scores = {
  speaking: 4,
  listening: 5,
  reading: 3,
  writing: 3,
  grammar: 4,
  vocabulary: 4,
  engagement: 5,
};

test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 2, lessonCost: 3 });
  status(
    await ctx.s.admin.post(`/api/wallets/${ctx.s.students[0]!.id}/credits`, { tokens: 5, reason: 'Pack' }),
    201,
  );
  const res = await ctx.s.teacher.post('/api/live-sessions', {
    kind: 'individual',
    courseId: ctx.s.courseId,
    enrollmentId: ctx.s.enrollmentIds[0],
    start: '2026-11-24T09:00:00Z',
    durationMinutes: 45,
    timeZone: 'Europe/Berlin',
  });
  status(res, 201);
  ctx.sessionId = res.json().id;
});
test.after(async ({ t }) => t.close());

test('a lesson is held: the student joins late, leaves and returns', async ({ t, s, sessionId }) => {
  const student = s.students[0]!;
  t.clock.set('2026-11-24T08:55:00Z');
  status(await s.teacher.post(`/api/live-sessions/${sessionId}/start`), 200);
  problem(
    await s.teacher.request('PUT', `/api/live-sessions/${sessionId}/feedback/${s.students[1]!.id}`, {
      scores,
    }),
    409,
    'not_a_participant',
  );
  t.clock.set('2026-11-24T09:06:00Z');
  status(await student.post(`/api/live-sessions/${sessionId}/presence`, { presence: 'joined' }), 200);
  t.clock.set('2026-11-24T09:20:00Z');
  status(await student.post(`/api/live-sessions/${sessionId}/presence`, { presence: 'left' }), 200);
  status(await student.post(`/api/live-sessions/${sessionId}/presence`, { presence: 'left' }), 200);
  t.clock.set('2026-11-24T09:25:00Z');
  status(await student.post(`/api/live-sessions/${sessionId}/presence`, { presence: 'joined' }), 200);
  t.clock.set('2026-11-24T09:45:00Z');
  const mine = (await student.get(`/api/live-sessions/${sessionId}/attendance`)).json();
  assert.equal(mine.attendance.length, 1, 'a student sees only their own line');
  assert.equal([mine.attendance[0].minutesPresent, mine.attendance[0].late], [34, true]);
  const detail = (await student.get(`/api/live-sessions/${sessionId}`)).json();
  assert.is(detail.status, 'active');
});

test('the teacher scores; the student does not see unverified feedback', async ({ s, sessionId }) => {
  const scored = await s.teacher.request(
    'PUT',
    `/api/live-sessions/${sessionId}/feedback/${s.students[0]!.id}`,
    {
      scores,
      comment: 'Good use of the past tense',
    },
  );
  status(scored, 200);
  assert.is(scored.json().verified, false);
  problem(
    await s.teacher.request('PUT', `/api/live-sessions/${sessionId}/feedback/${s.students[0]!.id}`, {
      scores: { ...scores, grammar: 6 },
    }),
    400,
  );
  problem(
    await s.teacher.request('PUT', `/api/live-sessions/${sessionId}/feedback/${s.students[0]!.id}`, {
      scores,
      comment: 'x'.repeat(1025),
    }),
    400,
  );
  status(
    await s.students[0]!.request('PUT', `/api/live-sessions/${sessionId}/feedback/${s.students[0]!.id}`, {
      scores,
    }),
    403,
  );
  assert.equal((await s.students[0]!.get(`/api/live-sessions/${sessionId}/feedback`)).json(), []);
});

test('Verify and Deduct finishes, charges and verifies; the student then sees the feedback', async (ctx) => {
  const { s, sessionId } = ctx;
  const preview = await s.teacher.post(`/api/live-sessions/${sessionId}/completion/preview`, {
    action: 'verify_and_deduct',
  });
  status(preview, 200);
  assert.equal(
    preview.json().lines.map((l: { tokens: number; balanceAfter: number }) => [l.tokens, l.balanceAfter]),
    [[3, 2]],
  );
  const done = await s.teacher.post(`/api/live-sessions/${sessionId}/completion`, {
    action: 'verify_and_deduct',
    fingerprint: preview.json().fingerprint,
    notes: { covered: 'Past tense', struggled: null, next: 'Irregular verbs' },
  });
  status(done, 200);
  assert.equal([done.json().status, done.json().attendance[0].status], ['ended', 'present']);
  const seen = (await s.students[0]!.get(`/api/live-sessions/${sessionId}/feedback`)).json();
  assert.equal([seen.length, seen[0].comment, seen[0].verified], [1, 'Good use of the past tense', true]);
  const history = await eventually(
    async () => (await s.students[0]!.get('/api/attendance')).json(),
    (h) => h.length > 0,
  );
  assert.is(history.length, 1);
  assert.equal(
    [
      history[0].minutesPresent,
      history[0].late,
      history[0].chargedTokens,
      history[0].notes,
      history[0].feedback.scores.listening,
    ],
    [34, true, 3, null, 5],
  );
  const teacherView = (await s.teacher.get(`/api/attendance?studentId=${s.students[0]!.id}`)).json();
  assert.is(teacherView[0].notes.next, 'Irregular verbs');
  assert.is((await s.otherTeacher.get('/api/attendance')).json().length, 0);
  const wallet = await eventually(
    async () => (await s.students[0]!.get('/api/wallets/me')).json(),
    (w) => w.balance !== 5,
  );
  assert.is(wallet.balance, 2);
});

test('verified feedback changes only after the verification is revoked', async ({ s, sessionId }) => {
  const url = `/api/live-sessions/${sessionId}/feedback/${s.students[0]!.id}`;
  problem(await s.teacher.request('PUT', url, { scores, comment: 'Changed' }), 409, 'feedback_verified');
  status(await s.teacher.request('DELETE', `${url}/verification`), 200);
  assert.equal((await s.students[0]!.get(`/api/live-sessions/${sessionId}/feedback`)).json(), []);
  status(await s.teacher.request('PUT', url, { scores, comment: 'Changed' }), 200);
  const verified = await s.teacher.post(`${url}/verification`);
  status(verified, 200);
  assert.is(verified.json()[0].comment, 'Changed');
});

test('cancel and delete: a canceled lesson frees the slot; a deleted one leaves the schedule', async ({
  t,
  s,
}) => {
  t.clock.set('2026-11-24T10:00:00Z');
  const make = async () => {
    const res = await s.teacher.post('/api/live-sessions', {
      kind: 'individual',
      courseId: s.courseId,
      enrollmentId: s.enrollmentIds[1],
      start: '2026-11-25T09:00:00Z',
      durationMinutes: 45,
      timeZone: 'UTC',
    });
    status(res, 201);
    return res.json().id as string;
  };
  const first = await make();
  status(
    await s.teacher.post(`/api/live-sessions/${first}/completion`, {
      action: 'cancel',
      reason: 'Student ill',
    }),
    200,
  );
  assert.is((await s.teacher.get(`/api/live-sessions/${first}`)).json().status, 'canceled');
  const second = await make();
  status(
    await s.teacher.post(`/api/live-sessions/${second}/deletion`, { reason: 'Created twice by mistake' }),
    204,
  );
  status(await s.teacher.get(`/api/live-sessions/${second}`), 404);
  const week = (
    await s.students[1]!.get('/api/schedule?from=2026-11-25T00:00:00Z&to=2026-11-26T00:00:00Z')
  ).json();
  assert.not.ok(week.sessions.some((x: { id: string }) => x.id === second));
  await make(); // the slot is free again
});

test('the attendance read model replays to the same rows', async ({ t }) => {
  const result = await rebuildProjection(t.deps.db, t.deps.eventStore, attendanceProjection, {
    replace: false,
  });
  assert.is(result.rebuiltChecksum, result.liveChecksum);
  assert.match(result.liveChecksum, /attendance_feedback:1:/);
});

test.run();
