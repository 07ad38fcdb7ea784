// Decider specs for a training's shape: sections, their groups and trainers, and ordered training events
// (trainings: their structure and who may manage them).
import { suite } from 'uvu';
import { spec } from '../support/decider.js';
import { trainingDecider } from '../../domain/training/decider.js';
import { NotFoundError, RuleViolation } from '../../domain/shared/errors.js';
import type { TrainingDomainEvent } from '../../domain/training/events.js';
import {
  at,
  created,
  details,
  E1,
  E2,
  E3,
  G1,
  G2,
  L,
  NOW,
  newEvent,
  OUTSIDER_TRAINER,
  published,
  ready,
  register,
  registered,
  S1,
  S2,
  scheduled,
  sectionAdded,
  settings,
  T,
  TRAINER,
} from './trainingFixture.js';

const training = spec(trainingDecider);
const base = { trainingId: T, now: NOW, by: 'admin-1' };
const addSection = (sectionId: string, events: ReturnType<typeof newEvent>[], extra = {}) => ({
  type: 'AddSection' as const,
  ...base,
  sectionId,
  settings: settings(),
  participantGroupIds: [G1],
  trainingEvents: events,
  eligibleTrainerIds: [TRAINER],
  ...extra,
});
const scheduleEvent = (trainingEventId: string, day: number, extra = {}) => ({
  type: 'ScheduleTrainingEvent' as const,
  ...base,
  sectionId: S1,
  trainingEvent: { ...newEvent(trainingEventId, day), ...extra },
  eligibleTrainerIds: [TRAINER],
});

const test = suite('a training and its sections');

test('an admin creates a training; it cannot be created twice', () => {
  const create = {
    type: 'CreateTraining' as const,
    ...base,
    orgId: 'org',
    name: 'Sales 101',
    description: 'd',
    imageUrl: null,
  };
  training
    .given([])
    .when(create)
    .then([
      {
        type: 'TrainingCreated',
        data: { trainingId: T, orgId: 'org', name: 'Sales 101', description: 'd', imageUrl: null },
      },
    ]);
  training.given([created]).when(create).thenThrows(RuleViolation, 'training_exists');
});

test('a training can contain more than one section, each with one or more events', () => {
  training
    .given([created, published, sectionAdded(S1), scheduled(E1, 5)])
    .when(addSection(S2, [newEvent(E2, 5), newEvent(E3, 6)]))
    .then([
      {
        type: 'SectionAdded',
        data: { trainingId: T, sectionId: S2, ...settings(), participantGroupIds: [G1] },
      },
      { type: 'TrainingEventScheduled', data: { trainingId: T, sectionId: S2, ...newEvent(E2, 5) } },
      { type: 'TrainingEventScheduled', data: { trainingId: T, sectionId: S2, ...newEvent(E3, 6) } },
    ]);
});

test('a section needs a participant group and a registration period that closes after it opens', () => {
  training
    .given([created])
    .when(addSection(S1, [], { participantGroupIds: [] }))
    .thenThrows(RuleViolation, 'no_participant_groups');
  training
    .given([created])
    .when(addSection(S1, [], { settings: settings({ registrationCloses: '2026-11-19T00:00:00.000Z' }) }))
    .thenThrows(RuleViolation, 'invalid_registration_period');
});

const test2 = suite('events must be scheduled in order');

test2('a new event starts after the previous one ends', () => {
  training
    .given(ready())
    .when(scheduleEvent(E3, 7))
    .then([scheduled(E3, 7)]);
  training.given(ready()).when(scheduleEvent(E3, 4)).thenThrows(RuleViolation, 'events_out_of_order');
  training
    .given(ready())
    .when(scheduleEvent(E3, 6, { start: at(6, 11), end: at(6, 13) }))
    .thenThrows(RuleViolation, 'events_out_of_order');
});

test2('events given with a new section keep their order too', () => {
  training
    .given([created])
    .when(addSection(S1, [newEvent(E2, 6), newEvent(E1, 5)]))
    .thenThrows(RuleViolation, 'events_out_of_order');
});

test2('rescheduling keeps the order: between the previous event’s end and the next one’s start', () => {
  const move = (id: string, start: string, end: string) => ({
    type: 'RescheduleTrainingEvent' as const,
    ...base,
    trainingEventId: id,
    start,
    end,
    timeZone: 'America/New_York',
  });
  training
    .given(ready())
    .when(move(E1, at(6, 10), at(6, 11)))
    .thenThrows(RuleViolation, 'events_out_of_order');
  training
    .given(ready())
    .when(move(E2, at(5, 11), at(5, 13)))
    .thenThrows(RuleViolation, 'events_out_of_order');
  training
    .given(ready())
    .when(move(E1, at(4), at(4, 12)))
    .then([
      {
        type: 'TrainingEventRescheduled',
        data: {
          trainingId: T,
          sectionId: S1,
          trainingEventId: E1,
          start: at(4),
          end: at(4, 12),
          timeZone: 'America/New_York',
        },
      },
    ]);
});

