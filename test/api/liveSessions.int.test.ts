// Scheduling live sessions through the HTTP API.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { problem, status } from '../support/assert.js';

const test = suite<{ t: TestApp; s: School }>('scheduling live sessions');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t);
});
test.after(async ({ t }) => t.close());

const tomorrow = (hour: number, minute = 0) =>
  `2026-11-24T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`;

test('a teacher schedules an individual session and the student sees it in their week', async ({ s }) => {
  const res = await s.teacher.post('/api/live-sessions', {
    kind: 'individual',
    courseId: s.courseId,
    courseLessonId: s.lessonIds[0],
    enrollmentId: s.enrollmentIds[0],
    start: tomorrow(9),
    timeZone: 'Europe/Berlin',
    title: 'Present Tense Review',
    notes: 'Bring questions',
  });
  status(res, 201);
  const session = res.json();
  assert.is(session.durationMinutes, 45, 'the enrollment default lesson length');
  assert.is(session.teacherId, s.teacher.id);
  assert.equal(
    session.participants.map((p: { studentId: string }) => p.studentId),
    [s.students[0]!.id],
  );
  assert.is(res.headers.etag, '"0"');
  const week = await s.students[0]!.get(`/api/schedule?from=2026-11-23T00:00:00Z&to=2026-11-30T00:00:00Z`);
  status(week, 200);
  assert.ok(
    week
      .json()
      .sessions.some(
        (x: { id: string; title: string }) => x.id === session.id && x.title === 'Present Tense Review',
      ),
  );
  const other = await s.students[1]!.get(`/api/schedule?from=2026-11-23T00:00:00Z&to=2026-11-30T00:00:00Z`);
  assert.not.ok(
    other.json().sessions.some((x: { id: string }) => x.id === session.id),
    'another student does not see it',
  );
  status(await s.students[1]!.get(`/api/live-sessions/${session.id}`), 404);
});

test('a group session for several students, one from outside the course', async ({ t, s }) => {
  const outsider = await t.person(s.orgId, 'student', 'Outsider');
  // Only an admin may add a student who is not the teacher's own (test/api/teachingReach.int.test.ts).
  const res = await s.admin.post('/api/live-sessions', {
    kind: 'group',
    courseId: s.courseId,
    teacherId: s.teacher.id,
    studentIds: [s.students[1]!.id, s.students[2]!.id, outsider.id],
    start: tomorrow(11),
    durationMinutes: 60,
    timeZone: 'Europe/Berlin',
  });
  status(res, 201);
  const participants = res.json().participants as { studentId: string; enrollmentId: string | null }[];
  assert.is(participants.length, 3);
  assert.is(participants.find((p) => p.studentId === outsider.id)!.enrollmentId, null);
});

test('a student group fills a group session', async ({ t, s }) => {
  const groupId = await t.group(s.orgId, 'Club', [s.students[0]!.id, s.students[2]!.id]);
  const res = await s.teacher.post('/api/live-sessions', {
    kind: 'group',
    courseId: s.courseId,
    studentGroupId: groupId,
    start: tomorrow(13),
    durationMinutes: 30,
    timeZone: 'UTC',
  });
  status(res, 201);
  assert.is(res.json().participants.length, 2);
});

test('two overlapping schedulings for one teacher at the same moment: exactly one succeeds', async ({
  t,
  s,
}) => {
  const before = await t.countEvents();
  const body = (i: number) => ({
    kind: 'individual',
    courseId: s.courseId,
    enrollmentId: s.enrollmentIds[i],
    start: tomorrow(15, i * 10),
    durationMinutes: 45,
    timeZone: 'UTC',
  });
  const [a, b] = await Promise.all([
    s.teacher.post('/api/live-sessions', body(1)),
    s.teacher.post('/api/live-sessions', body(2)),
  ]);
  const codes = [a.statusCode, b.statusCode].sort();
  assert.equal(codes, [201, 409]);
  const winner = a.statusCode === 201 ? a : b;
  const loser = a.statusCode === 201 ? b : a;
  const p = problem(loser, 409, 'rule/teacher_double_booked') as Record<string, unknown>;
  assert.is(p.conflictingLiveSessionId, winner.json().id, 'names the conflicting session');
  // Its times travel as instants, so the client writes them in the person's time zone and language.
  assert.is(Date.parse(String(p.startsAt)), Date.parse(winner.json().start));
  assert.is(Date.parse(String(p.endsAt)), Date.parse(winner.json().end));
  assert.is(await t.countEvents(), before + 2, 'only the winner wrote (slot + session)');
});

