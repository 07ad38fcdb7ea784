// A school with trainings switched on: an admin, a trainer whose trainer group has access to the participant
// group, a trainer without access, learners in the group and one outside it. Helpers create trainings.
import type { Session, TestApp } from '../support/app.js';
import { status } from '../support/assert.js';

export type TrainingSchool = {
  orgId: string;
  admin: Session;
  trainer: Session;
  outsideTrainer: Session;
  learners: Session[];
  outsider: Session;
  groupId: string;
  otherGroupId: string;
  trainerGroupId: string;
};

export const day = (d: number, hour = 9) =>
  `2026-12-${String(d).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;

export async function trainingSchool(t: TestApp, learnerCount = 3): Promise<TrainingSchool> {
  const { orgId, admin } = await t.organisation('Training School', { trainingsEnabled: true });
  const trainer = await t.person(orgId, 'teacher', 'Trainer');
  const outsideTrainer = await t.person(orgId, 'teacher', 'Outside Trainer');
  const learners: Session[] = [];
  for (let i = 0; i < learnerCount; i++) learners.push(await t.person(orgId, 'student', `Learner ${i + 1}`));
  const outsider = await t.person(orgId, 'student', 'Outsider');
  const groupId = await t.group(
    orgId,
    'Sales team',
    learners.map((l) => l.id),
  );
  const otherGroupId = await t.group(orgId, 'Support team', [outsider.id]);
  const trainerGroupId = await t.group(orgId, 'Sales trainers', [trainer.id], 'trainers');
  await t.group(orgId, 'Support trainers', [outsideTrainer.id], 'trainers');
  status(
    await admin.request('PUT', `/api/trainer-groups/${trainerGroupId}/participant-groups`, {
      participantGroupIds: [groupId],
    }),
    200,
  );
  return { orgId, admin, trainer, outsideTrainer, learners, outsider, groupId, otherGroupId, trainerGroupId };
}

export const eventBody = (
  s: TrainingSchool,
  from: number,
  hours = 3,
  extra: Record<string, unknown> = {},
) => ({
  start: day(from, 9),
  end: day(from, 9 + hours),
  timeZone: 'Europe/Brussels',
  format: 'online',
  trainerId: s.trainer.id,
  link: 'https://meet.example.com/sales',
  ...extra,
});

export const sectionBody = (s: TrainingSchool, extra: Record<string, unknown> = {}) => ({
  name: 'Morning group',
  participantGroupIds: [s.groupId],
  registrationOpens: '2026-11-20T00:00:00Z',
  registrationCloses: '2026-12-01T00:00:00Z',
  capacity: 10,
  trainerIds: [s.trainer.id],
  events: [eventBody(s, 5), eventBody(s, 6)],
  ...extra,
});

/** A published training; with `section`, one section with two events. Returns ids. */
export async function publishedTraining(s: TrainingSchool, section: Record<string, unknown> | null = {}) {
  const created = await s.admin.post('/api/trainings', {
    name: 'Sales 101',
    description: 'Selling',
    imageUrl: null,
  });
  status(created, 201);
  const trainingId = created.json().id as string;
  status(await s.admin.post(`/api/trainings/${trainingId}/publish`), 200);
  if (section === null) return { trainingId, sectionId: '', eventIds: [] as string[] };
  const res = await s.admin.post(`/api/trainings/${trainingId}/sections`, sectionBody(s, section));
  status(res, 201);
  const added = res.json().sections.at(-1);
  return {
    trainingId,
    sectionId: added.id as string,
    eventIds: added.events.map((e: { id: string }) => e.id) as string[],
  };
}
