// Facts and commands for the training decider specs: a published training with one section of two events.
import type { TrainingDomainEvent } from '../../domain/training/events.js';
import type { SectionSettings } from '../../domain/training/events.js';

export const T = '00000000-0000-4000-8000-0000000000a1';
export const ORG = '00000000-0000-4000-8000-0000000000b1';
export const S1 = '00000000-0000-4000-8000-0000000000c1';
export const S2 = '00000000-0000-4000-8000-0000000000c2';
export const E1 = '00000000-0000-4000-8000-0000000000d1';
export const E2 = '00000000-0000-4000-8000-0000000000d2';
export const E3 = '00000000-0000-4000-8000-0000000000d3';
export const G1 = 'group-sales';
export const G2 = 'group-support';
export const TRAINER = 'trainer-1';
export const OUTSIDER_TRAINER = 'trainer-2';
export const ADMIN = 'admin-1';
export const L = ['learner-1', 'learner-2', 'learner-3', 'learner-4'] as const;
export const NOW = '2026-11-23T08:00:00.000Z';
export const at = (d: number, h = 9) =>
  `2026-12-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00.000Z`;

export const settings = (extra: Partial<SectionSettings> = {}): SectionSettings => ({
  name: 'Morning group',
  registrationOpens: '2026-11-20T00:00:00.000Z',
  registrationCloses: '2026-12-01T00:00:00.000Z',
  capacity: 2,
  trainerIds: [TRAINER],
  attendanceConfirmationRequired: false,
  approvalRequired: false,
  waitlistEnabled: true,
  waitlistCutoffMinutes: 0,
  ...extra,
});

export const details = {
  format: 'online' as const,
  trainerId: TRAINER,
  location: null,
  link: 'https://meet.example.com/x',
  notes: null,
};
export const newEvent = (trainingEventId: string, day: number) => ({
  trainingEventId,
  start: at(day, 9),
  end: at(day, 12),
  timeZone: 'Europe/Brussels',
  ...details,
});

export const created: TrainingDomainEvent = {
  type: 'TrainingCreated',
  data: { trainingId: T, orgId: ORG, name: 'Sales 101', description: '', imageUrl: null },
};
export const published: TrainingDomainEvent = { type: 'TrainingPublished', data: { trainingId: T } };
export const sectionAdded = (
  sectionId = S1,
  extra: Partial<SectionSettings> = {},
  groups = [G1],
): TrainingDomainEvent => ({
  type: 'SectionAdded',
  data: { trainingId: T, sectionId, ...settings(extra), participantGroupIds: groups },
});
export const scheduled = (trainingEventId: string, day: number, sectionId = S1): TrainingDomainEvent => ({
  type: 'TrainingEventScheduled',
  data: { trainingId: T, sectionId, ...newEvent(trainingEventId, day) },
});
export const registered = (
  learnerId: string,
  sectionId = S1,
  via: 'self' | 'manual' | 'waitlist' = 'self',
): TrainingDomainEvent => ({
  type: 'LearnerRegistered',
  data: { trainingId: T, sectionId, learnerId, by: via === 'waitlist' ? null : learnerId, via },
});
export const waitlisted = (learnerId: string, sectionId = S1): TrainingDomainEvent => ({
  type: 'LearnerWaitlisted',
  data: { trainingId: T, sectionId, learnerId, by: learnerId, via: 'self' },
});

/** A published training with section S1 (groups G1, capacity 2) holding events E1 (Dec 5) and E2 (Dec 6). */
export const ready = (extra: Partial<SectionSettings> = {}) => [
  created,
  published,
  sectionAdded(S1, extra),
  scheduled(E1, 5),
  scheduled(E2, 6),
];

export const register = (learnerId: string, sectionId = S1, now = NOW) => ({
  type: 'RegisterLearner' as const,
  trainingId: T,
  now,
  by: learnerId,
  sectionId,
  learnerId,
  manual: false,
  learnerGroupIds: [G1],
});
