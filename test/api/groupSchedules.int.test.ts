// Recurring group classes through the HTTP API: a weekly rule on a student group schedules group sessions with
// the group's members at the same wall-clock time, generation is idempotent, the classes still ahead follow the
// group (who joins is added, who leaves is taken out, a student the teacher excused by hand stays excused),
// "this and following" splits the rule, removing it cancels only what has not started, and the hourly top-up
// keeps eight weeks filled across the change to summer time.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { PASSWORD, testApp, type Session, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { problem, status } from '../support/assert.js';
import { topUpGroupSchedules } from '../../commands/groupScheduleTopUp.js';
import type { GroupScheduleRule } from '../../contract/groupSchedule.js';
import type { ScheduleEntry } from '../../contract/schedule.js';

const test = suite<{ t: TestApp; s: School; groupId: string; ruleId: string }>('recurring group classes');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 3 });
  const group = await ctx.s.admin.post('/api/groups', {
    name: 'Tuesday Conversation',
    memberIds: [ctx.s.students[0]!.id, ctx.s.students[1]!.id],
  });
  status(group, 201);
  ctx.groupId = group.json().id;
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

const rulesUrl = (groupId: string) => `/api/groups/${groupId}/schedule-rules`;
const rulesOf = async (who: Session, groupId: string) =>
  (await who.get(rulesUrl(groupId))).json().rules as GroupScheduleRule[];
const session = async (who: Session, id: string | null) =>
  (await who.get(`/api/live-sessions/${id!}`)).json() as ScheduleEntry;
const studentsOf = (entry: ScheduleEntry) => entry.participants.map((p) => p.studentId).sort();
const tuesdays = ['2026-11-24', '2026-12-01', '2026-12-08', '2026-12-15', '2026-12-22', '2026-12-29'];

test('"Tuesdays 17:00 Europe/Berlin" schedules eight weeks of group classes with the members', async (ctx) => {
  const { s, groupId } = ctx;
  // The test clock stands at Monday 2026-11-23 08:00 UTC.
  const res = await s.admin.post(rulesUrl(groupId), {
    courseId: s.courseId,
    teacherId: s.teacher.id,
    weekdays: ['tuesday'],
    time: '17:00',
    timeZone: 'Europe/Berlin',
  });
  status(res, 201);
  const body = res.json();
  ctx.ruleId = body.rule.id;
  assert.is(body.rule.durationMinutes, 60, 'a class lasts an hour unless the rule says otherwise');
  assert.is(body.rule.teacherName, 'Tereza Teacher');
  assert.is(body.rule.courseName, 'English B1');
  assert.equal(
    body.scheduled.map((o: { start: string }) => o.start),
    [...tuesdays, '2027-01-05', '2027-01-12'].map((d) => `${d}T16:00:00.000Z`),
  );
  assert.equal(body.skipped, []);
  const first = await session(s.teacher, body.scheduled[0].liveSessionId);
  assert.is(first.kind, 'group');
  assert.is(first.title, 'Tuesday Conversation', "titled with the group's name");
  assert.is(first.studentGroupId, groupId);
  assert.is(first.teacherId, s.teacher.id);
  assert.is(first.courseId, s.courseId);
  assert.equal(studentsOf(first), [s.students[0]!.id, s.students[1]!.id].sort());
  assert.equal(
    first.participants.map((p) => p.enrollmentId).sort(),
    [s.enrollmentIds[0], s.enrollmentIds[1]].sort(),
    "each member's enrollment in the course is the one the class bills",
  );
  // The members find the class in their schedule; the student outside the group does not.
  const range = '?from=2026-11-24T00:00:00Z&to=2026-11-25T00:00:00Z';
  const mine = (await s.students[0]!.get(`/api/schedule${range}`)).json().sessions as ScheduleEntry[];
  assert.ok(mine.some((e) => e.id === first.id));
  const theirs = (await s.students[2]!.get(`/api/schedule${range}`)).json().sessions as ScheduleEntry[];
  assert.not.ok(theirs.some((e) => e.id === first.id));
  // The teacher now teaches the group: she reads it and its rules.
  status(await s.teacher.get(`/api/groups/${groupId}`), 200);
  const rules = await rulesOf(s.teacher, groupId);
  assert.is(rules[0]!.occurrences.length, 8);
  assert.ok(rules[0]!.occurrences.every((o) => o.participants === 2 && o.sessionStatus === 'scheduled'));
});

