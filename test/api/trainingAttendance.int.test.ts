// Attendance and completion through the HTTP API: per event and learner, confirmed by a trainer where the
// section requires it; completion once every event of the section is attended; partial progress visible.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { problem, status } from '../support/assert.js';
import { eventBody, publishedTraining, trainingSchool, type TrainingSchool } from './trainingFixture.js';

const test = suite<{ t: TestApp; s: TrainingSchool }>('training attendance and completion over HTTP');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await trainingSchool(ctx.t, 3);
});
test.after(async ({ t }) => t.close());

const NOW = '2026-11-23T08:00:00.000Z';
// Both events happen today, so the sign-in sessions stay valid while the clock moves past them.
const AFTER_BOTH = '2026-11-23T14:00:00.000Z';

async function setup(t: TestApp, s: TrainingSchool, confirmationRequired: boolean) {
  t.clock.set(NOW);
  const today = (hour: number) => ({
    ...eventBody(s, 1),
    start: `2026-11-23T${hour}:00:00Z`,
    end: `2026-11-23T${hour + 1}:00:00Z`,
  });
  const ids = await publishedTraining(s, {
    attendanceConfirmationRequired: confirmationRequired,
    events: [today(10), today(12)],
  });
  for (const l of s.learners.slice(0, 2))
    status(await l.post(`/api/trainings/${ids.trainingId}/sections/${ids.sectionId}/registrations`), 201);
  return ids;
}

test('attendance before the event has started is refused', async ({ t, s }) => {
  const { trainingId, eventIds } = await setup(t, s, false);
  problem(
    await s.trainer.post(`/api/trainings/${trainingId}/events/${eventIds[0]}/attendance`, {
      learnerId: s.learners[0]!.id,
      attended: true,
    }),
    409,
    'training_event_not_started',
  );
});

test('completion follows every event attended; progress shows partial attendance', async ({ t, s }) => {
  const { trainingId, eventIds } = await setup(t, s, false);
  t.clock.set(AFTER_BOTH);
  const markUrl = (i: number) => `/api/trainings/${trainingId}/events/${eventIds[i]}/attendance`;
  status(await s.trainer.post(markUrl(0), { learnerId: s.learners[0]!.id, attended: true }), 200);
  const partial = (await s.learners[0]!.get(`/api/trainings/${trainingId}/completion`)).json();
  assert.equal(partial, [{ learnerId: s.learners[0]!.id, attended: 1, total: 2, completed: false }]);
  status(await s.learners[0]!.post(markUrl(1), { attended: true }), 200);
  const done = (await s.learners[0]!.get(`/api/trainings/${trainingId}/completion`)).json();
  assert.equal(done, [{ learnerId: s.learners[0]!.id, attended: 2, total: 2, completed: true }]);
  // The trainer sees everyone; a learner cannot mark someone else.
  const all = (await s.trainer.get(`/api/trainings/${trainingId}/completion`)).json();
  assert.is(all.length, 2);
  problem(await s.learners[1]!.post(markUrl(0), { learnerId: s.learners[0]!.id, attended: false }), 403);
});

test('when the host must confirm, marks alone do not complete; the trainer’s confirmation does', async ({
  t,
  s,
}) => {
  const { trainingId, sectionId, eventIds } = await setup(t, s, true);
  t.clock.set(AFTER_BOTH);
  const me = s.learners[0]!;
  for (const id of eventIds)
    status(await me.post(`/api/trainings/${trainingId}/events/${id}/attendance`, { attended: true }), 200);
  const unconfirmed = (await me.get(`/api/trainings/${trainingId}`)).json();
  assert.equal(unconfirmed.me.progress, { learnerId: me.id, attended: 0, total: 2, completed: false });
  problem(
    await me.post(`/api/trainings/${trainingId}/events/${eventIds[0]}/attendance/confirm`, {
      marks: [{ learnerId: me.id, attended: true }],
    }),
    403,
  );
  for (const id of eventIds)
    status(
      await s.trainer.post(`/api/trainings/${trainingId}/events/${id}/attendance/confirm`, {
        marks: [
          { learnerId: me.id, attended: true },
          { learnerId: s.learners[1]!.id, attended: false },
        ],
      }),
      200,
    );
  const roster = (await s.trainer.get(`/api/trainings/${trainingId}/sections/${sectionId}/roster`)).json();
  const byId = Object.fromEntries(roster.map((r: { learnerId: string }) => [r.learnerId, r]));
  assert.equal([byId[me.id].attended, byId[me.id].completed], [2, true]);
  assert.equal([byId[s.learners[1]!.id].attended, byId[s.learners[1]!.id].completed], [0, false]);
  // After confirmation the learner can no longer change their own mark.
  problem(
    await me.post(`/api/trainings/${trainingId}/events/${eventIds[0]}/attendance`, { attended: false }),
    409,
    'attendance_confirmed',
  );
  problem(
    await s.outsideTrainer.post(`/api/trainings/${trainingId}/events/${eventIds[0]}/attendance/confirm`, {
      marks: [{ learnerId: me.id, attended: false }],
    }),
    404,
  );
});

test.run();
