// Training mail through a real SMTP server: the registration confirmation carries every event of the section
// in its own time zone; reschedules and cancels keep the UID and raise SEQUENCE; reminders follow the
// organisation's lead time. Training facts are appended to the event store with the schema of
// domain/training/events.ts (the trainings HTTP API is another engineer's and may still be moving).
import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type Session, type TestApp } from '../support/app.js';
import { TrainingDomainEvent, type TrainingDomainEvent as Fact } from '../../domain/training/events.js';
import { smtpInbox, type Inbox } from './support/smtp.js';
import { calendarOf as icsOfText, icsOf } from './support/ics.js';
import { deliver, deliverUntil } from './support/deliver.js';

type Ctx = {
  t: TestApp;
  inbox: Inbox;
  orgId: string;
  admin: Session;
  trainer: Session;
  learners: Session[];
  trainingId: string;
  sectionId: string;
  eventIds: string[];
};
const test = suite<Ctx>('mail for trainings');

async function append(ctx: Ctx, facts: Fact[]) {
  const stream = `training-${ctx.trainingId}`;
  const existing = await ctx.t.deps.eventStore.readStream(stream);
  await ctx.t.deps.eventStore.appendToStream(
    stream,
    facts.map((f) => {
      const fact = TrainingDomainEvent.parse(f);
      return {
        type: fact.type,
        data: fact.data,
        metadata: {
          commandId: randomUUID(),
          correlationId: randomUUID(),
          causationId: randomUUID(),
          actorId: ctx.admin.id,
          orgId: ctx.orgId,
          at: ctx.t.clock.now().toISOString(),
        },
      };
    }),
    { expectedRevision: existing.length === 0 ? 'no_stream' : existing.length - 1 },
  );
}

const ref = (ctx: Ctx) => ({ trainingId: ctx.trainingId, sectionId: ctx.sectionId });
const details = (trainerId: string, location: string) => ({
  format: 'in-person' as const,
  trainerId,
  location,
  link: null,
  notes: null,
});

test.before(async (ctx) => {
  ctx.inbox = await smtpInbox();
  ctx.t = (await testApp({ env: { SMTP_URL: ctx.inbox.url } }))!;
  const { orgId, admin } = await ctx.t.organisation('Training School', { trainingReminderMinutes: 120 });
  ctx.orgId = orgId;
  ctx.admin = admin;
  ctx.trainer = await ctx.t.person(orgId, 'teacher', 'Tina Trainer');
  ctx.learners = [
    await ctx.t.person(orgId, 'student', 'Lea Learner'),
    await ctx.t.person(orgId, 'student', 'Leo Learner'),
    await ctx.t.person(orgId, 'student', 'Liv Learner'),
  ];
  ctx.trainingId = randomUUID();
  ctx.sectionId = randomUUID();
  ctx.eventIds = [randomUUID(), randomUUID(), randomUUID()];
  const trainer = ctx.trainer.id;
  await append(ctx, [
    {
      type: 'TrainingCreated',
      data: {
        trainingId: ctx.trainingId,
        orgId,
        name: 'First Aid',
        description: 'Two days',
        imageUrl: null,
      },
    },
    {
      type: 'SectionAdded',
      data: {
        ...ref(ctx),
        name: 'December cohort',
        registrationOpens: '2026-11-01T00:00:00Z',
        registrationCloses: '2026-12-01T00:00:00Z',
        capacity: 2,
        trainerIds: [trainer],
        attendanceConfirmationRequired: false,
        approvalRequired: false,
        waitlistEnabled: true,
        waitlistCutoffMinutes: 0,
        participantGroupIds: [],
      },
    },
    {
      type: 'TrainingEventScheduled',
      data: {
        ...ref(ctx),
        trainingEventId: ctx.eventIds[0]!,
        start: '2026-12-02T08:00:00.000Z',
        end: '2026-12-02T12:00:00.000Z',
        timeZone: 'Europe/Berlin',
        ...details(trainer, 'Berlin, Room 1'),
      },
    },
    {
      type: 'TrainingEventScheduled',
      data: {
        ...ref(ctx),
        trainingEventId: ctx.eventIds[1]!,
        start: '2026-12-03T14:00:00.000Z',
        end: '2026-12-03T16:00:00.000Z',
        timeZone: 'America/New_York',
        ...details(trainer, 'New York office'),
      },
    },
    {
      type: 'TrainingEventScheduled',
      data: {
        ...ref(ctx),
        trainingEventId: ctx.eventIds[2]!,
        start: '2026-12-04T01:00:00.000Z',
        end: '2026-12-04T03:00:00.000Z',
        timeZone: 'Asia/Tokyo',
        ...details(trainer, 'Tokyo office'),
      },
    },
    { type: 'TrainingPublished', data: { trainingId: ctx.trainingId } },
  ]);
});
test.after(async ({ t, inbox }) => {
  await t.close();
  await inbox.close();
});

