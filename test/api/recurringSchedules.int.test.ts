// Recurring schedules through the HTTP API: a weekly rule keeps sessions scheduled at the same wall-clock time,
// generation is idempotent, single occurrences change alone, "this and following" splits the rule, and removing
// a rule cancels only what has not started.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { PASSWORD, testApp, type Session, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { problem, status } from '../support/assert.js';
import { topUpScheduleRules } from '../../commands/scheduleRulesTopUp.js';

type Occurrence = {
  start: string;
  outcome: string;
  reason: string | null;
  reasonCode: string | null;
  conflictStart: string | null;
  conflictEnd: string | null;
  liveSessionId: string | null;
  sessionStart: string | null;
  sessionStatus: string | null;
};
type Rule = { id: string; occurrences: Occurrence[]; endsAt: string | null; time: string };

const test = suite<{ t: TestApp; s: School; ruleId: string; busyId: string }>('recurring schedules');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 2 });
});
test.after(async ({ t }) => t.close());

/** Signs in again (after the clock jumped past the sign-in's lifetime) as the same person. */
async function again(t: TestApp, who: Session): Promise<Session> {
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: who.email, password: PASSWORD },
  });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const request = (method: string, url: string, body?: unknown) =>
    t.app.inject({ method: method as 'GET', url, payload: body as object | undefined, headers: { cookie } });
  return {
    ...who,
    cookie,
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body ?? {}),
  };
}

const rulesUrl = (s: School, i = 0) => `/api/enrollments/${s.enrollmentIds[i]}/schedule-rules`;
const rulesOf = async (s: School, i = 0) => (await s.teacher.get(rulesUrl(s, i))).json().rules as Rule[];

test('"Mondays 17:00 Europe/Berlin" schedules 8 weeks at 16:00 UTC in winter and skips a busy Monday', async (ctx) => {
  const { s } = ctx;
  // The teacher already teaches student 2 on the third Monday at that time.
  const busy = await s.teacher.post('/api/live-sessions', {
    kind: 'individual',
    courseId: s.courseId,
    enrollmentId: s.enrollmentIds[1],
    start: '2026-12-07T16:00:00Z',
    timeZone: 'Europe/Berlin',
  });
  status(busy, 201);
  ctx.busyId = busy.json().id;

  // The test clock stands at Monday 2026-11-23 08:00 UTC.
  const res = await s.teacher.post(rulesUrl(s), {
    weekdays: ['monday'],
    time: '17:00',
    timeZone: 'Europe/Berlin',
  });
  status(res, 201);
  const body = res.json();
  ctx.ruleId = body.rule.id;
  assert.is(body.rule.durationMinutes, 45, "the enrollment's default lesson length");
  assert.equal(
    body.scheduled.map((o: { start: string }) => o.start),
    ['2026-11-23', '2026-11-30', '2026-12-14', '2026-12-21', '2026-12-28', '2027-01-04', '2027-01-11'].map(
      (d) => `${d}T16:00:00.000Z`,
    ),
  );
  assert.equal(body.skipped, [
    {
      ruleId: ctx.ruleId,
      start: '2026-12-07T16:00:00.000Z',
      reason: 'teacher_double_booked',
      conflictingLiveSessionId: ctx.busyId,
      // For the interface to word in each person's language: the code and the conflicting session's times.
      code: 'teacher_busy',
      conflictStart: '2026-12-07T16:00:00.000Z',
      conflictEnd: '2026-12-07T16:45:00.000Z',
    },
  ]);
  const first = await s.students[0]!.get(`/api/live-sessions/${body.scheduled[0].liveSessionId}`);
  status(first, 200);
  assert.is(first.json().durationMinutes, 45);
  assert.is(first.json().enrollmentId, s.enrollmentIds[0]);
  const rule = (await rulesOf(s)).find((r) => r.id === ctx.ruleId)!;
  assert.is(rule.occurrences.length, 8, 'seven sessions and the skipped Monday are all on record');
  const skipped = rule.occurrences.find((o) => o.outcome === 'skipped')!;
  assert.equal(
    [skipped.reason, skipped.reasonCode, skipped.conflictStart, skipped.conflictEnd],
    ['teacher_double_booked', 'teacher_busy', '2026-12-07T16:00:00.000Z', '2026-12-07T16:45:00.000Z'],
  );
  assert.ok(
    rule.occurrences.every((o) => o.outcome === 'skipped' || o.reasonCode === null),
    'scheduled occurrences have no reason',
  );
});