test('generating again adds nothing, also after one class was moved and another canceled', async ({
  t,
  s,
  groupId,
}) => {
  const [first, second] = (await rulesOf(s.admin, groupId))[0]!.occurrences;
  status(
    await s.teacher.post(`/api/live-sessions/${first!.liveSessionId}/reschedule`, {
      start: '2026-11-24T17:00:00Z',
      durationMinutes: 60,
      timeZone: 'Europe/Berlin',
    }),
    200,
  );
  status(
    await s.teacher.post(`/api/live-sessions/${second!.liveSessionId}/cancel`, { reason: 'holiday' }),
    200,
  );
  const events = await t.countEvents();
  const res = await s.teacher.post(`${rulesUrl(groupId)}/generate`);
  status(res, 200);
  assert.equal(res.json(), { scheduled: [], skipped: [], studentsChanged: [] });
  assert.is(await t.countEvents(), events, 'no event appended');
  const occurrences = (await rulesOf(s.admin, groupId))[0]!.occurrences;
  assert.is(occurrences[0]!.sessionStart, '2026-11-24T17:00:00.000Z', 'the moved one stays moved');
  assert.is(occurrences[1]!.sessionStatus, 'canceled', 'the canceled one stays canceled');
});

test('classes still ahead follow the group: who joins is added, who leaves is taken out', async ({
  t,
  s,
  groupId,
}) => {
  const [, , third, fourth] = (await rulesOf(s.admin, groupId))[0]!.occurrences;
  // Student 1 is excused from the third class by hand: following the group must not undo that.
  status(
    await s.teacher.request(
      'DELETE',
      `/api/live-sessions/${third!.liveSessionId}/participants/${s.students[0]!.id}`,
    ),
    200,
  );
  const [a, b, c] = s.students.map((x) => x.id) as [string, string, string];
  status(await s.admin.request('PUT', `/api/groups/${groupId}/members/${c}`), 200);
  status(await s.admin.request('DELETE', `/api/groups/${groupId}/members/${b}`), 200);
  const res = await s.teacher.post(`${rulesUrl(groupId)}/generate`);
  status(res, 200);
  const changed = res.json().studentsChanged as { start: string; joined: string[]; left: string[] }[];
  // The moved first class (still ahead) and every scheduled one; not the canceled second.
  assert.equal(
    changed.map((x) => x.start.slice(0, 10)),
    ['2026-11-24', ...tuesdays.slice(2), '2027-01-05', '2027-01-12'],
  );
  assert.ok(changed.every((x) => x.joined.join() === c && x.left.join() === b));
  assert.equal(studentsOf(await session(s.admin, fourth!.liveSessionId)), [a, c].sort());
  assert.equal(studentsOf(await session(s.admin, third!.liveSessionId)), [c], 'student 1 stays excused');
  const events = await t.countEvents();
  status(await s.teacher.post(`${rulesUrl(groupId)}/generate`), 200);
  assert.is(await t.countEvents(), events, 'following the group twice changes nothing more');
});

