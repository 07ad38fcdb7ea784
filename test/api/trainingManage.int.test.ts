// Managing a training section over HTTP, as the web client does it: the participant groups a manager may give
// sections, a section's groups by name (locked ones stay), the learners a manager may add by hand, adding,
// moving and removing a learner by hand, and a section that cannot be saved without an event.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { problem, status } from '../support/assert.js';
import { publishedTraining, sectionBody, trainingSchool, type TrainingSchool } from './trainingFixture.js';
import type {
  LearnerCandidate,
  ParticipantGroupChoice,
  SectionGroup,
} from '../../contract/trainingChoices.js';

const test = suite<{ t: TestApp; s: TrainingSchool }>('managing training sections over HTTP');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  ctx.s = await trainingSchool(ctx.t);
});
test.after(async ({ t }) => t.close());

test('a section is not saved without an event: 400 naming events, nothing appended', async ({ t, s }) => {
  const { trainingId } = await publishedTraining(s, null);
  const before = await t.countEvents();
  for (const body of [sectionBody(s, { events: [] }), { ...sectionBody(s), events: undefined }]) {
    const res = await s.trainer.post(`/api/trainings/${trainingId}/sections`, body);
    const p = problem(res, 400) as unknown as { fields: { path: string; message: string }[] };
    const field = p.fields.find((f) => f.path.includes('events'));
    assert.ok(field, res.body);
  }
  const empty = await s.admin.post(`/api/trainings/${trainingId}/sections`, sectionBody(s, { events: [] }));
  const fields = (problem(empty, 400) as unknown as { fields: { path: string; message: string }[] }).fields;
  assert.ok(
    fields.some((f) => f.path.includes('events') && f.message === 'a section needs at least one event'),
    empty.body,
  );
  assert.is(await t.countEvents(), before, 'nothing appended');
  const detail = await s.admin.get(`/api/trainings/${trainingId}`);
  assert.is(detail.json().sections.length, 0);
});

test('participant groups a manager may give sections: all for admins, reached ones for a trainer', async ({
  s,
}) => {
  const { trainingId } = await publishedTraining(s);
  const url = `/api/trainings/${trainingId}/participant-groups`;
  const admin = (await s.admin.get(url)).json().groups as ParticipantGroupChoice[];
  assert.equal(
    admin.map((g) => [g.name, g.memberCount]),
    [
      ['Sales team', 3],
      ['Support team', 1],
    ],
  );
  const trainer = await s.trainer.get(url);
  status(trainer, 200);
  assert.equal(
    (trainer.json().groups as ParticipantGroupChoice[]).map((g) => g.id),
    [s.groupId],
  );
  problem(await s.learners[0]!.get(url), 403);
  problem(await s.outsideTrainer.get(url), 404);
});

test('a section’s groups by name; the group learners registered through is locked and stays', async ({
  t,
  s,
}) => {
  const { trainingId, sectionId } = await publishedTraining(s);
  const base = `/api/trainings/${trainingId}/sections/${sectionId}/groups`;
  const groups = async () => {
    const res = await s.trainer.get(base);
    status(res, 200);
    return (res.json().groups as SectionGroup[]).map((g) => `${g.name}${g.locked ? ' (locked)' : ''}`);
  };
  assert.equal(await groups(), ['Sales team']);
  status(await s.admin.post(base, { groupId: s.otherGroupId }), 200);
  assert.equal(await groups(), ['Sales team', 'Support team']);
  status(await s.learners[0]!.post(`/api/trainings/${trainingId}/sections/${sectionId}/registrations`), 201);
  assert.equal(await groups(), ['Sales team (locked)', 'Support team (locked)']);
  const before = await t.countEvents();
  problem(await s.trainer.request('DELETE', `${base}/${s.groupId}`), 409, 'group_locked');
  assert.is(await t.countEvents(), before);
  problem(await s.learners[0]!.get(base), 403);
  problem(await s.outsideTrainer.get(base), 404);
});

test('learners a manager may add by hand, added, moved to another section and removed', async ({ s }) => {
  const { trainingId, sectionId } = await publishedTraining(s);
  const second = await s.admin.post(
    `/api/trainings/${trainingId}/sections`,
    sectionBody(s, { name: 'Afternoon group' }),
  );
  status(second, 201);
  const secondId = second.json().sections.at(-1).id as string;
  const candidates = async (who = s.trainer) => {
    const res = await who.get(`/api/trainings/${trainingId}/sections/${sectionId}/candidates`);
    status(res, 200);
    return res.json().learners as LearnerCandidate[];
  };
  // A trainer chooses from the section's groups; an admin from every active learner.
  assert.equal(
    (await candidates()).map((l) => l.name),
    ['Learner 1', 'Learner 2', 'Learner 3'],
  );
  assert.equal(
    (await candidates(s.admin)).map((l) => l.name),
    ['Learner 1', 'Learner 2', 'Learner 3', 'Outsider'],
  );
  const learner = s.learners[1]!;
  const add = await s.trainer.post(`/api/trainings/${trainingId}/sections/${sectionId}/registrations`, {
    learnerId: learner.id,
  });
  status(add, 201);
  const placed = (await candidates()).find((l) => l.id === learner.id)!;
  assert.equal([placed.sectionId, placed.status], [sectionId, 'registered']);
  const roster = await s.trainer.get(`/api/trainings/${trainingId}/sections/${sectionId}/roster`);
  assert.equal(
    (roster.json() as { learnerId: string; via: string }[]).map((r) => [r.learnerId, r.via]),
    [[learner.id, 'manual']],
  );
  // Moved by hand to the other section.
  status(
    await s.trainer.post(`/api/trainings/${trainingId}/switch`, {
      sectionId: secondId,
      learnerId: learner.id,
    }),
    200,
  );
  assert.is((await candidates()).find((l) => l.id === learner.id)!.sectionId, secondId);
  // Removed by hand: no longer in the training.
  status(await s.trainer.request('DELETE', `/api/trainings/${trainingId}/registrations/${learner.id}`), 200);
  const gone = (await candidates()).find((l) => l.id === learner.id)!;
  assert.equal([gone.sectionId, gone.status], [null, null]);
  // Learners and trainers without access get nothing.
  problem(await learner.get(`/api/trainings/${trainingId}/sections/${sectionId}/candidates`), 403);
  problem(await s.outsideTrainer.get(`/api/trainings/${trainingId}/sections/${sectionId}/candidates`), 404);
});

test('a learner whose request was declined is outside the training again and may be added by hand', async ({
  s,
}) => {
  const { trainingId, sectionId } = await publishedTraining(s, { approvalRequired: true });
  const learner = s.learners[2]!;
  const base = `/api/trainings/${trainingId}/sections/${sectionId}`;
  status(await learner.post(`${base}/registrations`), 201);
  const placeOf = async () =>
    ((await s.trainer.get(`${base}/candidates`)).json().learners as LearnerCandidate[]).find(
      (l) => l.id === learner.id,
    )!;
  assert.equal([(await placeOf()).sectionId, (await placeOf()).status], [sectionId, 'pending']);
  status(
    await s.trainer.post(`/api/trainings/${trainingId}/registrations/${learner.id}/decline`, {
      reason: null,
    }),
    200,
  );
  assert.equal([(await placeOf()).sectionId, (await placeOf()).status], [null, null]);
  status(await s.trainer.post(`${base}/registrations`, { learnerId: learner.id }), 201);
  assert.is((await placeOf()).status, 'registered');
});

test.run();
