// Decider specs for registration: one section per learner, the registration period, capacity, waitlist with
// promotion until the cutoff, approval, switching and registrations by hand.
import { suite } from 'uvu';
import { spec } from '../support/decider.js';
import { trainingDecider } from '../../domain/training/decider.js';
import { NotFoundError, RuleViolation } from '../../domain/shared/errors.js';
import type { TrainingDomainEvent } from '../../domain/training/events.js';
import {
  at,
  created,
  E1,
  L,
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
  waitlisted,
} from './trainingFixture.js';

const training = spec(trainingDecider);
const withSecondSection = [
  ...ready(),
  sectionAdded(S2),
  scheduled('00000000-0000-4000-8000-0000000000d9', 8, S2),
];
const deregister = (learnerId: string, manual = false, now = '2026-11-23T08:00:00.000Z') => ({
  type: 'DeregisterLearner' as const,
  trainingId: T,
  now,
  by: manual ? 'admin-1' : learnerId,
  learnerId,
  manual,
});
const left = (
  learnerId: string,
  from: 'registered' | 'pending' | 'waitlisted' = 'registered',
  reason: 'self' | 'removed' | 'switched' = 'self',
  sectionId = S1,
  by: string | null = learnerId,
): TrainingDomainEvent => ({
  type: 'LearnerDeregistered',
  data: { trainingId: T, sectionId, learnerId, by, from, reason },
});

const test = suite('a learner registers for one section, and so for all its events');

test('registration of a learner in a participant group', () => {
  training
    .given(ready())
    .when(register(L[0]))
    .then([registered(L[0])]);
});

test('a training is just an empty card until its section has an event', () => {
  training
    .given([created, published, sectionAdded(S1)])
    .when(register(L[0]))
    .thenThrows(RuleViolation, 'no_training_events');
  training
    .given([
      created,
      published,
      sectionAdded(S1),
      scheduled(E1, 5),
      {
        type: 'TrainingEventCanceled',
        data: { trainingId: T, sectionId: S1, trainingEventId: E1, reason: '' },
      },
    ])
    .when(register(L[0]))
    .thenThrows(RuleViolation, 'no_training_events');
});

test('an unpublished training, or a section for other groups, cannot be registered for', () => {
  training
    .given([created, sectionAdded(S1), scheduled(E1, 5)])
    .when(register(L[0]))
    .thenThrows(NotFoundError);
  training
    .given(ready())
    .when({ ...register(L[0]), learnerGroupIds: ['another-group'] })
    .thenThrows(RuleViolation, 'not_in_participant_group');
});

test('the registration period holds', () => {
  training
    .given(ready())
    .when(register(L[0], S1, '2026-11-19T23:59:00.000Z'))
    .thenThrows(RuleViolation, 'registration_not_open');
  training
    .given(ready())
    .when(register(L[0], S1, '2026-12-01T00:00:00.000Z'))
    .thenThrows(RuleViolation, 'registration_closed');
});

test('an admin or trainer adds a learner by hand, even after registration closed', () => {
  training
    .given(ready())
    .when({
      ...register(L[0], S1, '2026-12-02T00:00:00.000Z'),
      manual: true,
      by: TRAINER,
      learnerGroupIds: [],
    })
    .then([
      {
        type: 'LearnerRegistered',
        data: { trainingId: T, sectionId: S1, learnerId: L[0], by: TRAINER, via: 'manual' },
      },
    ]);
});

const test2 = suite('a learner can only be in one section of a training at a time');

test2('registering again, or for another section, is refused: deregister first', () => {
  training
    .given([...withSecondSection, registered(L[0])])
    .when(register(L[0]))
    .thenThrows(RuleViolation, 'already_registered');
  training
    .given([...withSecondSection, registered(L[0])])
    .when(register(L[0], S2))
    .thenThrows(RuleViolation, 'registered_in_other_section');
  training
    .given([...withSecondSection, waitlisted(L[0])])
    .when(register(L[0], S2))
    .thenThrows(RuleViolation, 'registered_in_other_section');
  training
    .given([...withSecondSection, registered(L[0]), left(L[0])])
    .when(register(L[0], S2))
    .then([registered(L[0], S2)]);
});

test2(
  'a switch leaves one section and joins the other in one step; the freed seat goes to the first in line',
  () => {
    const full = [...withSecondSection, registered(L[0]), registered(L[1]), waitlisted(L[2])];
    training
      .given(full)
      .when({ ...register(L[0], S2), type: 'SwitchSection' })
      .then([left(L[0], 'registered', 'switched'), registered(L[0], S2), registered(L[2], S1, 'waitlist')]);
  },
);

test2('a switch to a full section is refused and the learner keeps their seat', () => {
  const s2full = [...withSecondSection, registered(L[0]), registered(L[1], S2), registered(L[2], S2)];
  training
    .given(s2full)
    .when({ ...register(L[0], S2), type: 'SwitchSection' })
    .thenThrows(RuleViolation, 'switch_section_full');
});

