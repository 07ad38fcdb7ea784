// Decider specs for saving a training section: it needs at least one event, and no event is decided for a
// section refused so.
import { suite } from 'uvu';
import { spec } from '../support/decider.js';
import { trainingDecider } from '../../domain/training/decider.js';
import { RuleViolation } from '../../domain/shared/errors.js';
import { created, E1, G1, newEvent, NOW, published, S1, settings, T, TRAINER } from './trainingFixture.js';

const training = spec(trainingDecider);
const addSection = (events: ReturnType<typeof newEvent>[]) => ({
  type: 'AddSection' as const,
  trainingId: T,
  now: NOW,
  by: 'admin-1',
  sectionId: S1,
  settings: settings(),
  participantGroupIds: [G1],
  trainingEvents: events,
  eligibleTrainerIds: [TRAINER],
});

const test = suite('a training section is saved with its events');

test('a section without events is refused: a section needs at least one event', () => {
  training.given([created, published]).when(addSection([])).thenThrows(RuleViolation, 'section_needs_events');
});

test('with one event the section and its event are added together', () => {
  training
    .given([created, published])
    .when(addSection([newEvent(E1, 5)]))
    .then([
      {
        type: 'SectionAdded',
        data: { trainingId: T, sectionId: S1, ...settings(), participantGroupIds: [G1] },
      },
      { type: 'TrainingEventScheduled', data: { trainingId: T, sectionId: S1, ...newEvent(E1, 5) } },
    ]);
});

test.run();
