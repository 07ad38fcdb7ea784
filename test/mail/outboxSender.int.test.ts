// The outbox sender: retries with backoff when the relay refuses, several nodes never send a row twice
// (FOR UPDATE SKIP LOCKED), and without SMTP_URL a mail is logged and counted as sent.
import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { status } from '../support/assert.js';
import { backoffMs, mailSender } from '../../mail/sender.js';
import { smtpInbox, type Inbox } from './support/smtp.js';
import { deliverUntil } from './support/deliver.js';

const test = suite<{ t: TestApp; s: School; inbox: Inbox }>('the outbox sender');
test.before(async (ctx) => {
  ctx.inbox = await smtpInbox();
  ctx.t = (await testApp({ env: { SMTP_URL: ctx.inbox.url } }))!;
  ctx.s = await school(ctx.t);
});
test.after(async ({ t, inbox }) => {
  await t.close();
  await inbox.close();
});

const deliveries = (t: TestApp, template?: string) => {
  let q = t.deps.db.selectFrom('mail_deliveries').selectAll();
  if (template) q = q.where('template', '=', template);
  return q.execute();
};

/** A mail waiting in the deliveries table, as the admission step or the reminder job would leave it. */
async function queueMail(
  t: TestApp,
  s: School,
  mail: { recipientId: string; template: string; params: object; lockedUntil?: Date },
) {
  const id = `test:${randomUUID()}`;
  const now = t.clock.now();
  await t.deps.db
    .insertInto('mail_deliveries')
    .values({
      id,
      org_id: s.orgId,
      recipient_id: mail.recipientId,
      template: mail.template,
      params: JSON.stringify(mail.params),
      status: mail.lockedUntil ? 'sending' : 'pending',
      attempts: mail.lockedUntil ? 1 : 0,
      locked_until: mail.lockedUntil ?? null,
      next_attempt_at: now,
      created_at: now,
    })
    .execute();
  return id;
}

/** Another node's sender on the same database. */
const node = (t: TestApp, smtpUrl?: string, log?: (line: string) => void, maxAttempts?: number) =>
  mailSender({
    db: t.deps.db,
    clock: t.clock,
    smtpUrl,
    publicUrl: 'http://localhost:3000',
    log,
    maxAttempts,
  });

test('backoff doubles from 30 seconds up to an hour', () => {
  assert.equal([1, 2, 3, 4].map(backoffMs), [30_000, 60_000, 120_000, 240_000]);
  assert.is(backoffMs(20), 3_600_000);
});

test('a refused mail is retried after its backoff and then delivered once', async ({ t, s, inbox }) => {
  inbox.failNext(1);
  const res = await s.teacher.post('/api/live-sessions', {
    kind: 'individual',
    courseId: s.courseId,
    enrollmentId: s.enrollmentIds[0],
    start: '2026-12-10T09:00:00Z',
    timeZone: 'Europe/Berlin',
  });
  status(res, 201);
  const student = s.students[0]!;
  await deliverUntil(t, () => inbox.refused() === 1);
  const [row] = await deliveries(t, 'live-session-scheduled');
  assert.is(row!.status, 'pending');
  assert.is(row!.attempts, 1);
  assert.match(row!.last_error ?? '', /try again later/);
  assert.is(new Date(row!.next_attempt_at).getTime() - t.clock.now().getTime(), 30_000);
  await t.runtime.mailer.runOnce();
  assert.is(inbox.to(student.email).length, 0, 'not before the backoff has passed');

  t.clock.advance(1);
  await deliverUntil(t, () => inbox.to(student.email).length === 1);
  const [sent] = await deliveries(t, 'live-session-scheduled');
  assert.is(sent!.status, 'sent');
  assert.is(sent!.attempts, 2);
  assert.is(inbox.to(student.email)[0]!.messageId, sent!.message_id, 'a stable Message-ID');
});

test('several nodes sending at once deliver every mail exactly once', async ({ t, s, inbox }) => {
  await t.runtime.mailer.stop(); // only the nodes below compete
  const before = inbox.messages.length;
  const now = t.clock.now();
  const rows = Array.from({ length: 60 }, (_, i) => ({
    id: `test:${randomUUID()}`,
    org_id: s.orgId,
    recipient_id: s.students[i % 3]!.id,
    template: 'training-waitlisted',
    params: JSON.stringify({ trainingName: `Training ${i}`, sectionName: 'A' }),
    status: 'pending' as const,
    attempts: 0,
    next_attempt_at: now,
    created_at: now,
  }));
  await t.deps.db.insertInto('mail_deliveries').values(rows).execute();
  const nodes = Array.from({ length: 4 }, () =>
    mailSender({
      db: t.deps.db,
      clock: t.clock,
      smtpUrl: inbox.url,
      publicUrl: 'http://localhost:3000',
      batchSize: 4,
    }),
  );
  const reports = await Promise.all(nodes.map((n) => n.runOnce()));
  await Promise.all(nodes.map((n) => n.stop()));
  assert.is(
    reports.reduce((n, r) => n + r.sent, 0),
    60,
  );
  assert.ok(reports.filter((r) => r.sent > 0).length > 1, 'the work was shared');
  const arrived = inbox.messages.slice(before);
  assert.is(arrived.length, 60);
  assert.is(new Set(arrived.map((m) => m.subject)).size, 60, 'no mail twice');
  const states = await deliveries(t, 'training-waitlisted');
  assert.ok(states.every((r) => r.status === 'sent' && r.attempts === 1));
});

