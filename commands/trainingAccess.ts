// Who may see and manage a training (trainings' access rules): admins of the organisation; trainers through a
// trainer group with access to a section's participant groups; learners through a participant group.
// Also the feature switch per organisation. These read the mutable group tables, not the event log.
import { ForbiddenError, NotFoundError } from '../domain/shared/errors.js';
import type { Db } from '../db/schema.js';
import type { Role } from '../db/people.table.js';
import type { Training, SectionState } from '../domain/training/state.js';

export type TrainingActor = { personId: string; orgId: string; role: Role };

export async function trainingsEnabled(db: Db, orgId: string): Promise<boolean> {
  const org = await db
    .selectFrom('organisations')
    .select('settings')
    .where('id', '=', orgId)
    .executeTakeFirst();
  return org?.settings?.trainingsEnabled === true;
}

export async function requireTrainingsEnabled(db: Db, orgId: string) {
  if (!(await trainingsEnabled(db, orgId)))
    throw new ForbiddenError('trainings_disabled', 'trainings are not enabled for this organisation');
}

/** The student groups a person is a member of. */
export async function groupsOf(db: Db, personId: string, kind: 'students' | 'trainers'): Promise<string[]> {
  const rows = await db
    .selectFrom('student_group_members as m')
    .innerJoin('student_groups as g', 'g.id', 'm.group_id')
    .select('g.id')
    .where('m.person_id', '=', personId)
    .where('g.kind', '=', kind)
    .execute();
  return rows.map((r) => r.id);
}

/** The participant groups a person reaches through the trainer groups they are in. */
export async function accessibleParticipantGroups(db: Db, personId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('student_group_members as m')
    .innerJoin('trainer_group_access as a', 'a.trainer_group_id', 'm.group_id')
    .select('a.participant_group_id')
    .where('m.person_id', '=', personId)
    .execute();
  return new Set(rows.map((r) => r.participant_group_id));
}

/** People who may be assigned as trainers of a section with these participant groups. */
export async function eligibleTrainers(
  db: Db,
  orgId: string,
  participantGroupIds: string[],
): Promise<string[]> {
  if (participantGroupIds.length === 0) return [];
  const rows = await db
    .selectFrom('trainer_group_access as a')
    .innerJoin('student_group_members as m', 'm.group_id', 'a.trainer_group_id')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select('m.person_id')
    .distinct()
    .where('a.org_id', '=', orgId)
    .where('a.participant_group_id', 'in', participantGroupIds)
    .where('p.active', '=', true)
    .execute();
  return rows.map((r) => r.person_id);
}

/** The part of a section access depends on (a section being created has no state yet). */
export type SectionGroups = Pick<SectionState, 'participantGroupIds'>;

const reaches = (section: SectionGroups, groups: Set<string>) =>
  section.participantGroupIds.some((g) => groups.has(g));

/** True when the actor may manage this section: an admin, or a trainer whose trainer group reaches its groups. */
export async function managesSection(db: Db, actor: TrainingActor, section: SectionGroups): Promise<boolean> {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'teacher') return false;
  return reaches(section, await accessibleParticipantGroups(db, actor.personId));
}

export async function managesTraining(db: Db, actor: TrainingActor, training: Training): Promise<boolean> {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'teacher') return false;
  const groups = await accessibleParticipantGroups(db, actor.personId);
  return Object.values(training.sections).some(
    (s) => reaches(s, groups) || s.trainerIds.includes(actor.personId),
  );
}

/** Who sees the training at all: managers, and learners of its sections' groups once it is published. */
export async function requireVisible(db: Db, actor: TrainingActor, training: Training) {
  if (training.orgId !== actor.orgId) throw new NotFoundError('training');
  if (await managesTraining(db, actor, training)) return;
  if (actor.role === 'student' && training.published) {
    if (training.registrations[actor.personId]) return;
    const mine = new Set(await groupsOf(db, actor.personId, 'students'));
    if (Object.values(training.sections).some((s) => reaches(s, mine))) return;
  }
  // A trainer without access, or a learner outside every group: the training does not exist for them.
  throw new NotFoundError('training');
}

export async function requireSectionManager(db: Db, actor: TrainingActor, section: SectionGroups) {
  if (!(await managesSection(db, actor, section)))
    throw new ForbiddenError(
      'section_manager_only',
      'only an admin or a trainer whose trainer group has access to this section can do this',
    );
}

/** Only an admin or a trainer of this training (managesTraining) gets past: 403 otherwise. */
export async function requireManagerOf(deps: { db: Db }, actor: TrainingActor, training: Training) {
  if (!(await managesTraining(deps.db, actor, training)))
    throw new ForbiddenError(
      'trainer_or_admin_only',
      'only an admin or a trainer of this training can see this',
    );
}
