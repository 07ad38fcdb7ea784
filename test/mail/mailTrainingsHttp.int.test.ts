// Training mail end to end through the HTTP API: a learner registers for a section and a real SMTP message
// arrives whose ICS lists every event of the section in that event's own time zone; a trainer's reschedule
// sends the update with the same UID and a higher SEQUENCE, and a cancel withdraws the event.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { status } from '../support/assert.js';
import {
  day,
  eventBody,
  publishedTraining,
  trainingSchool,
  type TrainingSchool,
} from '../api/trainingFixture.js';
import { smtpInbox, type Inbox } from './support/smtp.js';
import { icsOf } from './support/ics.js';
import { deliverUntil } from './support/deliver.js';

type Ctx = {
  t: TestApp;
  s: TrainingSchool;
  inbox: Inbox;
  trainingId: string;
  sectionId: string;
  eventIds: string[];
};
const test = suite<Ctx>('training mail through the HTTP API');
test.before(async (ctx) => {
  ctx.inbox = await smtpInbox();
  ctx.t = (await testApp({ env: { SMTP_URL: ctx.inbox.url } }))!;
  ctx.s = await trainingSchool(ctx.t);
  const s = ctx.s;
  Object.assign(
    ctx,
    await publishedTraining(s, {
      name: 'Evening group',
      events: [
        eventBody(s, 5),
        eventBody(s, 6, 2, {
          timeZone: 'America/New_York',
          format: 'in-person',
          location: 'NY office',
          link: null,
        }),
        eventBody(s, 7, 2, { timeZone: 'Asia/Kolkata' }),
      ],
    }),
  );
});
test.after(async ({ t, inbox }) => {
  await t.close();
  await inbox.close();
});

test('registering sends a confirmation whose ICS holds every event of the section in its zone', async (ctx) => {
  const learner = ctx.s.learners[0]!;
  status(await learner.post(`/api/trainings/${ctx.trainingId}/sections/${ctx.sectionId}/registrations`), 201);
  await deliverUntil(ctx.t, () => ctx.inbox.to(learner.email).length >= 1);
  const mail = ctx.inbox.to(learner.email)[0]!;
  assert.is(mail.subject, 'Registered: Sales 101 – Evening group');
  const ics = icsOf(mail)!;
  assert.is(ics.method, 'REQUEST');
  assert.equal(ics.timezones.sort(), ['America/New_York', 'Asia/Kolkata', 'Europe/Brussels']);
  assert.equal(
    ics.events.map((e) => [e.uid, e.start, e.end]),
    [
      [
        `training-event-${ctx.eventIds[0]}@lectern`,
        { tzid: 'Europe/Brussels', local: '20261205T100000' },
        { tzid: 'Europe/Brussels', local: '20261205T130000' },
      ],
      [
        `training-event-${ctx.eventIds[1]}@lectern`,
        { tzid: 'America/New_York', local: '20261206T040000' },
        { tzid: 'America/New_York', local: '20261206T060000' },
      ],
      [
        `training-event-${ctx.eventIds[2]}@lectern`,
        { tzid: 'Asia/Kolkata', local: '20261207T143000' },
        { tzid: 'Asia/Kolkata', local: '20261207T163000' },
      ],
    ],
  );
  assert.is(ics.events[1]!.location, 'NY office');
});

test('a trainer reschedules: same UID, higher SEQUENCE; then cancels: CANCEL with the same UID', async (ctx) => {
  const learner = ctx.s.learners[0]!;
  const first = icsOf(ctx.inbox.to(learner.email)[0]!)!.events[2]!;
  const moved = await ctx.s.trainer.post(
    `/api/trainings/${ctx.trainingId}/events/${ctx.eventIds[2]}/reschedule`,
    {
      start: day(8, 9),
      end: day(8, 11),
      timeZone: 'Asia/Kolkata',
    },
  );
  status(moved, 200);
  const updates = () => ctx.inbox.to(learner.email).filter((m) => m.subject?.startsWith('Rescheduled'));
  await deliverUntil(ctx.t, () => updates().length >= 1);
  const update = icsOf(updates()[0]!)!.events[0]!;
  assert.is(update.uid, first.uid);
  assert.ok(update.sequence > first.sequence, `${update.sequence} > ${first.sequence}`);
  assert.equal(update.start, { tzid: 'Asia/Kolkata', local: '20261208T143000' });

  status(
    await ctx.s.trainer.post(`/api/trainings/${ctx.trainingId}/events/${ctx.eventIds[2]}/cancel`, {
      reason: 'Venue closed',
    }),
    200,
  );
  const cancels = () => ctx.inbox.to(learner.email).filter((m) => m.subject?.startsWith('Canceled'));
  await deliverUntil(ctx.t, () => cancels().length >= 1);
  const cancel = icsOf(cancels()[0]!)!;
  assert.is(cancel.method, 'CANCEL');
  assert.is(cancel.events[0]!.uid, first.uid);
  assert.ok(cancel.events[0]!.sequence > update.sequence);
  assert.is(ctx.inbox.to(ctx.s.learners[1]!.email).length, 0, 'a learner who did not register gets nothing');
});

test.run();
