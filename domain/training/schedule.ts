// The rules of a training's shape: the training card, its sections (groups, settings) and their events.
import { RuleViolation } from '../shared/errors.js';
import type { TrainingDomainEvent as E } from './events.js';
import type {
  AddSection,
  AddSectionGroup,
  CancelTrainingEvent,
  ChangeSectionSettings,
  ChangeTrainingEventDetails,
  CreateTraining,
  NewTrainingEvent,
  RemoveSection,
  RemoveSectionGroup,
  RescheduleTrainingEvent,
  ScheduleTrainingEvent,
} from './commands.js';
import { evolve, seatsTaken, type SectionState, type TrainingState } from './state.js';
import {
  requireAfterPrevious,
  requireEligibleTrainers,
  requireOrderKept,
  requirePlace,
  requireSection,
  requireTrainingEvent,
  requireValidSettings,
  requireValidTiming,
  type Created,
} from './guards.js';
import { promotions } from './registration.js';

export function createTraining(c: CreateTraining, state: TrainingState): E[] {
  if (state.status !== 'none') throw new RuleViolation('training_exists', 'this training already exists');
  const { trainingId, orgId, name, description, imageUrl } = c;
  return [{ type: 'TrainingCreated', data: { trainingId, orgId, name, description, imageUrl } }];
}

export function addSection(c: AddSection, s: Created): E[] {
  if (s.sections[c.sectionId]) throw new RuleViolation('section_exists', 'this section already exists');
  if (c.participantGroupIds.length === 0)
    throw new RuleViolation('no_participant_groups', 'a section needs at least one participant group');
  requireValidSettings(c.settings, c.eligibleTrainerIds);
  if (c.trainingEvents.length === 0)
    throw new RuleViolation('section_needs_events', 'a section needs at least one event');
  const { trainingId, sectionId } = c;
  const events: E[] = [
    {
      type: 'SectionAdded',
      data: {
        trainingId,
        sectionId,
        ...c.settings,
        participantGroupIds: [...new Set(c.participantGroupIds)],
      },
    },
  ];
  let state: TrainingState = evolve(s, events[0]!);
  for (const te of c.trainingEvents) {
    const next = scheduleIn(requireSection(state as Created, sectionId), c, te, c.eligibleTrainerIds);
    events.push(next);
    state = evolve(state, next);
  }
  return events;
}

export function changeSectionSettings(c: ChangeSectionSettings, s: Created): E[] {
  requireSection(s, c.sectionId); // throws when there is no such section
  requireValidSettings(c.settings, c.eligibleTrainerIds);
  const taken = seatsTaken(s, c.sectionId);
  if (c.settings.capacity < taken)
    throw new RuleViolation(
      'capacity_below_seats_taken',
      'capacity cannot be lower than the seats already taken',
      {
        seatsTaken: taken,
      },
    );
  const changed = { trainingId: c.trainingId, sectionId: c.sectionId, ...c.settings };
  const event: E = { type: 'SectionSettingsChanged', data: changed };
  // More seats, or the waitlist switched on, may let the first in line in.
  return [event, ...promotions(evolve(s, event) as Created, c.sectionId, c.now)];
}

export function addSectionGroup(c: AddSectionGroup, s: Created): E[] {
  const section = requireSection(s, c.sectionId);
  if (section.participantGroupIds.includes(c.groupId)) return [];
  return [
    {
      type: 'SectionGroupAdded',
      data: { trainingId: c.trainingId, sectionId: c.sectionId, groupId: c.groupId },
    },
  ];
}

/** Once a section has registered participants, its original groups are locked in. */
export function removeSectionGroup(c: RemoveSectionGroup, s: Created): E[] {
  const section = requireSection(s, c.sectionId);
  if (!section.participantGroupIds.includes(c.groupId)) return [];
  if (section.lockedGroupIds.includes(c.groupId))
    throw new RuleViolation(
      'group_locked',
      'this group was in the section when learners registered and cannot be removed; you can add more groups',
    );
  if (section.participantGroupIds.length === 1)
    throw new RuleViolation('no_participant_groups', 'a section needs at least one participant group');
  return [
    {
      type: 'SectionGroupRemoved',
      data: { trainingId: c.trainingId, sectionId: c.sectionId, groupId: c.groupId },
    },
  ];
}

