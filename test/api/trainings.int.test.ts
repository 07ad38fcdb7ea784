// Trainings through the HTTP API: the feature switch, group visibility, sections and their events.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { problem, status } from '../support/assert.js';
import {
  eventBody,
  publishedTraining,
  sectionBody,
  trainingSchool,
  day,
  type TrainingSchool,
} from './trainingFixture.js';

const test = suite<{ t: TestApp; s: TrainingSchool }>('trainings over HTTP');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await trainingSchool(ctx.t);
});
test.after(async ({ t }) => t.close());

test('the feature is off until an admin switches it on', async ({ t }) => {
  const { admin } = await t.organisation('No trainings yet');
  problem(await admin.post('/api/trainings', { name: 'Sales 101' }), 403);
  const before = await t.countEvents();
  const on = await admin.request('PUT', '/api/training-settings', { trainingsEnabled: true });
  status(on, 200);
  assert.equal(on.json(), { trainingsEnabled: true });
  status(await admin.post('/api/trainings', { name: 'Sales 101' }), 201);
  assert.is(await t.countEvents(), before + 1);
});

test('only admins create and publish trainings; bad input appends nothing', async ({ t, s }) => {
  problem(await s.trainer.post('/api/trainings', { name: 'Mine' }), 403);
  problem(await s.learners[0]!.post('/api/trainings', { name: 'Mine' }), 403);
  const before = await t.countEvents();
  problem(await s.admin.post('/api/trainings', { name: '' }), 400);
  problem(await s.admin.post('/api/trainings', { name: 'x', imageUrl: 'not a url' }), 400);
  assert.is(await t.countEvents(), before);
});

test('a section is saved with at least one event; once its events are canceled nobody can register', async ({
  t,
  s,
}) => {
  const { trainingId } = await publishedTraining(s, null);
  const before = await t.countEvents();
  const empty = await s.admin.post(`/api/trainings/${trainingId}/sections`, sectionBody(s, { events: [] }));
  const body = problem(empty, 400) as unknown as { fields: { path: string }[] };
  assert.ok(
    body.fields.some((f) => f.path.includes('events')),
    empty.body,
  );
  assert.is(await t.countEvents(), before, 'nothing appended for a section without events');

  const res = await s.admin.post(
    `/api/trainings/${trainingId}/sections`,
    sectionBody(s, { events: [eventBody(s, 5)] }),
  );
  status(res, 201);
  const section = res.json().sections[0];
  status(
    await s.trainer.post(`/api/trainings/${trainingId}/events/${section.events[0].id}/cancel`, {
      reason: 'ill',
    }),
    200,
  );
  problem(
    await s.learners[0]!.post(`/api/trainings/${trainingId}/sections/${section.id}/registrations`),
    409,
    'no_training_events',
  );
  status(
    await s.trainer.post(`/api/trainings/${trainingId}/sections/${section.id}/events`, eventBody(s, 6)),
    201,
  );
  status(await s.learners[0]!.post(`/api/trainings/${trainingId}/sections/${section.id}/registrations`), 201);
});

test('a training is visible to its sections’ groups only; trainers manage it through their trainer group', async ({
  s,
}) => {
  const { trainingId, sectionId } = await publishedTraining(s);
  const mine = (await s.learners[0]!.get('/api/trainings')).json();
  assert.ok(mine.some((x: { id: string }) => x.id === trainingId));
  const theirs = (await s.outsider.get('/api/trainings')).json();
  assert.not.ok(theirs.some((x: { id: string }) => x.id === trainingId));
  problem(await s.outsider.get(`/api/trainings/${trainingId}`), 404);
  problem(await s.outsider.post(`/api/trainings/${trainingId}/sections/${sectionId}/registrations`), 404);
  // The trainer with access manages it; the other trainer does not even see it.
  status(await s.trainer.get(`/api/trainings/${trainingId}/sections/${sectionId}/roster`), 200);
  problem(await s.outsideTrainer.get(`/api/trainings/${trainingId}`), 404);
  // A trainer creates sections only for groups their trainer group reaches.
  problem(
    await s.trainer.post(
      `/api/trainings/${trainingId}/sections`,
      sectionBody(s, { participantGroupIds: [s.groupId, s.otherGroupId] }),
    ),
    403,
  );
  status(
    await s.trainer.post(`/api/trainings/${trainingId}/sections`, sectionBody(s, { name: 'Trainer made' })),
    201,
  );
  problem(
    await s.outsideTrainer.post(`/api/trainings/${trainingId}/sections/${sectionId}/events`, eventBody(s, 9)),
    404,
  );
});

