// Read-your-writes with positions: a client that brings the position of its last write to its reads is answered
// at once when it writes, and still sees its writes when it reads; a client that brings nothing keeps the
// default, where the write itself waits until the read models include it.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type Session, type TestApp } from '../support/app.js';
import { status } from '../support/assert.js';

type Ctx = { t: TestApp; admin: Session; teacher: Session };
const test = suite<Ctx>('read-your-writes with positions');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  const { orgId, admin } = await ctx.t.organisation();
  ctx.admin = admin;
  ctx.teacher = await ctx.t.person(orgId, 'teacher');
});
test.after(async (ctx) => ctx.t.close());

const names = async (admin: Session, headers: Record<string, string> = {}) => {
  const res = await admin.request('GET', '/api/courses', undefined, headers);
  status(res, 200);
  return (JSON.parse(res.body) as { courses: { name: string }[] }).courses.map((c) => c.name);
};

test('a client carrying positions is answered without the wait, and its reads see its write', async ({
  t,
  admin,
  teacher,
}) => {
  // The projectors are stopped: nothing moves the read models unless a request waits for them.
  await t.deps.projections.stop();
  const token = { 'lectern-consistency': 'token' };
  const res = await admin.post('/api/courses', { name: 'Phonetics', lessons: [] }, token);
  status(res, 201);
  assert.is(JSON.parse(res.body).name, 'Phonetics', 'answered with the course it created');
  const position = String(res.headers['lectern-position']);
  assert.match(position, /^\d+:\d+$/);
  assert.not.ok((await names(teacher)).includes('Phonetics'), 'the write did not wait for the read models');
  assert.ok(
    (await names(teacher, { 'lectern-after': position })).includes('Phonetics'),
    'a read bringing the position sees the write',
  );

  // The writer's own reads on this node see their write even without the header (another tab, a download).
  status(await admin.post('/api/courses', { name: 'Idioms', lessons: [] }, token), 201);
  assert.not.ok((await names(teacher)).includes('Idioms'));
  assert.ok((await names(admin)).includes('Idioms'), "the writer's next read waited for it");
});

test('a client carrying nothing: the write waits, so the next read sees it', async ({ t, admin }) => {
  await t.deps.projections.stop();
  const res = await admin.post('/api/courses', { name: 'Grammar', lessons: [] });
  status(res, 201);
  assert.ok(res.headers['lectern-position'], 'the position is given anyway');
  assert.ok((await names(admin)).includes('Grammar'));
});

test('a position that is not one is refused by name; an anonymous caller hears 401 first', async ({
  t,
  admin,
}) => {
  const bad = await admin.request('GET', '/api/courses', undefined, { 'lectern-after': 'yesterday' });
  status(bad, 400);
  assert.match(JSON.parse(bad.body).detail, /lectern-after/);
  const anonymous = await t.app.inject({
    method: 'GET',
    url: '/api/courses',
    headers: { 'lectern-after': 'yesterday' },
  });
  status(anonymous, 401);
});

test.run();
