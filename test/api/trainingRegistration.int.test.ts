// Registering for training sections through the HTTP API: one section per learner, the registration period,
// capacity and waitlist with promotion, approval, switching, and registrations by hand.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { problem, status } from '../support/assert.js';
import {
  eventBody,
  publishedTraining,
  sectionBody,
  trainingSchool,
  type TrainingSchool,
} from './trainingFixture.js';

const test = suite<{ t: TestApp; s: TrainingSchool }>('registering for trainings over HTTP');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await trainingSchool(ctx.t, 5);
});
test.after(async ({ t }) => t.close());

const register = (s: TrainingSchool, i: number, trainingId: string, sectionId: string) =>
  s.learners[i]!.post(`/api/trainings/${trainingId}/sections/${sectionId}/registrations`);

test('a learner registers for one section and so for all its events; the catalogue shows it', async ({
  s,
}) => {
  const { trainingId, sectionId } = await publishedTraining(s, { capacity: 3 });
  const res = await register(s, 0, trainingId, sectionId);
  status(res, 201);
  const body = res.json();
  assert.is(body.me.status, 'registered');
  assert.is(body.me.progress.total, 2, 'registered for both events of the section');
  const catalogue = (await s.learners[0]!.get('/api/trainings')).json();
  const card = catalogue.find((c: { id: string }) => c.id === trainingId);
  assert.is(card.sections[0].seatsLeft, 2);
  assert.is(card.me.sectionId, sectionId);
  // An event added later is the learner's too: completion now needs three.
  const added = await s.trainer.post(
    `/api/trainings/${trainingId}/sections/${sectionId}/events`,
    eventBody(s, 8),
  );
  status(added, 201);
  assert.is((await s.learners[0]!.get(`/api/trainings/${trainingId}`)).json().me.progress.total, 3);
});

test('a learner can be in one section only: deregister first, or switch', async ({ t, s }) => {
  const { trainingId, sectionId } = await publishedTraining(s);
  const second = await s.admin.post(
    `/api/trainings/${trainingId}/sections`,
    sectionBody(s, { name: 'Afternoon' }),
  );
  status(second, 201);
  const otherId = second.json().sections[1].id;
  status(await register(s, 0, trainingId, sectionId), 201);
  const before = await t.countEvents();
  problem(await register(s, 0, trainingId, otherId), 409, 'registered_in_other_section');
  problem(await register(s, 0, trainingId, sectionId), 409, 'already_registered');
  assert.is(await t.countEvents(), before, 'nobody twice: nothing appended');
  const switched = await s.learners[0]!.post(`/api/trainings/${trainingId}/switch`, { sectionId: otherId });
  status(switched, 200);
  assert.is(switched.json().me.sectionId, otherId);
  status(
    await s.learners[0]!.request('DELETE', `/api/trainings/${trainingId}/registrations/${s.learners[0]!.id}`),
    200,
  );
  status(await register(s, 0, trainingId, sectionId), 201);
});

test('the registration period holds', async ({ t, s }) => {
  const late = await publishedTraining(s, { registrationCloses: '2026-11-23T07:00:00Z' });
  problem(await register(s, 0, late.trainingId, late.sectionId), 409, 'registration_closed');
  const early = await publishedTraining(s, { registrationOpens: '2026-11-25T00:00:00Z' });
  problem(await register(s, 0, early.trainingId, early.sectionId), 409, 'registration_not_open');
  // An admin may still add a learner by hand.
  const byHand = await s.admin.post(
    `/api/trainings/${late.trainingId}/sections/${late.sectionId}/registrations`,
    {
      learnerId: s.learners[0]!.id,
    },
  );
  status(byHand, 201);
  const roster = (
    await s.trainer.get(`/api/trainings/${late.trainingId}/sections/${late.sectionId}/roster`)
  ).json();
  assert.equal(
    roster.map((r: { learnerId: string; status: string; via: string }) => [r.learnerId, r.status, r.via]),
    [[s.learners[0]!.id, 'registered', 'manual']],
  );
  void t;
});

