// Decider specs for attendance and completion: a learner completes the training once every event of their
// section is attended, and confirmed by a trainer or admin where the section requires it (trainings).
import { suite } from 'uvu';
import { spec } from '../support/decider.js';
import { trainingDecider } from '../../domain/training/decider.js';
import { RuleViolation } from '../../domain/shared/errors.js';
import type { TrainingDomainEvent } from '../../domain/training/events.js';
import { at, E1, E2, E3, L, newEvent, ready, registered, S1, T, TRAINER } from './trainingFixture.js';

const training = spec(trainingDecider);
const AFTER = at(7);
const mark = (
  trainingEventId: string,
  learnerId: string,
  attended = true,
  source: 'trainer' | 'self' = 'trainer',
) => ({
  type: 'RecordAttendance' as const,
  trainingId: T,
  now: AFTER,
  by: source === 'self' ? learnerId : TRAINER,
  trainingEventId,
  learnerId,
  attended,
  source,
});
const recorded = (
  trainingEventId: string,
  learnerId: string,
  attended = true,
  source: 'trainer' | 'self' = 'trainer',
): TrainingDomainEvent => ({
  type: 'AttendanceRecorded',
  data: {
    trainingId: T,
    sectionId: S1,
    trainingEventId,
    learnerId,
    attended,
    by: source === 'self' ? learnerId : TRAINER,
    source,
  },
});
const confirm = (trainingEventId: string, marks: { learnerId: string; attended: boolean }[]) => ({
  type: 'ConfirmAttendance' as const,
  trainingId: T,
  now: AFTER,
  by: TRAINER,
  trainingEventId,
  marks,
});
const confirmed = (
  trainingEventId: string,
  marks: { learnerId: string; attended: boolean }[],
): TrainingDomainEvent => ({
  type: 'AttendanceConfirmed',
  data: { trainingId: T, sectionId: S1, trainingEventId, by: TRAINER, marks },
});
const completed = (learnerId: string): TrainingDomainEvent => ({
  type: 'TrainingCompleted',
  data: { trainingId: T, sectionId: S1, learnerId },
});
const revoked = (learnerId: string): TrainingDomainEvent => ({
  type: 'TrainingCompletionRevoked',
  data: { trainingId: T, sectionId: S1, learnerId },
});

const test = suite('completion needs every event of the section attended');

test('one event attended is progress, not completion; the last one completes', () => {
  training
    .given([...ready(), registered(L[0])])
    .when(mark(E1, L[0]))
    .then([recorded(E1, L[0])]);
  training
    .given([...ready(), registered(L[0]), recorded(E1, L[0])])
    .when(mark(E2, L[0]))
    .then([recorded(E2, L[0]), completed(L[0])]);
});

test('a missed event means no completion; changing a mark to absent revokes it', () => {
  training
    .given([...ready(), registered(L[0]), recorded(E1, L[0])])
    .when(mark(E2, L[0], false))
    .then([recorded(E2, L[0], false)]);
  training
    .given([...ready(), registered(L[0]), recorded(E1, L[0]), recorded(E2, L[0]), completed(L[0])])
    .when(mark(E2, L[0], false))
    .then([recorded(E2, L[0], false), revoked(L[0])]);
});

test('an event added later must be attended too: learners are registered for all events of their section', () => {
  training
    .given([...ready(), registered(L[0]), recorded(E1, L[0]), recorded(E2, L[0]), completed(L[0])])
    .when({
      type: 'ScheduleTrainingEvent',
      trainingId: T,
      now: '2026-11-23T08:00:00.000Z',
      by: TRAINER,
      sectionId: S1,
      trainingEvent: newEvent(E3, 9),
      eligibleTrainerIds: [TRAINER],
    })
    .then([
      { type: 'TrainingEventScheduled', data: { trainingId: T, sectionId: S1, ...newEvent(E3, 9) } },
      revoked(L[0]),
    ]);
});

test('attendance is taken for registered learners of the section, once the event has started', () => {
  training.given(ready()).when(mark(E1, L[0])).thenThrows(RuleViolation, 'learner_not_registered');
  training
    .given([...ready(), registered(L[0])])
    .when({ ...mark(E1, L[0]), now: at(5, 8) })
    .thenThrows(RuleViolation, 'training_event_not_started');
});

const test2 = suite('attendance to be confirmed by host');

const hosted = [...ready({ attendanceConfirmationRequired: true }), registered(L[0]), registered(L[1])];

test2('marks alone do not complete; the trainer’s confirmation does', () => {
  training
    .given(hosted)
    .when(mark(E1, L[0], true, 'self'))
    .then([recorded(E1, L[0], true, 'self')]);
  training
    .given([...hosted, recorded(E1, L[0], true, 'self')])
    .when(mark(E2, L[0], true, 'self'))
    .then([recorded(E2, L[0], true, 'self')]);
  training
    .given([
      ...hosted,
      recorded(E1, L[0], true, 'self'),
      recorded(E2, L[0], true, 'self'),
      confirmed(E1, [{ learnerId: L[0], attended: true }]),
    ])
    .when(
      confirm(E2, [
        { learnerId: L[0], attended: true },
        { learnerId: L[1], attended: false },
      ]),
    )
    .then([
      confirmed(E2, [
        { learnerId: L[0], attended: true },
        { learnerId: L[1], attended: false },
      ]),
      completed(L[0]),
    ]);
});

test2('a confirmed mark cannot be changed by the learner; the trainer can', () => {
  const given = [...hosted, confirmed(E1, [{ learnerId: L[0], attended: false }])];
  training
    .given(given)
    .when(mark(E1, L[0], true, 'self'))
    .thenThrows(RuleViolation, 'attendance_confirmed');
  training
    .given(given)
    .when(mark(E1, L[0], true))
    .then([recorded(E1, L[0], true)]);
});

test2('only registered learners can be confirmed', () => {
  training
    .given(hosted)
    .when(confirm(E1, [{ learnerId: L[2], attended: true }]))
    .thenThrows(RuleViolation, 'learner_not_registered');
});

test.run();
test2.run();
