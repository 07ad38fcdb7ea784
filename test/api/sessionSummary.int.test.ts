// Post-session summaries: with the "Post-Session Summary" switch on a student group (or on an enrollment), an
// ended group session gets a teacher summary (admins only; the session's teacher gets 403) and a summary per
// participant (the student's own; the teacher of the session reads them), and a summary mail goes through the
// outbox to each student whose "Lesson Summary" preference is on, not to one with it off.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { status } from '../support/assert.js';
import { endedSession } from './sessionSummaryFixture.js';

type Ctx = { t: TestApp; s: School; groupId: string };
const test = suite<Ctx>('post-session summaries');

const document = {
  schemaVersion: 1,
  blocks: [
    { type: 'trueFalse', id: 'tf', statement: 'Went is the past of go.', answer: true },
    {
      type: 'gapFill',
      id: 'gaps',
      sentences: [{ text: 'She {{}} home.', gaps: [{ accepted: ['went'] }] }],
    },
  ],
};

test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 3 });
  const { s } = ctx;
  status(
    await s.teacher.request('PUT', `/api/courses/${s.courseId}/lessons/${s.lessonIds[1]}/content`, document),
    200,
  );
  ctx.groupId = await ctx.t.group(
    s.orgId,
    'B1 evening',
    s.students.map((p) => p.id),
  );
  // Summaries are paid from the organisation's wallet.
  status(await s.admin.post(`/api/wallets/${s.orgId}/credits`, { tokens: 100, reason: 'Summaries' }), 201);
});
test.after(async ({ t }) => t.close());

const waitFor = async <R extends { statusCode: number }>(get: () => Promise<R>) => {
  for (let i = 0; i < 100; i++) {
    const res = await get();
    if (res.statusCode !== 404) return res;
    await new Promise((r) => setTimeout(r, 50));
  }
  return get();
};

test('switches: an enrollment by its teacher or an admin, a group by admins; preferences are one’s own', async ({
  s,
  groupId,
}) => {
  const groupUrl = `/api/groups/${groupId}/post-session-summary`;
  status(await s.teacher.request('PUT', groupUrl, { enabled: true }), 403);
  const on = await s.admin.request('PUT', groupUrl, { enabled: true });
  status(on, 200);
  assert.is(on.json().enabled, true);
  assert.is((await s.admin.get(groupUrl)).json().enabled, true);
  const enrollmentUrl = `/api/enrollments/${s.enrollmentIds[0]}/post-session-summary`;
  assert.is((await s.teacher.get(enrollmentUrl)).json().enabled, false);
  status(await s.otherTeacher.request('PUT', enrollmentUrl, { enabled: true }), 404);
  status(await s.students[0]!.request('PUT', enrollmentUrl, { enabled: true }), 403);
  assert.is((await s.students[1]!.get('/api/people/me/preferences')).json().lessonSummary, true);
  const off = await s.students[1]!.request('PUT', '/api/people/me/preferences', { lessonSummary: false });
  status(off, 200);
  assert.is(off.json().lessonSummary, false);
});

