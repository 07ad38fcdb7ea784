// The trainings application service: checks the feature switch and who may act (commands/trainingAccess.ts),
// looks up the facts the decider needs (eligible trainers, a learner's groups), then runs the command on the
// training's one stream. Registrations for one training are decided on that stream, so capacity and "one
// section per learner" are checked together; handleCommand queues same-stream commands on this node.
import { ForbiddenError, NotFoundError } from '../domain/shared/errors.js';
import type { TrainingCommand } from '../domain/training/commands.js';
import type { Training } from '../domain/training/state.js';
import type { Db } from '../db/schema.js';
import type { EventStore } from './eventStore/port.js';
import { handleCommand, loadAggregate, type CommandContext } from './handleCommand.js';
import { trainings } from './aggregates.js';
import {
  eligibleTrainers,
  groupsOf,
  requireSectionManager,
  requireTrainingsEnabled,
  requireVisible,
  type TrainingActor,
} from './trainingAccess.js';
import { requireSection, requireTrainingEvent } from '../domain/training/guards.js';

export type Deps = { db: Db; eventStore: EventStore };
type Input<T extends TrainingCommand['type']> = Omit<
  Extract<TrainingCommand, { type: T }>,
  | 'type'
  | 'trainingId'
  | 'now'
  | 'by'
  | 'eligibleTrainerIds'
  | 'learnerGroupIds'
  | 'manual'
  | 'sectionId'
  | 'trainingEventId'
>;

/** Other nodes race for one busy training stream: handleCommand decides again (with back-off) this often. */
const TRAINING_ATTEMPTS = 30;

const run = (deps: Deps, trainingId: string, command: TrainingCommand, context: CommandContext) =>
  handleCommand(deps.eventStore, trainings, trainingId, command, {
    maxAttempts: TRAINING_ATTEMPTS,
    ...context,
  });

const base = (trainingId: string, actor: TrainingActor, context: CommandContext) => ({
  trainingId,
  now: context.now,
  by: actor.personId,
});

/** Loads a training the actor may see (404 otherwise), with the feature switched on. */
export async function loadTrainingFor(deps: Deps, actor: TrainingActor, trainingId: string) {
  await requireTrainingsEnabled(deps.db, actor.orgId);
  const loaded = await loadAggregate(deps.eventStore, trainings, trainingId);
  if (loaded.state.status === 'none') throw new NotFoundError('training');
  const training: Training = loaded.state;
  await requireVisible(deps.db, actor, training);
  return { training, revision: loaded.revision };
}

export async function createTraining(
  deps: Deps,
  actor: TrainingActor,
  trainingId: string,
  input: Omit<Input<'CreateTraining'>, 'orgId'>,
  context: CommandContext,
) {
  await requireTrainingsEnabled(deps.db, actor.orgId);
  if (actor.role !== 'admin') throw new ForbiddenError('admin_only', 'only an admin can create a training');
  return run(
    deps,
    trainingId,
    { type: 'CreateTraining', ...base(trainingId, actor, context), orgId: actor.orgId, ...input },
    context,
  );
}

/** Card-level changes (details, publish): admins only (trainers never see the training's controls). */
export async function changeTraining(
  deps: Deps,
  actor: TrainingActor,
  trainingId: string,
  command:
    | ({ type: 'ChangeTrainingDetails' } & Input<'ChangeTrainingDetails'>)
    | { type: 'PublishTraining' }
    | { type: 'UnpublishTraining' },
  context: CommandContext,
) {
  await loadTrainingFor(deps, actor, trainingId);
  if (actor.role !== 'admin')
    throw new ForbiddenError('admin_only', 'only an admin can change or publish a training');
  return run(
    deps,
    trainingId,
    { ...command, ...base(trainingId, actor, context) } as TrainingCommand,
    context,
  );
}

export async function addSection(
  deps: Deps,
  actor: TrainingActor,
  trainingId: string,
  input: Input<'AddSection'> & { sectionId: string },
  context: CommandContext,
) {
  await loadTrainingFor(deps, actor, trainingId);
  if (actor.role === 'student')
    throw new ForbiddenError('trainer_or_admin_only', 'learners cannot add sections');
  await requireGroups(deps.db, actor.orgId, input.participantGroupIds);
  // A trainer may only create sections for groups their trainer groups reach, every one of them.
  for (const groupId of input.participantGroupIds)
    await requireSectionManager(deps.db, actor, { participantGroupIds: [groupId] });
  const eligibleTrainerIds = await eligibleTrainers(deps.db, actor.orgId, input.participantGroupIds);
  return run(
    deps,
    trainingId,
    { type: 'AddSection', ...base(trainingId, actor, context), ...input, eligibleTrainerIds },
    context,
  );
}

/** Section-level changes by an admin or a trainer with access to the section's groups. */
export async function changeSection(
  deps: Deps,
  actor: TrainingActor,
  trainingId: string,
  sectionId: string,
  command:
    | ({ type: 'ChangeSectionSettings' } & Input<'ChangeSectionSettings'>)
    | { type: 'AddSectionGroup'; groupId: string }
    | { type: 'RemoveSectionGroup'; groupId: string }
    | { type: 'RemoveSection' }
    | ({ type: 'ScheduleTrainingEvent' } & Input<'ScheduleTrainingEvent'>),
  context: CommandContext,
) {
  const { training } = await loadTrainingFor(deps, actor, trainingId);
  const section = requireSection(training, sectionId);
  await requireSectionManager(deps.db, actor, section);
  if (command.type === 'AddSectionGroup') {
    await requireGroups(deps.db, actor.orgId, [command.groupId]);
    if (actor.role !== 'admin')
      await requireSectionManager(deps.db, actor, { participantGroupIds: [command.groupId] });
  }
  const eligibleTrainerIds = await eligibleTrainers(deps.db, actor.orgId, section.participantGroupIds);
  const full = { ...command, ...base(trainingId, actor, context), sectionId, eligibleTrainerIds };
  return run(deps, trainingId, full as TrainingCommand, context);
}