test('reschedule and cancel; a canceled session frees the slot', async ({ s }) => {
  const created = (
    await s.teacher.post('/api/live-sessions', {
      kind: 'individual',
      courseId: s.courseId,
      enrollmentId: s.enrollmentIds[0],
      start: tomorrow(17),
      timeZone: 'UTC',
    })
  ).json();
  const moved = await s.teacher.post(
    `/api/live-sessions/${created.id}/reschedule`,
    { start: tomorrow(18), durationMinutes: 60, timeZone: 'UTC' },
    { 'if-match': '"0"' },
  );
  status(moved, 200);
  assert.is(moved.json().start, '2026-11-24T18:00:00.000Z');
  const stale = await s.teacher.post(
    `/api/live-sessions/${created.id}/cancel`,
    { reason: 'sick' },
    { 'if-match': '"0"' },
  );
  problem(stale, 412, 'precondition');
  status(await s.teacher.post(`/api/live-sessions/${created.id}/cancel`, { reason: 'Teacher is sick' }), 200);
  const again = await s.teacher.post('/api/live-sessions', {
    kind: 'individual',
    courseId: s.courseId,
    enrollmentId: s.enrollmentIds[1],
    start: tomorrow(18),
    timeZone: 'UTC',
  });
  status(again, 201);
});

test('an Idempotency-Key makes a retried scheduling return the first result and append nothing', async ({
  t,
  s,
}) => {
  const body = {
    kind: 'individual',
    courseId: s.courseId,
    enrollmentId: s.enrollmentIds[2],
    start: tomorrow(20),
    timeZone: 'UTC',
  };
  const first = await s.teacher.post('/api/live-sessions', body, { 'idempotency-key': 'retry-me-1' });
  status(first, 201);
  const count = await t.countEvents();
  const second = await s.teacher.post('/api/live-sessions', body, { 'idempotency-key': 'retry-me-1' });
  status(second, 201);
  assert.is(second.json().id, first.json().id);
  assert.is(await t.countEvents(), count);
});

test('malformed input gets problem+json naming the fields, and appends nothing', async ({ t, s }) => {
  const count = await t.countEvents();
  const cases: [string, unknown][] = [
    ['missing everything', {}],
    [
      'bad time zone',
      {
        kind: 'individual',
        courseId: s.courseId,
        enrollmentId: s.enrollmentIds[0],
        start: tomorrow(9),
        timeZone: 'Mars/Olympus',
      },
    ],
    [
      'bad date',
      {
        kind: 'individual',
        courseId: s.courseId,
        enrollmentId: s.enrollmentIds[0],
        start: 'tomorrow',
        timeZone: 'UTC',
      },
    ],
    [
      'duration too long',
      {
        kind: 'group',
        courseId: s.courseId,
        studentIds: [s.students[0]!.id],
        start: tomorrow(9),
        durationMinutes: 9999,
        timeZone: 'UTC',
      },
    ],
    [
      'individual without enrollment',
      { kind: 'individual', courseId: s.courseId, start: tomorrow(9), timeZone: 'UTC' },
    ],
  ];
  for (const [name, body] of cases) {
    const res = await s.teacher.post('/api/live-sessions', body);
    const p = problem(res, 400, 'validation');
    assert.ok(Array.isArray((p as unknown as { fields: unknown[] }).fields), name);
  }
  problem(
    await s.teacher.request('POST', '/api/live-sessions', 'not json', { 'content-type': 'application/json' }),
    400,
  );
  problem(await s.teacher.get('/api/live-sessions/not-a-uuid'), 400, 'validation');
  problem(await s.teacher.get('/api/schedule?from=yesterday'), 400, 'validation');
  problem(
    await s.teacher.post('/api/live-sessions', {
      kind: 'individual',
      courseId: s.courseId,
      enrollmentId: s.enrollmentIds[0],
      start: '2020-01-01T10:00:00Z',
      timeZone: 'UTC',
    }),
    409,
    'rule/start_in_past',
  );
  assert.is(await t.countEvents(), count);
});

test('students cannot schedule; anonymous callers get 401', async ({ t, s }) => {
  problem(
    await s.students[0]!.post('/api/live-sessions', {
      kind: 'individual',
      courseId: s.courseId,
      enrollmentId: s.enrollmentIds[0],
      start: tomorrow(9),
      timeZone: 'UTC',
    }),
    403,
  );
  problem(
    await t.app.inject({
      method: 'GET',
      url: '/api/schedule?from=2026-11-23T00:00:00Z&to=2026-11-30T00:00:00Z',
    }),
    401,
  );
});

test.run();
