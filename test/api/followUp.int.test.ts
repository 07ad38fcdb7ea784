// The follow-up message after a lesson: the teacher sends it once the session has ended; each student reads
// their own part (their homework of the lesson and their next session, found when it was sent) and gets it by
// mail; sending again replaces it; bad input and early sends leave nothing in the log; erasing its author
// erases what they wrote, in the read model, the mails and a rebuild alike.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { problem, status } from '../support/assert.js';
import { render, type Params } from '../../mail/templates.js';
import { ERASED_TEXT } from '../../commands/eventStore/personalData/fields.js';
import { projections } from '../../projections/index.js';
import { rebuildProjection } from '../../projections/rebuild.js';

type Ctx = { t: TestApp; s: School; sessionId: string; nextId: string; homeworkId: string };
const test = suite<Ctx>('the follow-up message after a lesson');

const START = '2026-12-03T10:00:00.000Z';
const MESSAGE = {
  keyPoints: 'Questions in the present simple; the difference between do and does.',
  resources: ['https://example.org/present-simple', 'Workbook page 12'],
  preparation: 'Write five questions about your weekend.',
};

test.before(async (ctx) => {
  try {
    await setUp(ctx);
  } catch (error) {
    console.error('setting up failed:', error);
    throw error;
  }
});

async function setUp(ctx: Ctx) {
  ctx.t = (await testApp())!;
  const { t } = ctx;
  const s = (ctx.s = await school(t, { students: 2 }));
  const [sofia, lukas] = s.students as [School['students'][0], School['students'][0]];
  const made = await s.teacher.post('/api/live-sessions', {
    kind: 'group',
    courseId: s.courseId,
    courseLessonId: s.lessonIds[1],
    studentIds: [sofia.id, lukas.id],
    start: START,
    durationMinutes: 45,
    timeZone: 'UTC',
  });
  status(made, 201);
  ctx.sessionId = made.json().id;
  // Sofia's next lesson, the week after; Lukas has none.
  const next = await s.teacher.post('/api/live-sessions', {
    kind: 'individual',
    courseId: s.courseId,
    enrollmentId: s.enrollmentIds[0],
    courseLessonId: s.lessonIds[2],
    studentIds: [sofia.id],
    start: '2026-12-10T10:00:00.000Z',
    durationMinutes: 45,
    timeZone: 'Europe/Berlin',
  });
  status(next, 201);
  ctx.nextId = next.json().id;
  // Sofia's homework of this lesson.
  const hw = await s.teacher.post(`/api/enrollments/${s.enrollmentIds[0]}/homework`, {
    courseLessonId: s.lessonIds[1],
  });
  status(hw, 201);
  ctx.homeworkId = hw.json().id;
  t.clock.set('2026-12-03T09:55:00.000Z');
  status(await s.teacher.post(`/api/live-sessions/${ctx.sessionId}/start`), 200);
}
test.after(async ({ t }) => t.close());

const url = (ctx: Ctx) => `/api/live-sessions/${ctx.sessionId}/follow-up`;

test('not before the session has ended, not by students, and bad input names the field; none of it is recorded', async (ctx) => {
  const { t, s } = ctx;
  const events = await t.countEvents();
  assert.match(problem(await s.teacher.post(url(ctx), MESSAGE), 409).detail, /ended/);
  status(await s.teacher.post(`/api/live-sessions/${ctx.sessionId}/end`), 200);
  await t.settle();
  const afterEnd = await t.countEvents();
  assert.ok(afterEnd > events);
  assert.match(
    problem(await s.teacher.post(url(ctx), { ...MESSAGE, keyPoints: '' }), 400).detail,
    /keyPoints/,
  );
  const many = { ...MESSAGE, resources: Array.from({ length: 21 }, (_, i) => `r${i}`) };
  assert.match(problem(await s.teacher.post(url(ctx), many), 400).detail, /resources/);
  status(await s.students[0]!.post(url(ctx), MESSAGE), 403);
  status(await s.otherTeacher.post(url(ctx), MESSAGE), 404);
  status(await s.teacher.get(url(ctx)), 404);
  assert.is(await t.countEvents(), afterEnd, 'nothing refused reached the log');
});