test('a full section waitlists, and a freed seat promotes the first in line', async ({ s }) => {
  const { trainingId, sectionId } = await publishedTraining(s, { capacity: 1 });
  status(await register(s, 0, trainingId, sectionId), 201);
  const second = await register(s, 1, trainingId, sectionId);
  assert.equal([second.json().me.status, second.json().me.waitlistPosition], ['waitlisted', 1]);
  const third = await register(s, 2, trainingId, sectionId);
  assert.equal([third.json().me.status, third.json().me.waitlistPosition], ['waitlisted', 2]);
  status(
    await s.learners[0]!.request('DELETE', `/api/trainings/${trainingId}/registrations/${s.learners[0]!.id}`),
    200,
  );
  const promoted = (await s.learners[1]!.get(`/api/trainings/${trainingId}`)).json();
  assert.is(promoted.me.status, 'registered');
  const next = (await s.learners[2]!.get(`/api/trainings/${trainingId}`)).json();
  assert.equal([next.me.status, next.me.waitlistPosition], ['waitlisted', 1]);
});

test('after the waitlist cutoff a freed seat promotes no one', async ({ t, s }) => {
  const today = { ...eventBody(s, 1), start: '2026-11-23T10:00:00Z', end: '2026-11-23T11:00:00Z' };
  const { trainingId, sectionId } = await publishedTraining(s, {
    capacity: 1,
    waitlistCutoffMinutes: 60,
    events: [today],
  });
  status(await register(s, 0, trainingId, sectionId), 201);
  assert.is((await register(s, 1, trainingId, sectionId)).json().me.status, 'waitlisted');
  t.clock.set('2026-11-23T09:30:00Z'); // past the cutoff, one hour before the first event
  try {
    status(
      await s.admin.request('DELETE', `/api/trainings/${trainingId}/registrations/${s.learners[0]!.id}`),
      200,
    );
    const still = (await s.learners[1]!.get(`/api/trainings/${trainingId}`)).json();
    assert.equal([still.me.status, still.sections[0].seatsLeft], ['waitlisted', 1]);
  } finally {
    t.clock.set('2026-11-23T08:00:00Z');
  }
});

test('without a waitlist a full section refuses', async ({ s }) => {
  const { trainingId, sectionId } = await publishedTraining(s, { capacity: 1, waitlistEnabled: false });
  status(await register(s, 0, trainingId, sectionId), 201);
  problem(await register(s, 1, trainingId, sectionId), 409, 'section_full');
});

test('with approval: pending holds a seat, approved is registered, declined frees it', async ({ s }) => {
  const { trainingId, sectionId } = await publishedTraining(s, { capacity: 1, approvalRequired: true });
  assert.is((await register(s, 0, trainingId, sectionId)).json().me.status, 'pending');
  assert.is((await register(s, 1, trainingId, sectionId)).json().me.status, 'waitlisted');
  problem(
    await s.learners[1]!.post(`/api/trainings/${trainingId}/registrations/${s.learners[0]!.id}/approve`),
    403,
  );
  status(
    await s.trainer.post(`/api/trainings/${trainingId}/registrations/${s.learners[0]!.id}/decline`, {
      reason: 'wrong team',
    }),
    200,
  );
  // The freed seat goes to the first in line, who now awaits approval in turn.
  assert.is((await s.learners[1]!.get(`/api/trainings/${trainingId}`)).json().me.status, 'pending');
  status(await s.admin.post(`/api/trainings/${trainingId}/registrations/${s.learners[1]!.id}/approve`), 200);
  const roster = (await s.admin.get(`/api/trainings/${trainingId}/sections/${sectionId}/roster`)).json();
  const statuses = Object.fromEntries(
    roster.map((r: { learnerId: string; status: string }) => [r.learnerId, r.status]),
  );
  assert.equal(statuses, { [s.learners[0]!.id]: 'declined', [s.learners[1]!.id]: 'registered' });
});

test('a learner outside the groups cannot register; only managers add learners by hand', async ({ s }) => {
  const { trainingId, sectionId } = await publishedTraining(s);
  problem(
    await s.learners[1]!.post(`/api/trainings/${trainingId}/sections/${sectionId}/registrations`, {
      learnerId: s.learners[0]!.id,
    }),
    403,
  );
  problem(
    await s.outsideTrainer.post(`/api/trainings/${trainingId}/sections/${sectionId}/registrations`, {
      learnerId: s.learners[0]!.id,
    }),
    404,
  );
  status(
    await s.trainer.post(`/api/trainings/${trainingId}/sections/${sectionId}/registrations`, {
      learnerId: s.outsider.id,
    }),
    201,
  );
  // Added by hand outside their groups, the learner sees the training and their section.
  const card = (await s.outsider.get('/api/trainings'))
    .json()
    .find((c: { id: string }) => c.id === trainingId);
  assert.equal(
    [card?.me.status, card?.sections.map((x: { id: string }) => x.id)],
    ['registered', [sectionId]],
  );
});

test.run();