test('a registration sends a real SMTP message whose ICS lists every event in its own time zone', async (ctx) => {
  const [lea] = ctx.learners;
  await append(ctx, [
    {
      type: 'LearnerRegistered',
      data: { ...ref(ctx), learnerId: lea!.id, by: lea!.id, via: 'self' },
    },
  ]);
  await deliverUntil(ctx.t, () => ctx.inbox.to(lea!.email).length >= 1);
  const mail = ctx.inbox.to(lea!.email)[0]!;
  assert.is(mail.subject, 'Registered: First Aid – December cohort');
  assert.match(mail.text ?? '', /Hello Lea Learner/);
  const ics = icsOf(mail)!;
  assert.ok(ics, 'an ICS attachment');
  assert.is(ics.method, 'REQUEST');
  assert.equal(ics.timezones.sort(), ['America/New_York', 'Asia/Tokyo', 'Europe/Berlin']);
  assert.equal(
    ics.events.map((e) => [e.uid, e.start, e.end, e.location]),
    [
      [
        `training-event-${ctx.eventIds[0]}@lectern`,
        { tzid: 'Europe/Berlin', local: '20261202T090000' },
        { tzid: 'Europe/Berlin', local: '20261202T130000' },
        'Berlin, Room 1',
      ],
      [
        `training-event-${ctx.eventIds[1]}@lectern`,
        { tzid: 'America/New_York', local: '20261203T090000' },
        { tzid: 'America/New_York', local: '20261203T110000' },
        'New York office',
      ],
      [
        `training-event-${ctx.eventIds[2]}@lectern`,
        { tzid: 'Asia/Tokyo', local: '20261204T100000' },
        { tzid: 'Asia/Tokyo', local: '20261204T120000' },
        'Tokyo office',
      ],
    ],
  );
  assert.ok(ics.events.every((e) => e.summary === 'First Aid – December cohort'));
});

test('a reschedule sends an update with the same UID and a higher SEQUENCE; a cancel withdraws the event', async (ctx) => {
  const [lea, leo] = ctx.learners;
  await append(ctx, [
    {
      type: 'LearnerRegistered',
      data: { ...ref(ctx), learnerId: leo!.id, by: ctx.admin.id, via: 'manual' },
    },
  ]);
  await deliverUntil(ctx.t, () => ctx.inbox.to(leo!.email).length >= 1);
  const original = icsOf(ctx.inbox.to(lea!.email)[0]!)!.events[1]!;

  await append(ctx, [
    {
      type: 'TrainingEventRescheduled',
      data: {
        ...ref(ctx),
        trainingEventId: ctx.eventIds[1]!,
        start: '2026-12-03T15:00:00.000Z',
        end: '2026-12-03T17:30:00.000Z',
        timeZone: 'America/New_York',
      },
    },
  ]);
  await deliver(ctx.t);
  const updates = (email: string) => ctx.inbox.to(email).filter((m) => m.subject?.startsWith('Rescheduled'));
  await deliverUntil(ctx.t, () => updates(lea!.email).length >= 1 && updates(leo!.email).length >= 1);
  for (const learner of [lea!, leo!]) {
    assert.is(updates(learner.email).length, 1);
    const ics = icsOf(updates(learner.email)[0]!)!;
    assert.is(ics.method, 'REQUEST');
    assert.is(ics.events.length, 1);
    assert.is(ics.events[0]!.uid, original.uid, 'same UID');
    assert.ok(ics.events[0]!.sequence > original.sequence, 'higher SEQUENCE');
    assert.equal(ics.events[0]!.start, { tzid: 'America/New_York', local: '20261203T100000' });
    assert.equal(ics.events[0]!.end, { tzid: 'America/New_York', local: '20261203T123000' });
  }
  const rescheduled = icsOf(updates(lea!.email)[0]!)!.events[0]!;

  await append(ctx, [
    {
      type: 'TrainingEventCanceled',
      data: { ...ref(ctx), trainingEventId: ctx.eventIds[1]!, reason: 'Trainer unavailable' },
    },
  ]);
  await deliver(ctx.t);
  const cancels = (email: string) => ctx.inbox.to(email).filter((m) => m.subject?.startsWith('Canceled'));
  await deliverUntil(ctx.t, () => cancels(lea!.email).length >= 1 && cancels(leo!.email).length >= 1);
  const cancel = icsOf(cancels(lea!.email)[0]!)!;
  assert.is(cancel.method, 'CANCEL');
  assert.is(cancel.events[0]!.uid, original.uid);
  assert.is(cancel.events[0]!.status, 'CANCELLED');
  assert.ok(cancel.events[0]!.sequence > rescheduled.sequence);
  assert.match(cancels(lea!.email)[0]!.text ?? '', /Trainer unavailable/);
});