test('generating again adds nothing, also after one occurrence was moved and another canceled', async ({
  t,
  s,
}) => {
  const [first, second] = (await rulesOf(s))[0]!.occurrences;
  status(
    await s.teacher.post(`/api/live-sessions/${first!.liveSessionId}/reschedule`, {
      start: '2026-11-23T18:00:00Z',
      durationMinutes: 45,
      timeZone: 'Europe/Berlin',
    }),
    200,
  );
  status(
    await s.teacher.post(`/api/live-sessions/${second!.liveSessionId}/cancel`, { reason: 'holiday' }),
    200,
  );
  const events = await t.countEvents();
  const again = await s.teacher.post(`${rulesUrl(s)}/generate`);
  status(again, 200);
  assert.equal(again.json(), { scheduled: [], skipped: [] });
  assert.is(await t.countEvents(), events, 'no event appended');
  const occurrences = (await rulesOf(s))[0]!.occurrences;
  assert.is(occurrences[0]!.sessionStart, '2026-11-23T18:00:00.000Z', 'the moved one stays moved');
  assert.is(occurrences[1]!.sessionStatus, 'canceled', 'the canceled one stays canceled');
  assert.is(occurrences[2]!.outcome, 'skipped', 'the busy Monday stays skipped');
  assert.is(occurrences[3]!.sessionStatus, 'scheduled', 'the pattern is untouched');
});

test('"this and following" from Dec 21 moves the rest to 18:00 and cancels the old ones', async ({
  s,
  ruleId,
}) => {
  const before = (await rulesOf(s))[0]!.occurrences;
  const res = await s.teacher.post(`${rulesUrl(s)}/${ruleId}/split`, {
    from: '2026-12-21T16:00:00Z',
    time: '18:00',
  });
  status(res, 201);
  const body = res.json();
  const oldFromDec21 = before
    .filter((o) => o.start >= '2026-12-21' && o.liveSessionId)
    .map((o) => o.liveSessionId);
  assert.equal(body.canceled.sort(), oldFromDec21.sort());
  assert.equal(
    body.scheduled.map((o: { start: string }) => o.start),
    ['2026-12-21', '2026-12-28', '2027-01-04', '2027-01-11'].map((d) => `${d}T17:00:00.000Z`),
  );
  const rules = await rulesOf(s);
  const old = rules.find((r) => r.id === ruleId)!;
  assert.is(old.endsAt, '2026-12-21T16:00:00.000Z');
  const kept = old.occurrences.filter((o) => o.start < '2026-12-21' && o.outcome === 'scheduled');
  assert.ok(
    kept.every((o) => o.sessionStatus !== 'canceled' || o.start === '2026-11-30T16:00:00.000Z'),
    'earlier sessions are not touched',
  );
  assert.ok(
    old.occurrences.filter((o) => o.start >= '2026-12-21').every((o) => o.sessionStatus === 'canceled'),
  );
});

test('removing a rule cancels its future sessions only', async ({ t, s }) => {
  const successor = (await rulesOf(s)).find((r) => r.time === '18:00')!;
  // A week later the first session of the successor is... still ahead; move the clock past it.
  t.clock.set('2026-12-21T19:00:00Z');
  const teacher = await again(t, s.teacher);
  const res = await teacher.request('DELETE', `${rulesUrl(s)}/${successor.id}`);
  status(res, 200);
  const [past, ...future] = successor.occurrences;
  assert.equal(res.json().canceled.sort(), future.map((o) => o.liveSessionId).sort());
  const pastSession = await teacher.get(`/api/live-sessions/${past!.liveSessionId}`);
  assert.is(pastSession.json().status, 'scheduled', 'the session of Dec 21 was due before the removal');
  const rules = (await teacher.get(rulesUrl(s))).json().rules as Rule[];
  assert.not.ok(
    rules.some((r) => r.id === successor.id),
    'the rule is gone',
  );
  t.clock.set('2026-11-23T08:00:00.000Z');
});

