// Who may bill whom: a teacher adds to sessions only their own students (enrolled with them, or in a group they
// teach) and sees only the groups they teach; admins reach everyone of the organisation.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { problem, status } from '../support/assert.js';

type Ctx = { t: TestApp; s: School };
const test = suite<Ctx>("a teacher's reach");
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 2 });
});
test.after(async ({ t }) => t.close());

let slot = 0;
const nextStart = () =>
  new Date(Date.parse('2026-12-10T08:00:00.000Z') + slot++ * 2 * 3600_000).toISOString();
const groupSession = (s: School, by: School['admin'], body: Record<string, unknown>) =>
  by.post('/api/live-sessions', {
    kind: 'group',
    courseId: s.courseId,
    teacherId: s.teacher.id,
    start: nextStart(),
    durationMinutes: 45,
    timeZone: 'UTC',
    ...body,
  });

test("a teacher cannot add another teacher's student; an admin can", async ({ t, s }) => {
  const theirs = await t.person(s.orgId, 'student', "Tom's student");
  status(
    await s.admin.post('/api/enrollments', {
      courseId: s.courseId,
      studentId: theirs.id,
      teacherId: s.otherTeacher.id,
      defaultLessonMinutes: 30,
      lessonCostTokens: 4,
    }),
    201,
  );
  const session = await groupSession(s, s.teacher, { studentIds: [s.students[0]!.id] });
  status(session, 201);
  const id = session.json().id as string;
  const body = problem(
    await s.teacher.post(`/api/live-sessions/${id}/participants`, { studentId: theirs.id }),
    403,
  ) as { studentIds?: string[] };
  assert.equal(body.studentIds, [theirs.id]);
  problem(await groupSession(s, s.teacher, { studentIds: [s.students[0]!.id, theirs.id] }), 403);
  status(await s.admin.post(`/api/live-sessions/${id}/participants`, { studentId: theirs.id }), 200);
});

test('a teacher sees the groups they teach and may add their members', async ({ t, s }) => {
  const member = await t.person(s.orgId, 'student', 'Club member');
  const club = await s.admin.post('/api/groups', { name: 'Club', memberIds: [s.students[1]!.id, member.id] });
  status(club, 201);
  const clubId = club.json().id as string;
  const seen = async () =>
    ((await s.teacher.get('/api/groups')).json().groups as { id: string }[]).map((g) => g.id);
  assert.not.ok((await seen()).includes(clubId), 'not taught yet');
  status(await s.teacher.get(`/api/groups/${clubId}`), 404);
  const own = await groupSession(s, s.teacher, { studentIds: [s.students[0]!.id] });
  status(own, 201);
  problem(
    await s.teacher.post(`/api/live-sessions/${own.json().id}/participants`, { studentId: member.id }),
    403,
  );
  status(await groupSession(s, s.admin, { studentGroupId: clubId }), 201);
  await t.settle();
  assert.ok((await seen()).includes(clubId), 'a session of theirs names the group');
  status(await s.teacher.get(`/api/groups/${clubId}`), 200);
  status(
    await s.teacher.post(`/api/live-sessions/${own.json().id}/participants`, { studentId: member.id }),
    200,
  );
});

test.run();
