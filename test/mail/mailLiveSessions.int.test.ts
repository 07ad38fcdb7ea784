// Live-session mail through a real SMTP server: invitations, updates and cancellations with ICS, the 24-hour
// reminder, exactly one mail per participant even when the projector replays, and nothing for erased people.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { status } from '../support/assert.js';
import { writeCheckpoint } from '../../commands/logConsumer/checkpoints.js';
import { rebuildProjection } from '../../projections/rebuild.js';
import { outboxProjection } from '../../projections/outbox/outbox.js';
import { smtpInbox, type Inbox } from './support/smtp.js';
import { icsOf } from './support/ics.js';
import { deliver, deliverUntil } from './support/deliver.js';

const test = suite<{ t: TestApp; s: School; inbox: Inbox }>('mail for live sessions');
test.before(async (ctx) => {
  ctx.inbox = await smtpInbox();
  ctx.t = (await testApp({ env: { SMTP_URL: ctx.inbox.url } }))!;
  ctx.s = await school(ctx.t);
});
test.after(async ({ t, inbox }) => {
  await t.close();
  await inbox.close();
});

async function groupSession(s: School, start: string) {
  const res = await s.teacher.post('/api/live-sessions', {
    kind: 'group',
    courseId: s.courseId,
    studentIds: s.students.map((x) => x.id),
    start,
    durationMinutes: 60,
    timeZone: 'Europe/Berlin',
    title: 'Conversation club',
  });
  status(res, 201);
  return res.json().id as string;
}

test('scheduling invites each participant once, with an ICS in the session time zone', async ({
  t,
  s,
  inbox,
}) => {
  const before = inbox.messages.length;
  const id = await groupSession(s, '2026-11-26T09:00:00Z');
  await deliverUntil(t, () => inbox.messages.length >= before + 3);
  for (const student of s.students) {
    const mails = inbox
      .to(student.email)
      .filter((m) => m.subject?.startsWith('Scheduled: Conversation club'));
    assert.is(mails.length, 1, `one invitation for ${student.email}`);
    const ics = icsOf(mails[0]!)!;
    assert.is(ics.method, 'REQUEST');
    assert.equal(ics.timezones, ['Europe/Berlin']);
    assert.is(ics.events.length, 1);
    assert.is(ics.events[0]!.uid, `live-session-${id}@lectern`);
    assert.is(ics.events[0]!.sequence, 0);
    assert.equal(ics.events[0]!.start, { tzid: 'Europe/Berlin', local: '20261126T100000' });
    assert.equal(ics.events[0]!.end, { tzid: 'Europe/Berlin', local: '20261126T110000' });
  }
  assert.not.ok(inbox.to(s.teacher.email).length, 'the teacher who scheduled it gets no invitation');
});

test('a reschedule sends an update with the same UID and a higher SEQUENCE', async ({ t, s, inbox }) => {
  const id = await groupSession(s, '2026-11-27T09:00:00Z');
  await deliver(t);
  const res = await s.teacher.post(`/api/live-sessions/${id}/reschedule`, {
    start: '2026-11-27T15:30:00Z',
    durationMinutes: 45,
    timeZone: 'America/New_York',
  });
  status(res, 200);
  await deliver(t);
  const student = s.students[1]!;
  await deliverUntil(t, () => inbox.to(student.email).some((m) => m.subject?.startsWith('Rescheduled')));
  const invitation = icsOf(
    inbox.to(student.email).find((m) => icsOf(m)?.events[0]?.uid === `live-session-${id}@lectern`)!,
  )!;
  const update = inbox.to(student.email).find((m) => m.subject?.startsWith('Rescheduled'))!;
  const ics = icsOf(update)!;
  assert.is(ics.method, 'REQUEST');
  assert.is(ics.events[0]!.uid, invitation.events[0]!.uid);
  assert.ok(ics.events[0]!.sequence > invitation.events[0]!.sequence, 'SEQUENCE raised');
  assert.equal(ics.events[0]!.start, { tzid: 'America/New_York', local: '20261127T103000' });
  assert.equal(ics.timezones, ['America/New_York']);
});