test('in summer the same rule lands at 15:00 UTC', async ({ t, s }) => {
  t.clock.set('2027-03-15T08:00:00Z');
  const admin = await again(t, s.admin);
  const res = await admin.post(rulesUrl(s, 1), {
    weekdays: ['MO'],
    time: '17:00',
    timeZone: 'Europe/Berlin',
    durationMinutes: 60,
  });
  status(res, 201);
  const starts = res.json().scheduled.map((o: { start: string }) => o.start);
  assert.is(starts[0], '2027-03-15T16:00:00.000Z', 'before the change to summer time (Mar 28)');
  assert.is(starts[2], '2027-03-29T15:00:00.000Z', 'after it');
  assert.is(starts.length, 8);
  assert.ok(starts.slice(2).every((x: string) => x.endsWith('T15:00:00.000Z')));
  t.clock.set('2026-11-23T08:00:00.000Z');
});

test('the periodic top-up keeps eight weeks filled, and adds nothing when run again', async ({ t }) => {
  const later = new Date('2027-03-29T08:00:00Z');
  const first = await topUpScheduleRules(t.deps, later);
  assert.equal(
    first.flatMap((r) => r.scheduled.map((o) => o.start)),
    ['2027-05-10T15:00:00.000Z', '2027-05-17T15:00:00.000Z'],
  );
  const events = await t.countEvents();
  const second = await topUpScheduleRules(t.deps, later);
  assert.equal(
    second.flatMap((r) => [...r.scheduled, ...r.skipped]),
    [],
  );
  assert.is(await t.countEvents(), events);
});

test('a retried "add rule" with the same Idempotency-Key names the same rule and appends nothing', async ({
  t,
  s,
}) => {
  const body = { weekdays: ['FR'], time: '09:30', timeZone: 'Asia/Tokyo', startsOn: '2030-01-04' };
  const headers = { 'idempotency-key': 'friday-rule-1' };
  const first = await s.admin.post(rulesUrl(s, 1), body, headers);
  status(first, 201);
  const events = await t.countEvents();
  const again = await s.admin.post(rulesUrl(s, 1), body, headers);
  status(again, 201);
  assert.is(again.json().rule.id, first.json().rule.id);
  assert.is(await t.countEvents(), events);
});

test('students read but do not manage rules; other organisations see nothing; bad input is 400', async ({
  t,
  s,
}) => {
  status(await s.students[0]!.get(rulesUrl(s)), 200);
  status(await s.students[1]!.get(rulesUrl(s)), 404);
  problem(await s.students[0]!.post(rulesUrl(s), { weekdays: ['MO'], time: '17:00', timeZone: 'UTC' }), 403);
  const events = await t.countEvents();
  problem(await s.teacher.post(rulesUrl(s), { weekdays: ['MO'], time: '25:00', timeZone: 'UTC' }), 400);
  problem(await s.teacher.post(rulesUrl(s), { weekdays: ['MO'], time: '17:00', timeZone: 'Mars/Base' }), 400);
  problem(await s.teacher.post(rulesUrl(s), { weekdays: [], time: '17:00', timeZone: 'UTC' }), 400);
  const { admin } = await t.organisation('Elsewhere');
  problem(await admin.get(rulesUrl(s)), 404);
  problem(await admin.post(rulesUrl(s), { weekdays: ['MO'], time: '17:00', timeZone: 'UTC' }), 404);
  assert.is(await t.countEvents(), events);
});

test.run();