export function removeSection(c: RemoveSection, s: Created): E[] {
  const section = requireSection(s, c.sectionId);
  if (section.lockedGroupIds.length > 0)
    throw new RuleViolation(
      'section_has_registrations',
      'a section that has had registrations cannot be removed',
    );
  return [{ type: 'SectionRemoved', data: { trainingId: c.trainingId, sectionId: c.sectionId } }];
}

export function scheduleTrainingEvent(c: ScheduleTrainingEvent, s: Created): E[] {
  const section = requireSection(s, c.sectionId);
  if (requireTrainingEventAbsent(s, c.trainingEvent.trainingEventId))
    throw new RuleViolation('training_event_exists', 'this training event already exists');
  return [scheduleIn(section, c, c.trainingEvent, c.eligibleTrainerIds)];
}

function requireTrainingEventAbsent(s: Created, trainingEventId: string) {
  return Object.values(s.sections).some((sec) =>
    sec.trainingEvents.some((e) => e.trainingEventId === trainingEventId),
  );
}

function scheduleIn(
  section: SectionState,
  c: { trainingId: string; now: string },
  te: NewTrainingEvent,
  eligibleTrainerIds: string[],
): E {
  requireValidTiming(te, c.now);
  requirePlace(te);
  requireEligibleTrainers([te.trainerId], eligibleTrainerIds);
  requireAfterPrevious(section, te);
  return {
    type: 'TrainingEventScheduled',
    data: { trainingId: c.trainingId, sectionId: section.sectionId, ...te },
  };
}

export function rescheduleTrainingEvent(c: RescheduleTrainingEvent, s: Created): E[] {
  const { section, trainingEvent } = requireTrainingEvent(s, c.trainingEventId);
  if (trainingEvent.canceled)
    throw new RuleViolation('training_event_canceled', 'this training event was canceled');
  if (trainingEvent.start === c.start && trainingEvent.end === c.end && trainingEvent.timeZone === c.timeZone)
    return [];
  requireValidTiming(c, c.now);
  requireOrderKept(section, c.trainingEventId, c);
  const { trainingId, trainingEventId, start, end, timeZone } = c;
  return [
    {
      type: 'TrainingEventRescheduled',
      data: { trainingId, sectionId: section.sectionId, trainingEventId, start, end, timeZone },
    },
  ];
}

export function changeTrainingEventDetails(c: ChangeTrainingEventDetails, s: Created): E[] {
  const { section, trainingEvent } = requireTrainingEvent(s, c.trainingEventId);
  if (trainingEvent.canceled)
    throw new RuleViolation('training_event_canceled', 'this training event was canceled');
  requirePlace(c.details);
  if (c.details.trainerId !== trainingEvent.trainerId)
    requireEligibleTrainers([c.details.trainerId], c.eligibleTrainerIds);
  const { trainingId, trainingEventId } = c;
  return [
    {
      type: 'TrainingEventDetailsChanged',
      data: { trainingId, sectionId: section.sectionId, trainingEventId, ...c.details },
    },
  ];
}

export function cancelTrainingEvent(c: CancelTrainingEvent, s: Created): E[] {
  const { section, trainingEvent } = requireTrainingEvent(s, c.trainingEventId);
  if (trainingEvent.canceled) return [];
  const remaining = section.trainingEvents.filter((e) => !e.canceled);
  if (remaining.length === 1 && section.lockedGroupIds.length > 0 && seatsTaken(s, section.sectionId) > 0)
    throw new RuleViolation(
      'last_training_event',
      'the last event of a section with registered learners cannot be canceled; add another event first',
    );
  const { trainingId, trainingEventId, reason } = c;
  return [
    {
      type: 'TrainingEventCanceled',
      data: { trainingId, sectionId: section.sectionId, trainingEventId, reason },
    },
  ];
}