test2('an event ends after it starts, is not in the past, and an in-person event has a location', () => {
  training
    .given(ready())
    .when(scheduleEvent(E3, 7, { end: at(7, 8) }))
    .thenThrows(RuleViolation, 'invalid_timing');
  training
    .given(ready())
    .when(scheduleEvent(E3, 7, { start: '2026-11-01T09:00:00.000Z', end: '2026-11-01T10:00:00.000Z' }))
    .thenThrows(RuleViolation, 'start_in_past');
  training
    .given(ready())
    .when(scheduleEvent(E3, 7, { format: 'in-person', link: null }))
    .thenThrows(RuleViolation, 'location_required');
});

const test3 = suite('trainers come from a trainer group with access to the participant group');

test3('a section’s trainers and an event’s trainer must be eligible', () => {
  training
    .given([created])
    .when(addSection(S1, [], { settings: settings({ trainerIds: [OUTSIDER_TRAINER] }) }))
    .thenThrows(RuleViolation, 'trainer_not_eligible');
  training
    .given(ready())
    .when(scheduleEvent(E3, 7, { trainerId: OUTSIDER_TRAINER }))
    .thenThrows(RuleViolation, 'trainer_not_eligible');
  training
    .given(ready())
    .when({
      type: 'ChangeTrainingEventDetails',
      ...base,
      trainingEventId: E1,
      details: { ...details, trainerId: OUTSIDER_TRAINER },
      eligibleTrainerIds: [TRAINER],
    })
    .thenThrows(RuleViolation, 'trainer_not_eligible');
});

const test4 = suite('once a section has registrations its original groups are locked in');

const removeGroup = (groupId: string) => ({
  type: 'RemoveSectionGroup' as const,
  ...base,
  sectionId: S1,
  groupId,
});
const addGroup = (groupId: string) => ({ type: 'AddSectionGroup' as const, ...base, sectionId: S1, groupId });

test4('before any registration a group can be removed (but not the last one)', () => {
  training
    .given([...ready(), { type: 'SectionGroupAdded', data: { trainingId: T, sectionId: S1, groupId: G2 } }])
    .when(removeGroup(G1))
    .then([{ type: 'SectionGroupRemoved', data: { trainingId: T, sectionId: S1, groupId: G1 } }]);
  training.given(ready()).when(removeGroup(G1)).thenThrows(RuleViolation, 'no_participant_groups');
});

test4(
  'after a registration the original group stays, even when the learner left; more groups can be added',
  () => {
    const deregistered = {
      type: 'LearnerDeregistered' as const,
      data: {
        trainingId: T,
        sectionId: S1,
        learnerId: L[0],
        by: L[0],
        from: 'registered' as const,
        reason: 'self' as const,
      },
    };
    training
      .given([...ready(), registered(L[0])])
      .when(removeGroup(G1))
      .thenThrows(RuleViolation, 'group_locked');
    training
      .given([...ready(), registered(L[0]), deregistered])
      .when(removeGroup(G1))
      .thenThrows(RuleViolation, 'group_locked');
    training
      .given([...ready(), registered(L[0])])
      .when(addGroup(G2))
      .then([{ type: 'SectionGroupAdded', data: { trainingId: T, sectionId: S1, groupId: G2 } }]);
    training
      .given([
        ...ready(),
        registered(L[0]),
        { type: 'SectionGroupAdded', data: { trainingId: T, sectionId: S1, groupId: G2 } },
      ])
      .when(removeGroup(G2))
      .then([{ type: 'SectionGroupRemoved', data: { trainingId: T, sectionId: S1, groupId: G2 } }]);
  },
);

test4('a section that had registrations cannot be removed', () => {
  training
    .given([...ready(), registered(L[0])])
    .when({ type: 'RemoveSection', ...base, sectionId: S1 })
    .thenThrows(RuleViolation, 'section_has_registrations');
  training
    .given(ready())
    .when({ type: 'RemoveSection', ...base, sectionId: S1 })
    .then([{ type: 'SectionRemoved', data: { trainingId: T, sectionId: S1 } }]);
});

test4('the last event of a section with learners cannot be canceled; another can', () => {
  const cancel = (trainingEventId: string) => ({
    type: 'CancelTrainingEvent' as const,
    ...base,
    trainingEventId,
    reason: 'ill',
  });
  const canceledE1: TrainingDomainEvent = {
    type: 'TrainingEventCanceled',
    data: { trainingId: T, sectionId: S1, trainingEventId: E1, reason: 'ill' },
  };
  training
    .given([...ready(), registered(L[0])])
    .when(cancel(E1))
    .then([canceledE1]);
  training
    .given([...ready(), registered(L[0]), canceledE1])
    .when(cancel(E2))
    .thenThrows(RuleViolation, 'last_training_event');
});

test4('commands on a training that does not exist are not found', () => {
  training.given([]).when(register(L[0])).thenThrows(NotFoundError);
  training.given([created]).when(register(L[0], S2)).thenThrows(NotFoundError);
});

test.run();
test2.run();
test3.run();
test4.run();
