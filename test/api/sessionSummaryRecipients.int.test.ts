// "Teacher Lesson Summary Recipients": an organisation setting (admins; validated e-mail addresses). When set,
// the teacher summary of a session is mailed to each address through the outbox; unset, it is not mailed.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { status } from '../support/assert.js';
import { endedSession, summaryGroup } from './sessionSummaryFixture.js';
import { smtpInbox, type Inbox } from '../mail/support/smtp.js';
import { deliverUntil } from '../mail/support/deliver.js';

type Ctx = { t: TestApp; s: School; inbox: Inbox; groupId: string };
const test = suite<Ctx>('teacher lesson summary recipients');

test.before(async (ctx) => {
  ctx.inbox = await smtpInbox();
  ctx.t = (await testApp({ env: { SMTP_URL: ctx.inbox.url } }))!;
  ctx.s = await school(ctx.t, { students: 2 });
  const { s } = ctx;
  ctx.groupId = await summaryGroup(ctx.t, s, 'C1 weekends');
  status(await s.admin.post(`/api/wallets/${s.orgId}/credits`, { tokens: 100, reason: 'Summaries' }), 201);
});
test.after(async ({ t, inbox }) => {
  await t.close();
  await inbox.close();
});

/** The teacher summary, once the session summary process made it. */
async function summaryOf(s: School, id: string) {
  for (let i = 0; i < 100; i++) {
    const res = await s.admin.get(`/api/live-sessions/${id}/summary`);
    if (res.statusCode !== 404) return res;
    await new Promise((r) => setTimeout(r, 50));
  }
  return s.admin.get(`/api/live-sessions/${id}/summary`);
}

const teacherMails = (t: TestApp) =>
  t.deps.db.selectFrom('mail_outbox').select('id').where('template', '=', 'teacher-lesson-summary').execute();

test('admins set the recipients (validated); teachers do not see them', async ({ s }) => {
  const bad = await s.admin.request('PUT', '/api/summary-settings', {
    teacherLessonSummaryRecipients: ['head@school.test', 'nobody'],
  });
  status(bad, 400);
  assert.match(bad.body, 'teacherLessonSummaryRecipients');
  const set = await s.admin.request('PUT', '/api/summary-settings', {
    teacherLessonSummaryRecipients: ['Head@School.test', 'office@school.test', 'head@school.test'],
  });
  status(set, 200);
  assert.equal(set.json().teacherLessonSummaryRecipients, ['head@school.test', 'office@school.test']);
  assert.is((await s.teacher.get('/api/summary-settings')).json().teacherLessonSummaryRecipients, null);
  status(
    await s.teacher.request('PUT', '/api/summary-settings', { teacherLessonSummaryRecipients: [] }),
    403,
  );
});

test('the teacher summary is mailed to each recipient; with none set, to nobody', async (ctx) => {
  const { t, s, inbox } = ctx;
  const id = await endedSession(ctx, '2026-11-24T10:00:00Z', { studentGroupId: ctx.groupId });
  await deliverUntil(
    t,
    () => inbox.to('head@school.test').length === 1 && inbox.to('office@school.test').length === 1,
  );
  const [mail] = inbox.to('head@school.test');
  assert.is(mail!.subject?.includes('Teacher lesson summary'), true, mail!.subject);
  const summary = (await summaryOf(s, id)).json().summary;
  assert.ok(mail!.text?.includes(summary.text), 'the mail carries the teacher summary');
  assert.is((await teacherMails(t)).length, 1);
  status(await s.admin.request('PUT', '/api/summary-settings', { teacherLessonSummaryRecipients: [] }), 200);
  const next = await endedSession(ctx, '2026-11-25T10:00:00Z', { studentGroupId: ctx.groupId });
  status(await summaryOf(s, next), 200);
  await t.settle();
  assert.is((await teacherMails(t)).length, 1, 'no teacher summary mail without recipients');
});

test.run();