export async function changeTrainingEvent(
  deps: Deps,
  actor: TrainingActor,
  trainingId: string,
  trainingEventId: string,
  command:
    | ({ type: 'RescheduleTrainingEvent' } & Input<'RescheduleTrainingEvent'>)
    | ({ type: 'ChangeTrainingEventDetails' } & Input<'ChangeTrainingEventDetails'>)
    | ({ type: 'CancelTrainingEvent' } & Input<'CancelTrainingEvent'>),
  context: CommandContext,
) {
  const { training } = await loadTrainingFor(deps, actor, trainingId);
  const { section } = requireTrainingEvent(training, trainingEventId);
  await requireSectionManager(deps.db, actor, section);
  const eligibleTrainerIds = await eligibleTrainers(deps.db, actor.orgId, section.participantGroupIds);
  const full = { ...command, ...base(trainingId, actor, context), trainingEventId, eligibleTrainerIds };
  return run(deps, trainingId, full as TrainingCommand, context);
}

/**
 * Registers a learner: the learner themself (within the period, through a participant group, subject to
 * approval) or, by hand, an admin or a trainer of the section (`learnerId` given).
 */
export async function registerLearner(
  deps: Deps,
  actor: TrainingActor,
  trainingId: string,
  input: { sectionId: string; learnerId: string | null; switchSection: boolean },
  context: CommandContext,
) {
  const { training } = await loadTrainingFor(deps, actor, trainingId);
  const section = requireSection(training, input.sectionId);
  const learnerId = input.learnerId ?? actor.personId;
  const manual = learnerId !== actor.personId;
  if (manual) {
    await requireSectionManager(deps.db, actor, section);
    await requireLearner(deps.db, actor.orgId, learnerId);
  } else if (actor.role !== 'student') {
    throw new ForbiddenError(
      'learners_register_themselves',
      'only learners register themselves; add a learner by id instead',
    );
  }
  const learnerGroupIds = await groupsOf(deps.db, learnerId, 'students');
  const type = input.switchSection ? ('SwitchSection' as const) : ('RegisterLearner' as const);
  const command = {
    type,
    ...base(trainingId, actor, context),
    sectionId: input.sectionId,
    learnerId,
    manual,
    learnerGroupIds,
  };
  return run(deps, trainingId, command, context);
}

/** Deregistration (by the learner or a manager), approval and decline (managers only). */
export async function changeRegistration(
  deps: Deps,
  actor: TrainingActor,
  trainingId: string,
  learnerId: string,
  command:
    | { type: 'DeregisterLearner' }
    | { type: 'ApproveRegistration' }
    | { type: 'DeclineRegistration'; reason: string | null },
  context: CommandContext,
) {
  const { training } = await loadTrainingFor(deps, actor, trainingId);
  const registration = training.registrations[learnerId];
  const self = learnerId === actor.personId;
  if (!(self && command.type === 'DeregisterLearner')) {
    if (!registration) throw new NotFoundError('registration');
    await requireSectionManager(deps.db, actor, requireSection(training, registration.sectionId));
  }
  const full = { ...command, ...base(trainingId, actor, context), learnerId, manual: !self };
  return run(deps, trainingId, full as TrainingCommand, context);
}

/** A learner marks their own attendance (unconfirmed); a trainer or admin marks anyone's or confirms. */
export async function takeAttendance(
  deps: Deps,
  actor: TrainingActor,
  trainingId: string,
  trainingEventId: string,
  input:
    | { type: 'RecordAttendance'; learnerId: string | null; attended: boolean }
    | { type: 'ConfirmAttendance'; marks: { learnerId: string; attended: boolean }[] },
  context: CommandContext,
) {
  const { training } = await loadTrainingFor(deps, actor, trainingId);
  const { section } = requireTrainingEvent(training, trainingEventId);
  const b = { ...base(trainingId, actor, context), trainingEventId };
  if (input.type === 'ConfirmAttendance') {
    await requireSectionManager(deps.db, actor, section);
    return run(
      deps,
      trainingId,
      { type: 'ConfirmAttendance', ...b, by: actor.personId, marks: input.marks },
      context,
    );
  }
  const learnerId = input.learnerId ?? actor.personId;
  const self = learnerId === actor.personId;
  if (!self) await requireSectionManager(deps.db, actor, section);
  else if (actor.role !== 'student')
    throw new ForbiddenError('learner_required', 'name the learner whose attendance you record');
  const source = self ? ('self' as const) : ('trainer' as const);
  return run(
    deps,
    trainingId,
    { type: 'RecordAttendance', ...b, learnerId, attended: input.attended, source },
    context,
  );
}

async function requireGroups(db: Db, orgId: string, groupIds: string[]) {
  if (groupIds.length === 0) return;
  const rows = await db
    .selectFrom('student_groups')
    .select('id')
    .where('org_id', '=', orgId)
    .where('kind', '=', 'students')
    .where('id', 'in', groupIds)
    .execute();
  const missing = groupIds.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length > 0)
    throw new NotFoundError('participant_group', `participant group not found: ${missing.join(', ')}`, {
      ids: missing,
    });
}

async function requireLearner(db: Db, orgId: string, learnerId: string) {
  const person = await db
    .selectFrom('people')
    .select('id')
    .where('id', '=', learnerId)
    .where('org_id', '=', orgId)
    .where('role', '=', 'student')
    .where('active', '=', true)
    .executeTakeFirst();
  if (!person) throw new NotFoundError('learner');
}
