// The decider of a training: routes each command to its rules, then adds the completion facts that follow.
import { RuleViolation } from '../shared/errors.js';
import type { Decider } from '../shared/decider.js';
import type { TrainingCommand } from './commands.js';
import type { TrainingDomainEvent } from './events.js';
import { evolve, initialState, type TrainingState } from './state.js';
import { requireTraining, type Created } from './guards.js';
import * as shape from './schedule.js';
import * as seats from './registration.js';
import { completionChanges, confirmAttendance, recordAttendance } from './attendance.js';

export function decide(command: TrainingCommand, state: TrainingState): TrainingDomainEvent[] {
  if (command.type === 'CreateTraining') return shape.createTraining(command, state);
  requireTraining(state);
  const events = decideFor(command, state);
  if (!affectsCompletion(command) || events.length === 0) return events;
  const after = events.reduce(evolve, state as TrainingState) as Created;
  return [...events, ...completionChanges(after)];
}

function decideFor(
  c: Exclude<TrainingCommand, { type: 'CreateTraining' }>,
  s: Created,
): TrainingDomainEvent[] {
  const { trainingId } = c;
  switch (c.type) {
    case 'ChangeTrainingDetails': {
      const { name, description, imageUrl } = c;
      if (name === s.name && description === s.description && imageUrl === s.imageUrl) return [];
      return [{ type: 'TrainingDetailsChanged', data: { trainingId, name, description, imageUrl } }];
    }
    case 'PublishTraining':
      return s.published ? [] : [{ type: 'TrainingPublished', data: { trainingId } }];
    case 'UnpublishTraining':
      if (!s.published) return [];
      if (Object.keys(s.registrations).length > 0)
        throw new RuleViolation(
          'training_has_registrations',
          'a training with registered learners stays published',
        );
      return [{ type: 'TrainingUnpublished', data: { trainingId } }];
    case 'AddSection':
      return shape.addSection(c, s);
    case 'ChangeSectionSettings':
      return shape.changeSectionSettings(c, s);
    case 'AddSectionGroup':
      return shape.addSectionGroup(c, s);
    case 'RemoveSectionGroup':
      return shape.removeSectionGroup(c, s);
    case 'RemoveSection':
      return shape.removeSection(c, s);
    case 'ScheduleTrainingEvent':
      return shape.scheduleTrainingEvent(c, s);
    case 'RescheduleTrainingEvent':
      return shape.rescheduleTrainingEvent(c, s);
    case 'ChangeTrainingEventDetails':
      return shape.changeTrainingEventDetails(c, s);
    case 'CancelTrainingEvent':
      return shape.cancelTrainingEvent(c, s);
    case 'RegisterLearner':
      return seats.registerLearner(c, s);
    case 'SwitchSection':
      return seats.switchSection(c, s);
    case 'DeregisterLearner':
      return seats.deregisterLearner(c, s);
    case 'ApproveRegistration':
      return seats.approveRegistration(c, s);
    case 'DeclineRegistration':
      return seats.declineRegistration(c, s);
    case 'RecordAttendance':
      return recordAttendance(c, s);
    case 'ConfirmAttendance':
      return confirmAttendance(c, s);
    default: {
      const _exhaustive: never = c;
      throw new Error('unknown command');
    }
  }
}

/** Commands after which a learner may have completed, or no longer have. */
const affectsCompletion = (c: TrainingCommand) =>
  [
    'RecordAttendance',
    'ConfirmAttendance',
    'ScheduleTrainingEvent',
    'CancelTrainingEvent',
    'DeregisterLearner',
    'SwitchSection',
    'ChangeSectionSettings',
  ].includes(c.type);

export const trainingDecider: Decider<TrainingCommand, TrainingDomainEvent, TrainingState> = {
  decide,
  evolve,
  initialState,
};
