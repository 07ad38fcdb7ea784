// People and groups through the HTTP API: invite, set a password, profiles, roles, deactivation, groups.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { problem, status } from '../support/assert.js';

const test = suite<{ t: TestApp; s: School }>('people and groups');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t);
});
test.after(async ({ t }) => t.close());

const tokenOf = (link: string) => link.split('#token=')[1]!;
const login = (t: TestApp, email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

test('an admin invites a teacher, who sets a password with the one-time link and signs in', async ({
  t,
  s,
}) => {
  const res = await s.admin.post('/api/people', {
    name: 'Nina New',
    email: 'nina@school.example',
    role: 'teacher',
    timeZone: 'Europe/Prague',
  });
  status(res, 201);
  const { person, invitation } = res.json();
  assert.is(person.role, 'teacher');
  assert.is(person.hasPassword, false);
  assert.match(invitation.link, /^http:\/\/localhost:3000\/set-password#token=/);
  assert.is(invitation.delivery, 'log-only', 'no SMTP_URL: the link is logged and handed to the admin');
  problem(await login(t, 'nina@school.example', 'whatever-it-is'), 401);

  const set = await t.app.inject({
    method: 'POST',
    url: '/api/auth/set-password',
    payload: { token: tokenOf(invitation.link), password: 'a long new password' },
  });
  status(set, 200);
  assert.is(set.json().id, person.id);
  assert.match(String(set.headers['set-cookie']), /lectern_session=.*HttpOnly/);
  status(await login(t, 'NINA@school.example', 'a long new password'), 200);

  const again = await t.app.inject({
    method: 'POST',
    url: '/api/auth/set-password',
    payload: { token: tokenOf(invitation.link), password: 'another password 2' },
  });
  const p = problem(again, 400, 'validation');
  assert.ok((p as unknown as { fields: { path: string }[] }).fields.some((f) => f.path === 'body.token'));
});

test('a second person with the same e-mail is a 409, whatever the case', async ({ s }) => {
  const res = await s.admin.post('/api/people', {
    name: 'Copy',
    email: s.teacher.email.toUpperCase(),
    role: 'student',
  });
  problem(res, 409, 'rule/email_taken');
});

test('who sees whom: admin everyone, teacher their students, student only themselves', async ({ t, s }) => {
  const stranger = await t.person(s.orgId, 'student', 'Not Enrolled');
  const ids = async (session: { get(u: string): Promise<{ json(): { people: { id: string }[] } }> }) =>
    (await session.get('/api/people')).json().people.map((p) => p.id);
  const all = await ids(s.admin);
  assert.ok(all.includes(stranger.id) && all.includes(s.teacher.id));
  const teachers = await ids(s.teacher);
  assert.ok(teachers.includes(s.students[0]!.id), 'an enrolled student');
  assert.not.ok(teachers.includes(stranger.id), 'not a student of theirs');
  assert.equal(await ids(s.students[0]!), [s.students[0]!.id]);
  status(await s.teacher.get(`/api/people/${stranger.id}`), 404);
  status(await s.students[0]!.get(`/api/people/${s.students[1]!.id}`), 404);
  status(await s.students[0]!.get(`/api/people/${s.students[0]!.id}`), 200);
});

test('a student changes their own name and time zone, not their role', async ({ s }) => {
  const me = s.students[0]!;
  const res = await me.request('PATCH', `/api/people/${me.id}`, { name: 'Stu Dent', timeZone: 'Asia/Tokyo' });
  status(res, 200);
  assert.is(res.json().name, 'Stu Dent');
  assert.is((await me.get('/api/me')).json().timeZone, 'Asia/Tokyo');
  problem(await me.request('PATCH', `/api/people/${me.id}`, { role: 'admin' }), 403);
  problem(await me.request('PATCH', `/api/people/${me.id}`, { timeZone: 'Mars/Base' }), 400, 'validation');
  status(await me.request('PATCH', `/api/people/${s.students[1]!.id}`, { name: 'x' }), 404);
});

test('an admin changes a role; deactivating signs the person out and stops sign-in', async ({ t, s }) => {
  const target = await t.person(s.orgId, 'student', 'Soon Teacher');
  const promoted = await s.admin.request('PATCH', `/api/people/${target.id}`, { role: 'teacher' });
  status(promoted, 200);
  assert.is((await target.get('/api/me')).json().role, 'teacher');
  status(await s.admin.post(`/api/people/${target.id}/deactivate`), 200);
  problem(await target.get('/api/me'), 401);
  problem(await login(t, target.email, 'correct horse battery staple'), 401);
  status(await s.admin.post(`/api/people/${target.id}/reactivate`), 200);
  status(await login(t, target.email, 'correct horse battery staple'), 200);
  problem(await s.admin.post(`/api/people/${s.admin.id}/deactivate`), 409, 'rule/own_account');
  problem(await s.admin.request('PATCH', `/api/people/${s.admin.id}`, { role: 'student' }), 409);
});

test('a password reset ends every session and the new link sets a new password', async ({ t, s }) => {
  const target = await t.person(s.orgId, 'teacher', 'Forgetful');
  const res = await s.admin.post(`/api/people/${target.id}/reset-password`);
  status(res, 200);
  problem(await target.get('/api/me'), 401);
  const set = await t.app.inject({
    method: 'POST',
    url: '/api/auth/set-password',
    payload: { token: tokenOf(res.json().invitation.link), password: 'remembered at last' },
  });
  status(set, 200);
  status(await login(t, target.email, 'remembered at last'), 200);
  problem(await login(t, target.email, 'correct horse battery staple'), 401);
});

test('groups: an admin builds a student group and a trainer group; members must fit the kind', async ({
  s,
}) => {
  const created = await s.admin.post('/api/groups', {
    name: 'Tuesday club',
    memberIds: [s.students[0]!.id, s.students[1]!.id],
  });
  status(created, 201);
  const group = created.json();
  assert.is(group.kind, 'students');
  assert.is(group.members.length, 2);
  problem(
    await s.admin.request('PUT', `/api/groups/${group.id}/members/${s.teacher.id}`),
    409,
    'rule/students_only',
  );
  status(await s.admin.request('PUT', `/api/groups/${group.id}/members/${s.students[2]!.id}`), 200);
  const removed = await s.admin.request('DELETE', `/api/groups/${group.id}/members/${s.students[0]!.id}`);
  assert.equal(
    removed
      .json()
      .members.map((m: { id: string }) => m.id)
      .sort(),
    [s.students[1]!.id, s.students[2]!.id].sort(),
  );
  status(await s.students[0]!.get(`/api/groups/${group.id}`), 404);
  status(await s.students[1]!.get(`/api/groups/${group.id}`), 200);
  // A teacher sees only the groups they teach (test/api/teachingReach.int.test.ts).
  status(await s.teacher.get(`/api/groups/${group.id}`), 404);
  problem(await s.teacher.post('/api/groups', { name: 'mine' }), 403);

  const trainers = await s.admin.post('/api/groups', {
    kind: 'trainers',
    name: 'Trainers',
    memberIds: [s.teacher.id, s.otherTeacher.id],
  });
  status(trainers, 201);
  const listed = (await s.admin.get('/api/groups?kind=trainers')).json().groups;
  assert.equal(
    listed.map((g: { id: string }) => g.id),
    [trainers.json().id],
  );
  status(await s.admin.request('PATCH', `/api/groups/${group.id}`, { name: 'Wednesday club' }), 200);
  status(await s.admin.request('DELETE', `/api/groups/${group.id}`), 204);
  status(await s.admin.get(`/api/groups/${group.id}`), 404);
});

test.run();