const test3 = suite('capacity and the waitlist');

test3('a full section waitlists; without a waitlist it refuses', () => {
  training
    .given([...ready(), registered(L[0]), registered(L[1])])
    .when(register(L[2]))
    .then([waitlisted(L[2])]);
  training
    .given([...ready({ waitlistEnabled: false }), registered(L[0]), registered(L[1])])
    .when(register(L[2]))
    .thenThrows(RuleViolation, 'section_full');
});

test3('a freed seat promotes the first on the waitlist', () => {
  training
    .given([...ready(), registered(L[0]), registered(L[1]), waitlisted(L[2]), waitlisted(L[3])])
    .when(deregister(L[1]))
    .then([left(L[1]), registered(L[2], S1, 'waitlist')]);
});

test3('after the cutoff no one is promoted, and no one joins the waitlist', () => {
  const cutoff = ready({ waitlistCutoffMinutes: 60 * 24 * 3 }); // 3 days before Dec 5 09:00 = Dec 2 09:00
  training
    .given([...cutoff, registered(L[0]), registered(L[1]), waitlisted(L[2])])
    .when(deregister(L[1], true, '2026-12-03T00:00:00.000Z'))
    .then([left(L[1], 'registered', 'removed', S1, 'admin-1')]);
  training
    .given([...cutoff, registered(L[0]), registered(L[1])])
    .when({ ...register(L[2], S1, '2026-12-03T00:00:00.000Z'), manual: true })
    .thenThrows(RuleViolation, 'section_full');
});

test3('more seats promote as many as they free; capacity cannot drop below the seats taken', () => {
  const change = (capacity: number) => ({
    type: 'ChangeSectionSettings' as const,
    trainingId: T,
    now: '2026-11-23T08:00:00.000Z',
    by: 'admin-1',
    sectionId: S1,
    settings: settings({ capacity }),
    eligibleTrainerIds: [TRAINER],
  });
  const given = [...ready(), registered(L[0]), registered(L[1]), waitlisted(L[2]), waitlisted(L[3])];
  training.given(given).when(change(1)).thenThrows(RuleViolation, 'capacity_below_seats_taken');
  training
    .given(given)
    .when(change(4))
    .then([
      {
        type: 'SectionSettingsChanged',
        data: { trainingId: T, sectionId: S1, ...settings({ capacity: 4 }) },
      },
      registered(L[2], S1, 'waitlist'),
      registered(L[3], S1, 'waitlist'),
    ]);
});

test3('a learner cannot leave on their own once the section has started; an admin can remove them', () => {
  training
    .given([...ready(), registered(L[0])])
    .when(deregister(L[0], false, at(5, 10)))
    .thenThrows(RuleViolation, 'section_started');
  training
    .given([...ready(), registered(L[0])])
    .when(deregister(L[0], true, at(5, 10)))
    .then([left(L[0], 'registered', 'removed', S1, 'admin-1')]);
});

const test4 = suite('approval: pending, approved, declined, and capacity still holds');

const pending = (learnerId: string, via: 'self' | 'waitlist' = 'self'): TrainingDomainEvent => ({
  type: 'LearnerRegistrationRequested',
  data: { trainingId: T, sectionId: S1, learnerId, by: via === 'self' ? learnerId : null, via },
});
const decide = (type: 'ApproveRegistration' | 'DeclineRegistration', learnerId: string) => ({
  type,
  trainingId: T,
  now: '2026-11-23T08:00:00.000Z',
  by: TRAINER,
  learnerId,
  reason: null,
});

test4('a request is pending and holds a seat; a full section waitlists further requests', () => {
  const approval = ready({ approvalRequired: true });
  training
    .given(approval)
    .when(register(L[0]))
    .then([pending(L[0])]);
  training
    .given([...approval, pending(L[0]), pending(L[1])])
    .when(register(L[2]))
    .then([waitlisted(L[2])]);
});

test4('approved is registered; declined frees the seat for the first in line, who awaits approval', () => {
  const approval = [...ready({ approvalRequired: true }), pending(L[0]), pending(L[1]), waitlisted(L[2])];
  training
    .given(approval)
    .when(decide('ApproveRegistration', L[0]))
    .then([
      { type: 'RegistrationApproved', data: { trainingId: T, sectionId: S1, learnerId: L[0], by: TRAINER } },
    ]);
  training
    .given(approval)
    .when(decide('DeclineRegistration', L[1]))
    .then([
      {
        type: 'RegistrationDeclined',
        data: { trainingId: T, sectionId: S1, learnerId: L[1], by: TRAINER, reason: null },
      },
      pending(L[2], 'waitlist'),
    ]);
  training.given(approval).when(decide('ApproveRegistration', L[2])).thenThrows(RuleViolation, 'not_pending');
});

test.run();
test2.run();
test3.run();
test4.run();