test('a group session with the switch on: teacher summary for admins, a summary per participant, mail by preference', async (ctx) => {
  const { t, s, groupId } = ctx;
  const id = await endedSession(ctx, '2026-11-24T10:00:00Z', { studentGroupId: groupId }, async (session) => {
    const answer = (i: number, exerciseId: string, a: unknown) =>
      s.students[i]!.post(`/api/live-sessions/${session}/answers`, { exerciseId, answer: a });
    status(await answer(0, 'tf', { type: 'trueFalse', value: true }), 201);
    status(await answer(0, 'gaps', { type: 'gapFill', gaps: ['goed'] }), 201);
    status(await answer(1, 'tf', { type: 'trueFalse', value: false }), 201);
  });
  const teacherSummary = await waitFor(() => s.admin.get(`/api/live-sessions/${id}/summary`));
  status(teacherSummary, 200);
  const summary = teacherSummary.json().summary;
  assert.equal([summary.participants, summary.answeredBy], [3, 2]);
  assert.equal(summary.hardest.map((h: { exerciseId: string }) => h.exerciseId).sort(), ['gaps', 'tf']);
  status(await s.teacher.get(`/api/live-sessions/${id}/summary`), 403);
  status(await s.students[0]!.get(`/api/live-sessions/${id}/summary`), 403);
  const own = await s.students[0]!.get(`/api/live-sessions/${id}/summaries/${s.students[0]!.id}`);
  status(own, 200);
  const mine = own.json().summary;
  assert.equal([mine.answered, mine.correct, mine.incorrect], [2, 1, 1]);
  assert.equal(
    mine.mistakes.map((m: { expected: string; given: string }) => [m.expected, m.given]),
    [['went', 'goed']],
  );
  status(await s.students[0]!.get(`/api/live-sessions/${id}/summaries/${s.students[1]!.id}`), 404);
  status(await s.teacher.get(`/api/live-sessions/${id}/summaries/${s.students[1]!.id}`), 200);
  status(await s.admin.get(`/api/live-sessions/${id}/summaries/${s.students[2]!.id}`), 200);
  status(await s.otherTeacher.get(`/api/live-sessions/${id}/summaries/${s.students[0]!.id}`), 404);
  // The Summary tab: admins read both sides, the teacher the students', a student only their own.
  const tab = (who: typeof s.admin) => who.get(`/api/live-sessions/${id}/summaries`);
  const forAdmin = (await tab(s.admin)).json();
  assert.is(forAdmin.teacher.participants, 3);
  assert.is(forAdmin.students.length, 3);
  const forTeacher = (await tab(s.teacher)).json();
  assert.equal([forTeacher.teacher, forTeacher.students.length], [null, 3]);
  const forStudent = (await tab(s.students[0]!)).json();
  assert.equal(
    [forStudent.teacher, forStudent.students.map((x: { studentId: string }) => x.studentId)],
    [null, [s.students[0]!.id]],
  );
  assert.equal(forStudent.students[0].summary, mine);
  status(await tab(s.otherTeacher), 404);
  const mails = await t.deps.db
    .selectFrom('mail_outbox')
    .select('recipient_id')
    .where('template', '=', 'lesson-summary')
    .where('org_id', '=', s.orgId)
    .execute();
  assert.equal(
    mails.map((m) => m.recipient_id).sort(),
    [s.students[0]!.id, s.students[2]!.id].sort(),
    'no mail to the student whose Lesson Summary preference is off',
  );
  assert.is(own.json().mailed, true);
  assert.is(
    (await s.admin.get(`/api/live-sessions/${id}/summaries/${s.students[1]!.id}`)).json().mailed,
    false,
  );
});

test('without a group switch, only the participants whose enrollment is switched on get a summary', async (ctx) => {
  const { s, groupId } = ctx;
  status(
    await s.admin.request('PUT', `/api/groups/${groupId}/post-session-summary`, { enabled: false }),
    200,
  );
  const enrollmentUrl = `/api/enrollments/${s.enrollmentIds[0]}/post-session-summary`;
  status(await s.teacher.request('PUT', enrollmentUrl, { enabled: true }), 200);
  const ids = s.students.slice(0, 2).map((p) => p.id);
  const id = await endedSession(ctx, '2026-11-25T10:00:00Z', { studentIds: ids }, async () => {});
  status(await waitFor(() => s.admin.get(`/api/live-sessions/${id}/summary`)), 200);
  const own = await s.students[0]!.get(`/api/live-sessions/${id}/summaries/${s.students[0]!.id}`);
  status(own, 200);
  assert.is(own.json().summary.answered, 0);
  status(await s.students[1]!.get(`/api/live-sessions/${id}/summaries/${s.students[1]!.id}`), 404);
  status(await s.teacher.request('PUT', enrollmentUrl, { enabled: false }), 200);
  const none = await endedSession(ctx, '2026-11-26T10:00:00Z', { studentIds: ids }, async () => {});
  await new Promise((r) => setTimeout(r, 300));
  status(await s.admin.get(`/api/live-sessions/${none}/summary`), 404);
});

test.run();