test('sent: each student reads their own homework and next session, and gets it by mail', async (ctx) => {
  const { t, s } = ctx;
  const [sofia, lukas] = s.students as [School['students'][0], School['students'][0]];
  const sent = await s.teacher.post(url(ctx), MESSAGE);
  status(sent, 201);
  const body = sent.json();
  assert.is(body.revision, 0);
  assert.equal(body.resources, MESSAGE.resources);
  const part = (who: string) => body.students.find((x: { studentId: string }) => x.studentId === who);
  assert.equal(part(sofia.id).homework, [
    { homeworkId: ctx.homeworkId, enrollmentId: s.enrollmentIds[0], title: 'Present tense', status: 'added' },
  ]);
  assert.equal(part(sofia.id).nextSession, {
    liveSessionId: ctx.nextId,
    start: '2026-12-10T10:00:00.000Z',
    timeZone: 'Europe/Berlin',
    title: null,
  });
  assert.equal([part(lukas.id).homework, part(lukas.id).nextSession], [[], null]);

  const own = (await sofia.get(url(ctx))).json();
  assert.equal(
    own.students.map((x: { studentId: string }) => x.studentId),
    [sofia.id],
    'a student reads their own part',
  );
  assert.is(own.keyPoints, MESSAGE.keyPoints);
  assert.is((await s.admin.get(url(ctx))).json().students.length, 2);
  status(await s.otherTeacher.get(url(ctx)), 404);
  const outsider = await t.person(s.orgId, 'student');
  status(await outsider.get(url(ctx)), 404);
  status(await s.admin.request('GET', url(ctx), undefined, { cookie: '' }), 401);

  const mails = await t.deps.db
    .selectFrom('mail_outbox')
    .select(['recipient_id', 'params'])
    .where('template', '=', 'lesson-follow-up')
    .where('org_id', '=', s.orgId)
    .execute();
  assert.equal(mails.map((m) => m.recipient_id).sort(), [sofia.id, lukas.id].sort());
  const mail = render('lesson-follow-up', mails.find((m) => m.recipient_id === sofia.id)!.params as Params, {
    recipient: { name: 'Sofia', email: 'sofia@example.test', timeZone: 'Europe/London' },
    from: { name: 'School', email: 'school@example.test' },
    publicUrl: 'https://school.example.test',
    now: new Date('2026-12-03T11:00:00.000Z'),
    courseNames: new Map(),
    hostNames: new Map(),
  });
  assert.is(mail.subject, 'Follow-up after your lesson');
  for (const line of [
    MESSAGE.keyPoints,
    '- Workbook page 12',
    `- Present tense: https://school.example.test/platform/enrollments/${s.enrollmentIds[0]}/homework/${ctx.homeworkId}`,
    'Thu, 10 Dec 2026, 10:00 Europe/London',
    MESSAGE.preparation,
  ])
    assert.ok(mail.text.includes(line), `the mail says ${line}:\n${mail.text}`);
});

test('sent again after a correction: a new revision replaces it and is mailed again', async (ctx) => {
  const { t, s } = ctx;
  const again = await s.teacher.post(url(ctx), { ...MESSAGE, keyPoints: 'Corrected: do and does.' });
  status(again, 201);
  assert.is(again.json().revision, 1);
  const read = (await s.students[1]!.get(url(ctx))).json();
  assert.equal([read.revision, read.keyPoints], [1, 'Corrected: do and does.']);
  const mails = await t.deps.db
    .selectFrom('mail_outbox')
    .select('id')
    .where('template', '=', 'lesson-follow-up')
    .where('org_id', '=', s.orgId)
    .execute();
  assert.is(mails.length, 4);
});

test('erasing its author erases what they wrote: read model, mails and a rebuild', async (ctx) => {
  const { t, s } = ctx;
  status(await s.admin.post(`/api/people/${s.teacher.id}/erase`), 200);
  await t.settle();
  const read = (await s.admin.get(url(ctx))).json();
  assert.equal([read.keyPoints, read.preparation, read.resources], [ERASED_TEXT, ERASED_TEXT, []]);
  assert.ok(
    read.students.some((x: { homework: unknown[] }) => x.homework.length === 1),
    'the homework stays',
  );
  const mails = await t.deps.db
    .selectFrom('mail_outbox')
    .select('params')
    .where('template', '=', 'lesson-follow-up')
    .where('org_id', '=', s.orgId)
    .execute();
  const text = JSON.stringify(mails);
  for (const gone of ['do and does', 'Workbook page 12', 'five questions'])
    assert.not.ok(text.includes(gone), `"${gone}" erased from the mails`);
  for (const name of ['followUps', 'outbox']) {
    const projection = projections.find((p) => p.name === name)!;
    const rebuilt = await rebuildProjection(t.deps.db, t.deps.eventStore, projection);
    assert.is(rebuilt.rebuiltChecksum, rebuilt.liveChecksum, `a rebuild of ${name} shows the same`);
  }
});

test.run();
