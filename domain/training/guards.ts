// Small checks shared by the training rules. Each throws a typed error with a stable code.
import { NotFoundError, RuleViolation } from '../shared/errors.js';
import type { SectionSettings } from './events.js';
import type { NewTrainingEvent } from './commands.js';
import type { SectionState, Training, TrainingState } from './state.js';
import { findTrainingEvent } from './state.js';

export type Created = Extract<TrainingState, { status: 'created' }>;

export function requireTraining(state: TrainingState): asserts state is Created {
  if (state.status === 'none') throw new NotFoundError('training');
}

export function requireSection(s: Training, sectionId: string): SectionState {
  const section = s.sections[sectionId];
  if (!section) throw new NotFoundError('section');
  return section;
}

export function requireTrainingEvent(s: Training, trainingEventId: string) {
  const found = findTrainingEvent(s, trainingEventId);
  if (!found) throw new NotFoundError('training_event');
  return found;
}

export function requireValidSettings(settings: SectionSettings, eligibleTrainerIds: string[]) {
  if (Date.parse(settings.registrationCloses) <= Date.parse(settings.registrationOpens))
    throw new RuleViolation('invalid_registration_period', 'registration must close after it opens');
  requireEligibleTrainers(settings.trainerIds, eligibleTrainerIds);
}

/** Only users in a trainer group with access to the participant group can be assigned as trainers. */
export function requireEligibleTrainers(trainerIds: string[], eligibleTrainerIds: string[]) {
  const notEligible = trainerIds.filter((id) => !eligibleTrainerIds.includes(id));
  if (notEligible.length > 0)
    throw new RuleViolation(
      'trainer_not_eligible',
      'a trainer must be in a trainer group with access to one of the section’s participant groups',
      { trainerIds: notEligible },
    );
}

export function requireValidTiming(te: { start: string; end: string }, now: string) {
  if (Date.parse(te.end) <= Date.parse(te.start))
    throw new RuleViolation('invalid_timing', 'a training event must end after it starts');
  if (Date.parse(te.start) < Date.parse(now))
    throw new RuleViolation('start_in_past', 'the start cannot be in the past');
}

export function requirePlace(te: Pick<NewTrainingEvent, 'format' | 'location' | 'link'>) {
  if (te.format === 'in-person' && !te.location)
    throw new RuleViolation('location_required', 'an in-person training event needs a location');
}

/** Each new event must happen after the previous one (it starts after the previous one ends). */
export function requireAfterPrevious(section: SectionState, te: { start: string }) {
  const previous = section.trainingEvents.filter((e) => !e.canceled).at(-1);
  if (previous && Date.parse(te.start) < Date.parse(previous.end))
    throw new RuleViolation(
      'events_out_of_order',
      'the events of a section follow one another: each starts after the previous one ends',
      { previousTrainingEventId: previous.trainingEventId, previousEnd: previous.end },
    );
}

/** Rescheduling keeps the order: after the previous event's end, and ending before the next one starts. */
export function requireOrderKept(
  section: SectionState,
  trainingEventId: string,
  te: { start: string; end: string },
) {
  const others = section.trainingEvents.filter((e) => !e.canceled);
  const index = others.findIndex((e) => e.trainingEventId === trainingEventId);
  const previous = others[index - 1];
  const next = others[index + 1];
  if (
    (previous && Date.parse(te.start) < Date.parse(previous.end)) ||
    (next && Date.parse(te.end) > Date.parse(next.start))
  )
    throw new RuleViolation(
      'events_out_of_order',
      'the events of a section follow one another: each starts after the previous one ends',
    );
}