test('a cancel mails each participant once, even when the projector replays and the outbox is rebuilt', async ({
  t,
  s,
  inbox,
}) => {
  const id = await groupSession(s, '2026-11-28T09:00:00Z');
  await deliver(t);
  status(await s.teacher.post(`/api/live-sessions/${id}/cancel`, { reason: 'Teacher is ill' }), 200);
  await deliver(t);
  const canceled = () =>
    inbox.messages.filter((m) => m.subject?.startsWith('Canceled') && icsOf(m)?.events[0]?.uid.includes(id));
  await deliverUntil(t, () => canceled().length >= 3);

  // The projector forgets where it was and applies the whole log again; then a full rebuild.
  await writeCheckpoint(t.deps.db, 'outbox', null);
  await t.runtime.deps.projections.catchUp();
  const rebuilt = await rebuildProjection(t.deps.db, t.deps.eventStore, outboxProjection);
  assert.is(rebuilt.rebuiltChecksum, rebuilt.liveChecksum, 'the rebuilt outbox equals the live one');
  await deliver(t);
  await deliver(t);
  await new Promise((r) => setTimeout(r, 300));

  assert.is(canceled().length, 3, 'three cancellations in all');
  for (const student of s.students) {
    const mine = canceled().filter((m) => inbox.to(student.email).includes(m));
    assert.is(mine.length, 1, `${student.email} got exactly one`);
    const ics = icsOf(mine[0]!)!;
    assert.is(ics.method, 'CANCEL');
    assert.is(ics.events[0]!.status, 'CANCELLED');
    assert.match(mine[0]!.text ?? '', /Teacher is ill/);
  }
});

test('the 24-hour reminder goes out once per participant', async ({ t, s, inbox }) => {
  const id = await groupSession(s, '2026-11-30T09:00:00Z');
  await deliver(t);
  const reminders = () =>
    inbox.messages.filter((m) => m.subject?.startsWith('Reminder') && m.text?.includes('Conversation club'));
  const before = reminders().length;
  t.clock.set('2026-11-29T08:00:00Z'); // 25 h before: not yet
  await deliver(t);
  assert.is(reminders().length, before);
  t.clock.set('2026-11-29T09:30:00Z'); // 23.5 h before
  await deliverUntil(t, () => reminders().length >= before + 3);
  await deliver(t);
  t.clock.advance(60);
  await deliver(t);
  await new Promise((r) => setTimeout(r, 300));
  assert.is(reminders().length, before + 3);
  const sent = await t.deps.db
    .selectFrom('mail_deliveries')
    .select('id')
    .where('template', '=', 'live-session-reminder')
    .where('id', 'like', `%${id}%`)
    .execute();
  assert.is(sent.length, 3);
  assert.ok(
    sent.some((r) => r.id === `reminder:${id}:2026-11-30T09:00:00.000Z:${s.students[0]!.id}`),
    'the reminder id names the session, its start and the participant',
  );
  const text = reminders().at(-1)!.text ?? '';
  assert.match(text, `http://localhost:3000/platform/sessions/${id}`);
  assert.match(text, 'the room opens 10 minutes before the start');
  assert.match(text, 'camera');
  t.clock.set('2026-11-23T08:00:00Z');
});

test('a session scheduled inside the 24 hours gets its invitation and no separate reminder', async ({
  t,
  s,
  inbox,
}) => {
  const id = await groupSession(s, '2026-11-23T12:00:00Z'); // four hours from the test clock's now
  await deliverUntil(t, () =>
    s.students.every((x) => inbox.to(x.email).some((m) => icsOf(m)?.events[0]?.uid.includes(id))),
  );
  await deliver(t);
  t.clock.advance(60);
  await deliver(t);
  const reminders = await t.deps.db
    .selectFrom('mail_deliveries')
    .select('id')
    .where('id', 'like', `reminder:${id}:%`)
    .execute();
  assert.is(reminders.length, 0);
  t.clock.set('2026-11-23T08:00:00Z');
});

test('people erased or deactivated since get nothing more', async ({ t, s, inbox }) => {
  const gone = await t.person(s.orgId, 'student', 'Gone Student');
  const away = await t.person(s.orgId, 'student', 'Away Student');
  // An admin schedules: the two new students are not the teacher's own (a teacher adds only their students).
  const res = await s.admin.post('/api/live-sessions', {
    kind: 'group',
    courseId: s.courseId,
    teacherId: s.teacher.id,
    studentIds: [gone.id, away.id, s.students[0]!.id],
    start: '2026-12-01T09:00:00Z',
    durationMinutes: 30,
    timeZone: 'UTC',
  });
  status(res, 201);
  const id = res.json().id as string;
  await deliverUntil(t, () => [gone, away].every((p) => inbox.to(p.email).length === 1));
  await t.deps.db.updateTable('people').set({ erased_at: new Date() }).where('id', '=', gone.id).execute();
  await t.deps.db.updateTable('people').set({ active: false }).where('id', '=', away.id).execute();

  status(await s.teacher.post(`/api/live-sessions/${id}/cancel`, { reason: 'Room flooded' }), 200);
  await deliverUntil(t, () => inbox.to(s.students[0]!.email).some((m) => m.text?.includes('Room flooded')));
  assert.is(inbox.to(gone.email).length, 1, 'only the invitation sent before erasure');
  assert.is(inbox.to(away.email).length, 1);
  const cancels = await t.deps.db
    .selectFrom('mail_deliveries')
    .select(['status'])
    .where('recipient_id', 'in', [gone.id, away.id])
    .where('template', '=', 'live-session-canceled')
    .execute();
  assert.equal(
    cancels.map((r) => r.status),
    ['skipped', 'skipped'],
  );
});

test.run();