test('"this and following" from Dec 15 moves the rest to 18:00 with the members of now', async ({
  s,
  groupId,
  ruleId,
}) => {
  const before = (await rulesOf(s.admin, groupId))[0]!.occurrences;
  const res = await s.teacher.post(`${rulesUrl(groupId)}/${ruleId}/split`, {
    from: '2026-12-15T16:00:00Z',
    time: '18:00',
  });
  status(res, 201);
  const body = res.json();
  const fromDec15 = before.filter((o) => o.start >= '2026-12-15').map((o) => o.liveSessionId);
  assert.equal(body.canceled.sort(), fromDec15.sort());
  assert.equal(
    body.scheduled.map((o: { start: string }) => o.start),
    [...tuesdays.slice(3), '2027-01-05', '2027-01-12'].map((d) => `${d}T17:00:00.000Z`),
  );
  assert.is(body.rule.splitFrom, ruleId);
  assert.is(body.rule.teacherId, s.teacher.id, 'the successor keeps the teacher and the course');
  const next = await session(s.admin, body.scheduled[0].liveSessionId);
  assert.equal(studentsOf(next), [s.students[0]!.id, s.students[2]!.id].sort());
  const rules = await rulesOf(s.admin, groupId);
  assert.is(rules.find((r) => r.id === ruleId)!.endsAt, '2026-12-15T16:00:00.000Z');
});

test('removing a rule cancels its classes still ahead only', async ({ t, s, groupId }) => {
  const successor = (await rulesOf(s.admin, groupId)).find((r) => r.time === '18:00')!;
  t.clock.set('2026-12-15T19:00:00Z');
  const admin = await again(t, s.admin);
  const res = await admin.request('DELETE', `${rulesUrl(groupId)}/${successor.id}`);
  status(res, 200);
  const [past, ...future] = successor.occurrences;
  assert.equal(res.json().canceled.sort(), future.map((o) => o.liveSessionId).sort());
  assert.is((await session(admin, past!.liveSessionId)).status, 'scheduled', 'Dec 15 was due before');
  assert.not.ok((await rulesOf(admin, groupId)).some((r) => r.id === successor.id));
  t.clock.set('2026-11-23T08:00:00.000Z');
});

test('the hourly top-up fills eight weeks across the change to summer time, once', async ({ t, s }) => {
  const { admin } = s;
  const group = await admin.post('/api/groups', { name: 'Spring group', memberIds: [s.students[1]!.id] });
  status(group, 201);
  const url = rulesUrl(group.json().id);
  status(
    await admin.post(url, {
      courseId: s.courseId,
      teacherId: s.otherTeacher.id,
      weekdays: ['WE'],
      time: '17:00',
      timeZone: 'Europe/Berlin',
      startsOn: '2027-03-10',
    }),
    201,
  );
  // Berlin moves to summer time on 2027-03-28; eight weeks from Mar 9 reach May 4.
  const later = new Date('2027-03-09T08:00:00Z');
  const reports = await topUpGroupSchedules(t.deps, later);
  const starts = reports.flatMap((r) => r.scheduled.map((o) => o.start));
  assert.equal(starts, [
    '2027-03-10T16:00:00.000Z',
    '2027-03-17T16:00:00.000Z',
    '2027-03-24T16:00:00.000Z',
    '2027-03-31T15:00:00.000Z',
    '2027-04-07T15:00:00.000Z',
    '2027-04-14T15:00:00.000Z',
    '2027-04-21T15:00:00.000Z',
    '2027-04-28T15:00:00.000Z',
  ]);
  const events = await t.countEvents();
  const second = await topUpGroupSchedules(t.deps, later);
  assert.equal(
    second.flatMap((r) => [...r.scheduled, ...r.skipped, ...r.studentsChanged]),
    [],
  );
  assert.is(await t.countEvents(), events, 'the second run appends nothing');
});

