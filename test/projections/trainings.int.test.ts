// The trainings read model: it replays exactly (a rebuild gives the live checksum), and it answers the live-room
// access check of training events (trainers and seated learners of online and hybrid events only).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { status } from '../support/assert.js';
import { trainingsProjection } from '../../projections/trainings/trainings.js';
import { trainingEventRoomAccess } from '../../projections/trainings/roomAccess.js';
import { rebuildProjection } from '../../projections/rebuild.js';
import { eventBody, publishedTraining, trainingSchool, type TrainingSchool } from '../api/trainingFixture.js';

const test = suite<{ t: TestApp; s: TrainingSchool }>('trainings read model');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await trainingSchool(ctx.t, 4);
});
test.after(async ({ t }) => t.close());

test('the room of an online training event admits its trainers and seated learners only', async ({
  t,
  s,
}) => {
  const { trainingId, sectionId, eventIds } = await publishedTraining(s, { capacity: 1 });
  const register = (i: number) =>
    s.learners[i]!.post(`/api/trainings/${trainingId}/sections/${sectionId}/registrations`);
  status(await register(0), 201);
  status(await register(1), 201); // waitlisted
  const inPerson = await s.trainer.post(
    `/api/trainings/${trainingId}/sections/${sectionId}/events`,
    eventBody(s, 9, 2, { format: 'in-person', location: 'Room 4', link: null }),
  );
  status(inPerson, 201);
  await t.settle();
  const db = t.deps.db;
  const trainer = await trainingEventRoomAccess(db, eventIds[0]!, s.trainer.id);
  assert.equal(trainer && [trainer.role, trainer.format, trainer.orgId], ['trainer', 'online', s.orgId]);
  assert.is(trainer!.start, new Date(eventBody(s, 5).start).toISOString());
  const learner = await trainingEventRoomAccess(db, eventIds[0]!, s.learners[0]!.id);
  assert.is(learner?.role, 'learner');
  assert.is(
    await trainingEventRoomAccess(db, eventIds[0]!, s.learners[1]!.id),
    null,
    'waitlisted: not in the room',
  );
  assert.is(await trainingEventRoomAccess(db, eventIds[0]!, s.outsider.id), null);
  const inPersonId = inPerson.json().sections[0].events.at(-1).id as string;
  assert.is(
    await trainingEventRoomAccess(db, inPersonId, s.trainer.id),
    null,
    'an in-person event has no room',
  );
  assert.is(await trainingEventRoomAccess(db, '00000000-0000-4000-8000-000000000000', s.trainer.id), null);
});

test('a rebuild from the log reproduces the live read model exactly', async ({ t, s }) => {
  const { trainingId, sectionId } = await publishedTraining(s, { capacity: 2 });
  const second = await s.admin.post(`/api/trainings/${trainingId}/sections`, {
    name: 'Afternoon',
    participantGroupIds: [s.groupId],
    registrationOpens: '2026-11-20T00:00:00Z',
    registrationCloses: '2026-12-01T00:00:00Z',
    capacity: 2,
    events: [eventBody(s, 10)],
  });
  status(second, 201);
  const otherId = second.json().sections[1].id as string;
  for (let i = 0; i < 4; i++)
    status(
      await s.learners[i]!.post(`/api/trainings/${trainingId}/sections/${sectionId}/registrations`),
      201,
    );
  status(await s.learners[0]!.post(`/api/trainings/${trainingId}/switch`, { sectionId: otherId }), 200);
  status(
    await s.admin.post(`/api/trainings/${trainingId}/sections/${otherId}/groups`, {
      groupId: s.otherGroupId,
    }),
    200,
  );
  await t.settle();
  const result = await rebuildProjection(t.deps.db, t.deps.eventStore, trainingsProjection);
  assert.ok(result.events > 0);
  assert.is(result.rebuiltChecksum, result.liveChecksum);
});

test.run();
