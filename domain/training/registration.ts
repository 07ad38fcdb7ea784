// The rules of registration: one section per learner, the registration period, capacity, waitlist with
// promotion until the cutoff, and approval (a pending request holds a seat, so capacity holds either way).
import { NotFoundError, RuleViolation } from '../shared/errors.js';
import type { TrainingDomainEvent as E } from './events.js';
import type {
  ApproveRegistration,
  DeclineRegistration,
  DeregisterLearner,
  RegisterLearner,
  SwitchSection,
} from './commands.js';
import { activeEvents, evolve, seatsTaken, waitlistOf, waitlistOpen, type TrainingState } from './state.js';
import { requireSection, type Created } from './guards.js';

export function registerLearner(c: RegisterLearner, s: Created): E[] {
  const current = s.registrations[c.learnerId];
  if (current?.sectionId === c.sectionId)
    throw new RuleViolation('already_registered', 'the learner is already in this section', {
      currentStatus: current.status,
    });
  if (current)
    throw new RuleViolation(
      'registered_in_other_section',
      'a learner can be in one section of a training only: deregister first, or switch sections',
      { sectionId: current.sectionId, currentStatus: current.status },
    );
  return seatFor(c, s);
}

/** Deregisters from the current section and registers for another in one step; refused if no seat there. */
export function switchSection(c: SwitchSection, s: Created): E[] {
  const current = s.registrations[c.learnerId];
  if (!current) throw new RuleViolation('not_registered', 'the learner is not registered for this training');
  if (current.sectionId === c.sectionId)
    throw new RuleViolation('already_registered', 'the learner is already in this section', {
      currentStatus: current.status,
    });
  const leave: E = {
    type: 'LearnerDeregistered',
    data: { ...ref(c, current.sectionId), by: c.by, from: statusName(current.status), reason: 'switched' },
  };
  let state = evolve(s, leave) as Created;
  const join = seatFor({ ...c, type: 'RegisterLearner' }, state);
  if (join.some((e) => e.type === 'LearnerWaitlisted'))
    throw new RuleViolation(
      'switch_section_full',
      'the other section has no seat left; you keep your current one',
    );
  for (const e of join) state = evolve(state, e) as Created;
  return [leave, ...join, ...promotions(state, current.sectionId, c.now)];
}

export function deregisterLearner(c: DeregisterLearner, s: Created): E[] {
  const current = s.registrations[c.learnerId];
  if (!current) return [];
  const section = requireSection(s, current.sectionId);
  const first = activeEvents(section)[0];
  if (!c.manual && first && Date.parse(c.now) >= Date.parse(first.start))
    throw new RuleViolation(
      'section_started',
      'the section has started; ask a trainer or admin to remove you',
    );
  const leave: E = {
    type: 'LearnerDeregistered',
    data: {
      ...ref(c, current.sectionId),
      by: c.by,
      from: statusName(current.status),
      reason: c.manual ? 'removed' : 'self',
    },
  };
  return [leave, ...promotions(evolve(s, leave) as Created, current.sectionId, c.now)];
}

export function approveRegistration(c: ApproveRegistration, s: Created): E[] {
  const current = requirePending(s, c.learnerId);
  return [{ type: 'RegistrationApproved', data: { ...ref(c, current.sectionId), by: c.by } }];
}

export function declineRegistration(c: DeclineRegistration, s: Created): E[] {
  const current = s.registrations[c.learnerId];
  if (!current || current.status === 'registered')
    throw new RuleViolation(
      'not_declinable',
      'only a pending request or a waitlisted learner can be declined',
    );
  const decline: E = {
    type: 'RegistrationDeclined',
    data: { ...ref(c, current.sectionId), by: c.by, reason: c.reason },
  };
  return [decline, ...promotions(evolve(s, decline) as Created, current.sectionId, c.now)];
}

/** Freed seats go to the first in line, as long as the waitlist cutoff has not passed. */
export function promotions(s: Created, sectionId: string, now: string): E[] {
  const section = s.sections[sectionId];
  if (!section || !waitlistOpen(section, now)) return [];
  const free = section.capacity - seatsTaken(s, sectionId);
  return waitlistOf(s, sectionId)
    .slice(0, Math.max(0, free))
    .map((r): E => {
      const data = {
        trainingId: s.trainingId,
        sectionId,
        learnerId: r.learnerId,
        by: null,
        via: 'waitlist' as const,
      };
      return section.approvalRequired
        ? { type: 'LearnerRegistrationRequested', data }
        : { type: 'LearnerRegistered', data };
    });
}

function seatFor(c: RegisterLearner, s: Created): E[] {
  const section = requireSection(s, c.sectionId);
  if (!c.manual) {
    if (!s.published) throw new NotFoundError('training');
    if (!section.participantGroupIds.some((g) => c.learnerGroupIds.includes(g)))
      throw new RuleViolation('not_in_participant_group', 'this section is for other groups');
    if (Date.parse(c.now) < Date.parse(section.registrationOpens))
      throw new RuleViolation('registration_not_open', 'registration for this section has not opened yet');
    if (Date.parse(c.now) >= Date.parse(section.registrationCloses))
      throw new RuleViolation('registration_closed', 'registration for this section has closed');
  }
  const upcoming = activeEvents(section);
  if (upcoming.length === 0)
    throw new RuleViolation(
      'no_training_events',
      'learners can register once the section has at least one event',
    );
  const data = ref(c, c.sectionId);
  if (seatsTaken(s, c.sectionId) < section.capacity) {
    if (section.approvalRequired && !c.manual)
      return [{ type: 'LearnerRegistrationRequested', data: { ...data, by: c.by, via: 'self' } }];
    return [{ type: 'LearnerRegistered', data: { ...data, by: c.by, via: c.manual ? 'manual' : 'self' } }];
  }
  if (section.waitlistEnabled && waitlistOpen(section, c.now))
    return [{ type: 'LearnerWaitlisted', data: { ...data, by: c.by, via: c.manual ? 'manual' : 'self' } }];
  throw new RuleViolation('section_full', 'this section is full', { capacity: section.capacity });
}

function requirePending(s: TrainingState & { registrations: Created['registrations'] }, learnerId: string) {
  const current = s.registrations[learnerId];
  if (!current || current.status !== 'pending')
    throw new RuleViolation('not_pending', 'there is no pending request from this learner');
  return current;
}

const ref = (c: { trainingId: string; learnerId: string }, sectionId: string) => ({
  trainingId: c.trainingId,
  sectionId,
  learnerId: c.learnerId,
});

const statusName = (status: 'registered' | 'pending' | 'waitlisted') => status;