test('a waitlisted learner is told so, without an invitation; deregistering withdraws the events', async (ctx) => {
  const [, leo, liv] = ctx.learners;
  await append(ctx, [
    { type: 'LearnerWaitlisted', data: { ...ref(ctx), learnerId: liv!.id, by: liv!.id, via: 'self' } },
  ]);
  await deliverUntil(ctx.t, () => ctx.inbox.to(liv!.email).length >= 1);
  const waitlisted = ctx.inbox.to(liv!.email)[0]!;
  assert.is(waitlisted.subject, 'Waitlisted: First Aid – December cohort');
  assert.is(icsOf(waitlisted), null);

  await append(ctx, [
    {
      type: 'LearnerDeregistered',
      data: { ...ref(ctx), learnerId: leo!.id, by: leo!.id, from: 'registered', reason: 'self' },
    },
  ]);
  await deliver(ctx.t);
  const gone = () => ctx.inbox.to(leo!.email).filter((m) => m.subject?.startsWith('Deregistered'));
  await deliverUntil(ctx.t, () => gone().length >= 1);
  const ics = icsOf(gone()[0]!)!;
  assert.is(ics.method, 'CANCEL');
  assert.equal(
    ics.events.map((e) => e.uid),
    [ctx.eventIds[0], ctx.eventIds[2]].map((id) => `training-event-${id}@lectern`),
    'the events still scheduled',
  );
});

test('reminders go out the organisation lead time before each event, once', async (ctx) => {
  const [lea] = ctx.learners;
  const reminders = () => ctx.inbox.to(lea!.email).filter((m) => m.subject?.startsWith('Reminder'));
  ctx.t.clock.set('2026-12-02T05:30:00Z'); // 2.5 h before the first event; the lead is 2 h
  await deliver(ctx.t);
  assert.is(reminders().length, 0);
  ctx.t.clock.set('2026-12-02T06:30:00Z');
  await deliverUntil(ctx.t, () => reminders().length >= 1);
  await deliver(ctx.t);
  ctx.t.clock.advance(30);
  await deliver(ctx.t);
  await new Promise((r) => setTimeout(r, 300));
  assert.is(reminders().length, 1);
  assert.match(reminders()[0]!.text ?? '', /Berlin, Room 1/);
});

test('the learner’s and the trainer’s calendar feeds carry the training events', async (ctx) => {
  const [lea] = ctx.learners;
  const feedOf = async (person: Session) => {
    const { url } = (await person.get('/api/calendar/feed')).json();
    const res = await ctx.t.app.inject({ method: 'GET', url: new URL(url).pathname });
    assert.is(res.statusCode, 200);
    return icsOfText(res.body);
  };
  for (const person of [lea!, ctx.trainer]) {
    const feed = await feedOf(person);
    assert.equal(
      feed.events.map((e) => [e.uid, e.start.tzid, e.status]),
      [
        [`training-event-${ctx.eventIds[0]}@lectern`, 'Europe/Berlin', 'CONFIRMED'],
        [`training-event-${ctx.eventIds[1]}@lectern`, 'America/New_York', 'CANCELLED'],
        [`training-event-${ctx.eventIds[2]}@lectern`, 'Asia/Tokyo', 'CONFIRMED'],
      ],
    );
  }
  const leo = await feedOf(ctx.learners[1]!);
  assert.is(leo.events.length, 0, 'a deregistered learner’s feed no longer has them');
});

test.run();