test('without SMTP_URL a mail is logged and counted as sent', async ({ t, s }) => {
  const lines: string[] = [];
  const logOnly = node(t, undefined, (line) => lines.push(line));
  assert.is(logOnly.transport.kind, 'log');
  const id = await queueMail(t, s, {
    recipientId: s.students[1]!.id,
    template: 'training-requested',
    params: { trainingName: 'Logged training', sectionName: 'B' },
  });
  const report = await logOnly.runOnce();
  await logOnly.stop();
  assert.is(report.sent, 1);
  assert.is(lines.length, 1);
  assert.match(lines[0]!, s.students[1]!.email);
  assert.match(lines[0]!, 'Registration requested: Logged training – B');
  const [row] = await t.deps.db.selectFrom('mail_deliveries').selectAll().where('id', '=', id).execute();
  assert.is(row!.status, 'sent');
});

test('a mail the organisation switched off is skipped, not sent', async ({ t, s, inbox }) => {
  const put = await s.admin.request('PUT', '/api/mail/settings', {
    trainingReminderMinutes: 1440,
    mailsOff: ['training-declined'],
  });
  status(put, 200);
  const id = await queueMail(t, s, {
    recipientId: s.students[2]!.id,
    template: 'training-declined',
    params: { trainingName: 'Switched off', sectionName: 'C', reason: null },
  });
  const other = node(t, inbox.url);
  const report = await other.runOnce();
  await other.stop();
  assert.is(report.skipped, 1);
  const [row] = await t.deps.db.selectFrom('mail_deliveries').selectAll().where('id', '=', id).execute();
  assert.is(row!.status, 'skipped');
  assert.not.ok(inbox.messages.some((m) => m.subject?.includes('Switched off')));
});

test('a claim left by a node that died mid-send is taken over once its lease expires', async ({
  t,
  s,
  inbox,
}) => {
  const id = await queueMail(t, s, {
    recipientId: s.students[0]!.id,
    template: 'training-waitlisted',
    params: { trainingName: 'Orphaned claim', sectionName: 'D' },
    lockedUntil: new Date(t.clock.now().getTime() + 60_000),
  });
  const other = node(t, inbox.url);
  assert.is((await other.runOnce()).sent, 0, 'the lease still holds');
  t.clock.advance(2);
  assert.is((await other.runOnce()).sent, 1);
  await other.stop();
  assert.is(inbox.messages.filter((m) => m.subject?.includes('Orphaned claim')).length, 1);
  const [row] = await t.deps.db.selectFrom('mail_deliveries').selectAll().where('id', '=', id).execute();
  assert.is(row!.status, 'sent');
  assert.is(row!.attempts, 2);
});

test('a mail that keeps failing ends as failed; an admin sees why and sends it again', async ({
  t,
  s,
  inbox,
}) => {
  const id = await queueMail(t, s, {
    recipientId: s.students[1]!.id,
    template: 'training-waitlisted',
    params: { trainingName: 'Stubborn relay', sectionName: 'E' },
  });
  inbox.failNext(1);
  const giveUpAtOnce = node(t, inbox.url, undefined, 1);
  assert.equal(await giveUpAtOnce.runOnce(), { sent: 0, skipped: 0, retried: 0, failed: 1 });
  await giveUpAtOnce.stop();

  const list = await s.admin.get('/api/mail/deliveries?status=failed');
  status(list, 200);
  const failed = list.json().deliveries.find((d: { id: string }) => d.id === id);
  assert.ok(failed, 'listed among the failed');
  assert.is(failed.recipientName, 'Student 2');
  assert.match(failed.lastError, /try again later/);
  status(await s.teacher.get('/api/mail/deliveries'), 403);

  const retry = await s.admin.post(`/api/mail/deliveries/${encodeURIComponent(id)}/retry`);
  status(retry, 200);
  assert.is(retry.json().status, 'pending');
  const again = node(t, inbox.url);
  assert.is((await again.runOnce()).sent, 1);
  await again.stop();
  assert.is(inbox.messages.filter((m) => m.subject?.includes('Stubborn relay')).length, 1);
  status(await s.admin.post(`/api/mail/deliveries/${encodeURIComponent(id)}/retry`), 409);
  status(await s.admin.post('/api/mail/deliveries/no-such-mail/retry'), 404);
});

test.run();
