// The enrollment's no-show policy through the HTTP API: free by default, changed by an admin.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { status } from '../support/assert.js';

const test = suite<{ t: TestApp; s: School }>('the no-show policy of an enrollment');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 1 });
});
test.after(async ({ t }) => t.close());

test('absent students are free by default; an admin switches to charge', async ({ t, s }) => {
  const url = `/api/enrollments/${s.enrollmentIds[0]}`;
  const before = await s.admin.get(url);
  status(before, 200);
  assert.is(before.json().noShowPolicy, 'free');
  const events = await t.countEvents();
  const patched = await s.admin.request('PATCH', url, { noShowPolicy: 'charge' });
  status(patched, 200);
  assert.is(patched.json().noShowPolicy, 'charge');
  assert.is(patched.json().lessonCostTokens, 4, 'terms stay as they were');
  assert.is(await t.countEvents(), events + 1);
  assert.is((await s.teacher.get(url)).json().noShowPolicy, 'charge');
});

test('a teacher may not change it, and a bad value is 400 with no event', async ({ t, s }) => {
  const url = `/api/enrollments/${s.enrollmentIds[0]}`;
  const events = await t.countEvents();
  status(await s.teacher.request('PATCH', url, { noShowPolicy: 'free' }), 403);
  status(await s.admin.request('PATCH', url, { noShowPolicy: 'sometimes' }), 400);
  assert.is(await t.countEvents(), events);
});

test.run();
