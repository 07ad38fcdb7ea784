// Problems a client words in the person's language: a 400's fields carry zod's issue code and its parameters
// beside the English message, a 404 names the missing resource and a 403 the reason, and none of them appends.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { problem } from '../support/assert.js';

const test = suite<{ t: TestApp; s: School }>('problem codes');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t);
});
test.after(async ({ t }) => t.close());

type Field = { path: string; message: string; code?: string; [param: string]: unknown };
const fieldAt = (fields: Field[], path: string) => {
  const field = fields.find((f) => f.path === path);
  assert.ok(field, `a field problem at ${path} among ${fields.map((f) => f.path).join(', ')}`);
  return field!;
};

/** The field problems of a response that must be a 400 validation problem. */
const invalidFields = (res: Parameters<typeof problem>[0]) =>
  (problem(res, 400, 'validation') as unknown as { fields: Field[] }).fields;

test('a bad body is a 400 whose fields carry their codes and parameters, and appends nothing', async ({
  t,
  s,
}) => {
  const count = await t.countEvents();
  const res = await s.teacher.post('/api/live-sessions', {
    kind: 'lesson',
    courseId: s.courseId,
    enrollmentId: s.enrollmentIds[0],
    start: '2031-03-10T09:00:00Z',
    durationMinutes: 9999,
    title: 'x'.repeat(201),
  });
  const p = problem(res, 400, 'validation') as unknown as { detail: string; fields: Field[] };
  const title = fieldAt(p.fields, 'body.title');
  assert.equal(
    { code: title.code, origin: title.origin, maximum: title.maximum },
    { code: 'too_big', origin: 'string', maximum: 200 },
  );
  assert.ok(title.message, 'the English message stays');
  const kind = fieldAt(p.fields, 'body.kind');
  assert.is(kind.code, 'invalid_value');
  assert.equal(kind.values, ['individual', 'group']);
  const duration = fieldAt(p.fields, 'body.durationMinutes');
  assert.is(duration.code, 'too_big');
  assert.is(duration.origin, 'number');
  assert.type(duration.maximum, 'number');
  const timeZone = fieldAt(p.fields, 'body.timeZone');
  assert.equal(
    { code: timeZone.code, received: timeZone.received },
    { code: 'invalid_type', received: 'undefined' },
  );
  assert.match(p.detail, /body\.title/, 'the English detail names the fields');
  // Our own check's field problem has a code too.
  const range = invalidFields(
    await s.teacher.get('/api/schedule?from=2031-03-10T00:00:00Z&to=2031-03-09T00:00:00Z'),
  );
  assert.is(fieldAt(range, 'querystring.to').code, 'range_reversed');
  // A refinement's rule is the field's code: a group session with nobody in it.
  const session = (body: object) =>
    s.teacher.post('/api/live-sessions', { start: '2031-03-10T09:00:00Z', ...body }).then(invalidFields);
  const empty = await session({ kind: 'group', courseId: s.courseId, timeZone: 'Europe/Berlin' });
  assert.is(fieldAt(empty, 'body.studentIds').code, 'group_needs_students');
  const zone = await session({
    kind: 'individual',
    enrollmentId: s.enrollmentIds[0],
    timeZone: 'Mars/Olympus',
  });
  assert.is(fieldAt(zone, 'body.timeZone').code, 'time_zone');
  assert.is(await t.countEvents(), count, 'nothing appended');
});

test('a missing live session is a 404 naming its resource, with the English detail kept', async ({ s }) => {
  const p = problem(await s.teacher.get(`/api/live-sessions/${randomUUID()}`), 404, 'not_found');
  assert.equal(
    { detail: p.detail, resource: (p as unknown as { resource: string }).resource },
    { detail: 'live session not found', resource: 'live_session' },
  );
});

test('a refusal is a 403 giving its reason, and appends nothing', async ({ t, s }) => {
  const count = await t.countEvents();
  const p = problem(
    await s.students[0]!.post('/api/live-sessions', {
      kind: 'individual',
      courseId: s.courseId,
      enrollmentId: s.enrollmentIds[0],
      start: '2031-03-10T09:00:00Z',
      timeZone: 'UTC',
    }),
    403,
    'forbidden',
  ) as unknown as { detail: string; reason: string; roles: string[] };
  assert.equal(
    { detail: p.detail, reason: p.reason, roles: p.roles },
    { detail: 'this needs the role admin or teacher', reason: 'role_required', roles: ['admin', 'teacher'] },
  );
  assert.is(await t.countEvents(), count);
});

test.run();
