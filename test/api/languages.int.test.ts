// Languages: the language a course teaches (set when it is made or later, by admins) is the language its lesson
// analyses are written in; each person's own language is the one their post-session summary and its mail are
// written in. Bad values are refused with 400 and leave nothing in the log.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { problem, status } from '../support/assert.js';
import { passedLesson, waitForStatus } from './lessonAnalysisFixture.js';
import { endedSession, summaryGroup } from './sessionSummaryFixture.js';
import { render, type Params } from '../../mail/templates.js';

type Ctx = { t: TestApp; s: School };
/** A 400 problem whose detail names what is wrong. */
const refused = (res: Parameters<typeof problem>[0], names: RegExp) =>
  assert.match(problem(res, 400).detail, names);
const test = suite<Ctx>('languages of courses and people');

test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await school(ctx.t, { students: 2 });
});
test.after(async ({ t }) => t.close());

test('an admin sets the language a course teaches when making it and later; others cannot; bad values leave no trace', async ({
  t,
  s,
}) => {
  const made = await s.admin.post('/api/courses', { name: 'Deutsch A2', language: 'de' });
  status(made, 201);
  const course = made.json();
  assert.is(course.language, 'de');
  assert.is((await s.admin.get(`/api/courses/${course.id}`)).json().language, 'de');
  const changed = await s.admin.request('PATCH', `/api/courses/${course.id}`, { language: 'fr' });
  status(changed, 200);
  assert.equal([changed.json().language, changed.json().name], ['fr', 'Deutsch A2']);
  const renamed = await s.admin.request('PATCH', `/api/courses/${course.id}`, { name: 'Français A2' });
  assert.equal([renamed.json().language, renamed.json().name], ['fr', 'Français A2']);
  assert.is(
    (await s.teacher.get('/api/courses')).json().courses.find((c: { id: string }) => c.id === course.id)
      .language,
    'fr',
  );

  const events = await t.countEvents();
  refused(await s.admin.request('PATCH', `/api/courses/${course.id}`, { language: 'xx' }), /language/);
  refused(await s.admin.request('PATCH', `/api/courses/${course.id}`, {}), /name or a language/);
  refused(await s.admin.post('/api/courses', { name: 'Klingon', language: 'tlh' }), /language/);
  status(await s.teacher.request('PATCH', `/api/courses/${course.id}`, { language: 'de' }), 403);
  assert.is(await t.countEvents(), events, 'nothing refused reached the log');
  assert.is((await s.admin.get(`/api/courses/${course.id}`)).json().language, 'fr');
});

test("a lesson analysis is written in the course's language, not the language of its content", async ({
  t,
  s,
}) => {
  status(await s.admin.post(`/api/wallets/${s.orgId}/credits`, { tokens: 500, reason: 'Budget' }), 201);
  const lesson = await passedLesson(t, s); // its documents are in English
  const url = `/api/enrollments/${s.enrollmentIds[0]}/lesson-analyses`;
  const analyse = async () => {
    const res = await s.teacher.post(url, { scope: 'single', courseLessonId: lesson.lessonId });
    status(res, 202);
    const done = await waitForStatus(s.teacher, res.json().id, ['ready', 'failed']);
    assert.is(done.status, 'ready', done.lastError);
    return done.report;
  };
  assert.is((await analyse()).language, 'en', 'no language set: the content decides');
  status(await s.admin.request('PATCH', `/api/courses/${s.courseId}`, { language: 'de' }), 200);
  const german = await analyse();
  assert.is(german.language, 'de');
  assert.match(german.performanceSummary.text, /Übung|Lektion|Punkte/);
  status(await s.admin.request('PATCH', `/api/courses/${s.courseId}`, { language: null }), 200);
});

