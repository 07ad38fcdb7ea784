// The personal ICS feed: a secret URL per person carrying their live sessions and training events, rotated on
// demand; unknown tokens and erased people get 404.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { status } from '../support/assert.js';
import { calendarOf } from './support/ics.js';

const test = suite<{ t: TestApp; s: School; sessionId: string }>('personal calendar feed');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t);
  const res = await ctx.s.teacher.post('/api/live-sessions', {
    kind: 'individual',
    courseId: ctx.s.courseId,
    enrollmentId: ctx.s.enrollmentIds[0],
    start: '2026-11-25T17:00:00Z',
    timeZone: 'America/Chicago',
  });
  status(res, 201);
  ctx.sessionId = res.json().id;
  await ctx.t.settle();
});
test.after(async ({ t }) => t.close());

const pathOf = (url: string) => new URL(url).pathname;

test('a student subscribes to their feed and sees their session in its time zone', async ({
  t,
  s,
  sessionId,
}) => {
  const res = await s.students[0]!.get('/api/calendar/feed');
  status(res, 200);
  const { url } = res.json();
  assert.match(url, /^http:\/\/localhost:3000\/api\/calendar\/feed\/[\w-]{32}\.ics$/);
  assert.is(
    (await s.students[0]!.get('/api/calendar/feed')).json().url,
    url,
    'the same URL when asked again',
  );

  const feed = await t.app.inject({ method: 'GET', url: pathOf(url) });
  status(feed, 200);
  assert.match(String(feed.headers['content-type']), /^text\/calendar/);
  const ics = calendarOf(feed.body);
  assert.is(ics.method, 'PUBLISH');
  assert.is(ics.events.length, 1);
  assert.is(ics.events[0]!.uid, `live-session-${sessionId}@lectern`);
  assert.equal(ics.events[0]!.start, { tzid: 'America/Chicago', local: '20261125T110000' });
  assert.is(ics.events[0]!.summary, 'English B1', 'named after the course when it has no title');
});

test('the teacher’s feed has it too; another student’s does not', async ({ t, s, sessionId }) => {
  const teacher = calendarOf(
    (
      await t.app.inject({
        method: 'GET',
        url: pathOf((await s.teacher.get('/api/calendar/feed')).json().url),
      })
    ).body,
  );
  assert.ok(teacher.events.some((e) => e.uid.includes(sessionId)));
  const other = calendarOf(
    (
      await t.app.inject({
        method: 'GET',
        url: pathOf((await s.students[1]!.get('/api/calendar/feed')).json().url),
      })
    ).body,
  );
  assert.not.ok(other.events.some((e) => e.uid.includes(sessionId)));
});

test('a canceled session stays in the feed as CANCELLED with a higher SEQUENCE', async ({
  t,
  s,
  sessionId,
}) => {
  status(await s.teacher.post(`/api/live-sessions/${sessionId}/cancel`, { reason: 'Holiday' }), 200);
  await t.settle();
  const url = pathOf((await s.students[0]!.get('/api/calendar/feed')).json().url);
  const event = calendarOf((await t.app.inject({ method: 'GET', url })).body).events[0]!;
  assert.is(event.status, 'CANCELLED');
  assert.ok(event.sequence > 0);
});

test('rotating retires the old URL; unknown tokens and erased people get 404', async ({ t, s }) => {
  const student = s.students[2]!;
  const old = pathOf((await student.get('/api/calendar/feed')).json().url);
  status(await t.app.inject({ method: 'GET', url: old }), 200);
  const rotated = await student.post('/api/calendar/feed/rotate');
  status(rotated, 200);
  const fresh = pathOf(rotated.json().url);
  assert.is.not(fresh, old);
  status(await t.app.inject({ method: 'GET', url: old }), 404);
  status(await t.app.inject({ method: 'GET', url: fresh }), 200);
  status(await t.app.inject({ method: 'GET', url: '/api/calendar/feed/not-a-real-token-at-all.ics' }), 404);
  status(await t.app.inject({ method: 'GET', url: '/api/calendar/feed/x.ics' }), 400);
  await t.deps.db.updateTable('people').set({ erased_at: new Date() }).where('id', '=', student.id).execute();
  status(await t.app.inject({ method: 'GET', url: fresh }), 404);
  status(await t.app.inject({ method: 'GET', url: '/api/calendar/feed' }), 401);
});

test('admins set the training reminder lead and switch mails off; others may not', async ({ s }) => {
  const initial = await s.admin.get('/api/mail/settings');
  status(initial, 200);
  assert.equal(initial.json(), { trainingReminderMinutes: 1440, mailsOff: [] });
  const put = await s.admin.request('PUT', '/api/mail/settings', {
    trainingReminderMinutes: 90,
    mailsOff: ['training-waitlisted'],
  });
  status(put, 200);
  assert.equal(put.json(), { trainingReminderMinutes: 90, mailsOff: ['training-waitlisted'] });
  status(
    await s.teacher.request('PUT', '/api/mail/settings', { trainingReminderMinutes: 5, mailsOff: [] }),
    403,
  );
  status(await s.teacher.get('/api/mail/settings'), 403);
  status(
    await s.admin.request('PUT', '/api/mail/settings', { trainingReminderMinutes: -1, mailsOff: [] }),
    400,
  );
  status(
    await s.admin.request('PUT', '/api/mail/settings', { trainingReminderMinutes: 60, mailsOff: ['spam'] }),
    400,
  );
});

test.run();