test('only users in a trainer group with access to the participant group can be trainers', async ({
  t,
  s,
}) => {
  const { trainingId, sectionId } = await publishedTraining(s);
  const before = await t.countEvents();
  problem(
    await s.admin.post(
      `/api/trainings/${trainingId}/sections`,
      sectionBody(s, { trainerIds: [s.outsideTrainer.id] }),
    ),
    409,
    'trainer_not_eligible',
  );
  problem(
    await s.admin.post(
      `/api/trainings/${trainingId}/sections/${sectionId}/events`,
      eventBody(s, 9, 3, { trainerId: s.outsideTrainer.id }),
    ),
    409,
    'trainer_not_eligible',
  );
  assert.is(await t.countEvents(), before);
});

test('events must be scheduled in order, and rescheduling keeps the order', async ({ t, s }) => {
  const { trainingId, sectionId, eventIds } = await publishedTraining(s);
  const before = await t.countEvents();
  problem(
    await s.trainer.post(`/api/trainings/${trainingId}/sections/${sectionId}/events`, eventBody(s, 4)),
    409,
    'events_out_of_order',
  );
  problem(
    await s.admin.post(
      `/api/trainings/${trainingId}/sections`,
      sectionBody(s, { events: [eventBody(s, 6), eventBody(s, 5)] }),
    ),
    409,
    'events_out_of_order',
  );
  problem(
    await s.trainer.post(`/api/trainings/${trainingId}/events/${eventIds[0]}/reschedule`, {
      start: day(6, 10),
      end: day(6, 11),
      timeZone: 'Europe/Brussels',
    }),
    409,
    'events_out_of_order',
  );
  assert.is(await t.countEvents(), before);
  const moved = await s.trainer.post(`/api/trainings/${trainingId}/events/${eventIds[0]}/reschedule`, {
    start: day(4, 9),
    end: day(4, 12),
    timeZone: 'America/New_York',
  });
  status(moved, 200);
  const event = moved.json().sections[0].events[0];
  assert.is(Date.parse(event.start), Date.parse(day(4, 9)));
  assert.is(event.timeZone, 'America/New_York');
  problem(
    await s.trainer.post(`/api/trainings/${trainingId}/sections/${sectionId}/events`, {
      ...eventBody(s, 8),
      timeZone: 'Mars/Base',
    }),
    400,
  );
});

test('once a section has registrations its original group is locked in; more can be added', async ({
  t,
  s,
}) => {
  const { trainingId, sectionId } = await publishedTraining(s);
  const base = `/api/trainings/${trainingId}/sections/${sectionId}/groups`;
  status(await s.learners[0]!.post(`/api/trainings/${trainingId}/sections/${sectionId}/registrations`), 201);
  problem(await s.admin.request('DELETE', `${base}/${s.groupId}`), 409, 'group_locked');
  status(await s.admin.post(base, { groupId: s.otherGroupId }), 200);
  const detail = (await s.outsider.get(`/api/trainings/${trainingId}`)).json();
  assert.equal(detail.sections[0].participantGroupIds.sort(), [s.groupId, s.otherGroupId].sort());
  status(await s.admin.request('DELETE', `${base}/${s.otherGroupId}`), 200);
  void t;
});

test('trainers see the events they teach, learners those of the section they hold a seat in', async ({
  s,
}) => {
  const { trainingId, sectionId } = await publishedTraining(s);
  const res = await s.trainer.get('/api/me/training-events');
  status(res, 200);
  assert.ok(res.json().filter((e: { trainingId: string }) => e.trainingId === trainingId).length === 2);
  const mine = async () =>
    ((await s.learners[0]!.get('/api/me/training-events')).json() as { trainingId: string }[]).filter(
      (e) => e.trainingId === trainingId,
    );
  assert.is((await mine()).length, 0, 'not registered yet');
  status(await s.learners[0]!.post(`/api/trainings/${trainingId}/sections/${sectionId}/registrations`), 201);
  assert.is((await mine()).length, 2);
  assert.is(
    ((await s.learners[1]!.get('/api/me/training-events')).json() as { trainingId: string }[]).filter(
      (e) => e.trainingId === trainingId,
    ).length,
    0,
    'another learner does not see them',
  );
});

test('another organisation’s training is not found', async ({ t, s }) => {
  const { trainingId, sectionId } = await publishedTraining(s);
  const { admin } = await t.organisation('Elsewhere', { trainingsEnabled: true });
  problem(await admin.get(`/api/trainings/${trainingId}`), 404);
  problem(
    await admin.post(`/api/trainings/${trainingId}/sections/${sectionId}/events`, eventBody(s, 9)),
    404,
  );
  assert.is((await admin.get('/api/trainings')).json().length, 0);
});

test.run();