test("each student's summary and its mail are in their own language", async ({ t, s }) => {
  const prefs = await s.students[0]!.request('PUT', '/api/people/me/preferences', { language: 'de' });
  status(prefs, 200);
  assert.equal(prefs.json(), { lessonSummary: true, language: 'de' }, 'what was left out stays');
  status(await s.students[1]!.request('PUT', '/api/people/me/preferences', { lessonSummary: true }), 200);
  assert.is((await s.students[1]!.get('/api/people/me/preferences')).json().language, 'en');
  const events = await t.countEvents();
  refused(await s.students[1]!.request('PUT', '/api/people/me/preferences', { language: 'tlh' }), /language/);
  refused(await s.students[1]!.request('PUT', '/api/people/me/preferences', {}), /lessonSummary or language/);
  assert.is(await t.countEvents(), events);

  const groupId = await summaryGroup(t, s, 'Languages group');
  const id = await endedSession({ t, s }, '2026-12-02T10:00:00.000Z', { studentGroupId: groupId });
  const summaryOf = async (who: (typeof s.students)[number]) => {
    const res = await who.get(`/api/live-sessions/${id}/summaries/${who.id}`);
    status(res, 200);
    return res.json().summary;
  };
  const german = await summaryOf(s.students[0]!);
  const english = await summaryOf(s.students[1]!);
  assert.is(german.language, 'de');
  assert.match(german.text, /Lektion/);
  assert.is(english.language, 'en');
  assert.match(english.text, /lesson/);

  const mails = await t.deps.db
    .selectFrom('mail_outbox')
    .select(['recipient_id', 'params'])
    .where('template', '=', 'lesson-summary')
    .where('org_id', '=', s.orgId)
    .execute();
  const rendered = (studentId: string) =>
    render('lesson-summary', mails.find((m) => m.recipient_id === studentId)!.params as Params, {
      recipient: { name: 'Sam', email: 'sam@example.test', timeZone: 'UTC' },
      from: { name: 'School', email: 'school@example.test' },
      publicUrl: 'https://school.example.test',
      now: new Date('2026-12-02T11:00:00.000Z'),
      courseNames: new Map(),
      hostNames: new Map(),
    });
  const de = rendered(s.students[0]!.id);
  assert.match(de.subject, /^Zusammenfassung der Lektion: /);
  assert.match(de.text, /^Hallo Sam,/);
  assert.ok(de.text.includes(german.text));
  const en = rendered(s.students[1]!.id);
  assert.match(en.subject, /^Lesson summary: /);
  assert.ok(en.text.includes(english.text));
});

test('the analyses of an enrollment are pushed to the browser as their status changes (Server-Sent Events), until the server shuts down', async ({
  t,
  s,
}) => {
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const url = `/api/enrollments/${s.enrollmentIds[0]}/lesson-analyses`;
  const anonymous = await fetch(`${address}${url}/events`);
  assert.is(anonymous.status, 401);
  await anonymous.body?.cancel();
  const forStudent = await fetch(`${address}${url}/events`, { headers: { cookie: s.students[0]!.cookie } });
  assert.is(forStudent.status, 403);
  await forStudent.body?.cancel();

  const stream = await fetch(`${address}${url}/events`, { headers: { cookie: s.teacher.cookie } });
  assert.is(stream.status, 200);
  assert.match(stream.headers.get('content-type') ?? '', /text\/event-stream/);
  const reader = stream.body!.getReader();
  const decoder = new TextDecoder();
  const messages: { id: string; status: string }[][] = [];
  let buffer = '';
  const next = async (until: (m: { id: string; status: string }[]) => boolean) => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const found = messages.find(until);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no such message; got ${JSON.stringify(messages)}`);
      const { value, done } = await reader.read();
      if (done) throw new Error('the stream ended');
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        if (block.startsWith('event: analyses') && data) messages.push(JSON.parse(data.slice(6)));
      }
    }
  };
  const first = await next(() => true);
  const lesson = await passedLesson(t, s);
  const res = await s.teacher.post(url, { scope: 'single', courseLessonId: lesson.lessonId });
  status(res, 202);
  const id = res.json().id as string;
  assert.not.ok(
    first.some((a) => a.id === id),
    'the first message is the state when the stream opened',
  );
  await next((m) => m.some((a) => a.id === id && a.status === 'ready'));
  // What the message announced is what a GET shows at once.
  assert.is((await s.teacher.get(`/api/lesson-analyses/${id}`)).json().status, 'ready');
  // A server shutting down ends its streams rather than waiting on them.
  let waiting: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    t.app.close(),
    new Promise((_, fail) => {
      waiting = setTimeout(() => fail(new Error('the shutdown waited on an open stream')), 15_000);
    }),
  ]);
  clearTimeout(waiting);
  for (;;) if ((await reader.read()).done) break;
});

test.run();