test('who may manage; bad input is a 4xx naming the problem and appends nothing', async ({
  t,
  s,
  groupId,
}) => {
  const url = rulesUrl(groupId);
  const rule = {
    courseId: s.courseId,
    weekdays: ['MO'],
    time: '09:00',
    timeZone: 'UTC',
    startsOn: '2030-01-07',
  };
  status(await s.students[0]!.get(url), 200);
  problem(await s.students[1]!.get(url), 404);
  problem(await s.otherTeacher.get(url), 404);
  const events = await t.countEvents();
  problem(await s.students[0]!.post(url, rule), 403);
  problem(await s.otherTeacher.post(url, rule), 404);
  problem(await s.teacher.post(url, { ...rule, teacherId: s.otherTeacher.id }), 403);
  const invalid = async (body: object, field: string) => {
    const res = await s.admin.post(url, body);
    problem(res, 400);
    assert.match(res.body, field);
  };
  await invalid({ ...rule, time: '25:00' }, 'time');
  await invalid({ ...rule, timeZone: 'Mars/Base' }, 'timeZone');
  await invalid({ ...rule, weekdays: [] }, 'weekdays');
  await invalid({ ...rule, durationMinutes: 1000 }, 'durationMinutes');
  await invalid({ ...rule, courseId: undefined }, 'courseId');
  problem(await s.admin.post(url, { ...rule, courseId: crypto.randomUUID() }), 404);
  problem(await s.admin.post(url, { ...rule, teacherId: s.students[2]!.id }), 404);
  const trainers = await s.admin.post('/api/groups', { name: 'Trainers', kind: 'trainers' });
  problem(await s.admin.post(rulesUrl(trainers.json().id), rule), 409);
  const { admin } = await t.organisation('Elsewhere');
  problem(await admin.get(url), 404);
  problem(await admin.post(url, rule), 404);
  assert.is(await t.countEvents(), events);
});

test('a class the rules cannot schedule says why: the teacher busy, with that session’s times; an empty group', async ({
  t,
  s,
}) => {
  const { admin } = s;
  // Three days from whatever the clock says by now, 09:00 UTC: the teacher already teaches then for 30 minutes.
  const day = new Date(t.clock.now().getTime() + 3 * 86_400_000);
  const date = day.toISOString().slice(0, 10);
  const weekday = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'][day.getUTCDay()]!;
  const busy = await s.teacher.post('/api/live-sessions', {
    kind: 'individual',
    courseId: s.courseId,
    enrollmentId: s.enrollmentIds[2],
    start: `${date}T09:00:00Z`,
    durationMinutes: 30,
    timeZone: 'UTC',
  });
  status(busy, 201);
  const rule = {
    courseId: s.courseId,
    teacherId: s.teacher.id,
    weekdays: [weekday],
    time: '09:00',
    timeZone: 'UTC',
  };
  const group = await admin.post('/api/groups', { name: 'Morning group', memberIds: [s.students[2]!.id] });
  const res = await admin.post(rulesUrl(group.json().id), rule);
  status(res, 201);
  const skip = {
    ruleId: res.json().rule.id,
    start: `${date}T09:00:00.000Z`,
    reason: 'teacher_double_booked',
    conflictingLiveSessionId: busy.json().id,
    code: 'teacher_busy',
    conflictStart: `${date}T09:00:00.000Z`,
    conflictEnd: `${date}T09:30:00.000Z`,
  };
  assert.equal(res.json().skipped, [skip]);
  const recorded = (await rulesOf(admin, group.json().id))[0]!.occurrences.find(
    (o) => o.start === skip.start,
  )!;
  assert.equal(
    [recorded.outcome, recorded.reason, recorded.reasonCode, recorded.conflictStart, recorded.conflictEnd],
    ['skipped', skip.reason, 'teacher_busy', skip.conflictStart, skip.conflictEnd],
  );

  const empty = await admin.post('/api/groups', { name: 'Nobody yet', memberIds: [] });
  const none = await admin.post(rulesUrl(empty.json().id), { ...rule, time: '12:00' });
  status(none, 201);
  assert.is(none.json().scheduled.length, 0);
  assert.is(none.json().skipped.length, 8);
  for (const skipped of none.json().skipped)
    assert.equal(
      [skipped.reason, skipped.code, skipped.conflictStart],
      ['no_participants', 'no_students', null],
    );
  const occurrences = (await rulesOf(admin, empty.json().id))[0]!.occurrences;
  assert.ok(occurrences.every((o) => o.outcome === 'skipped' && o.reasonCode === 'no_students'));
});

test.run();
