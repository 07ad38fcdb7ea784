// A training's state, folded from its events. Immutable: the command path caches folded states, so evolve
// returns new objects and never mutates the one it is given.
import type { SectionSettings, TrainingDomainEvent, TrainingEventDetails } from './events.js';

export type TrainingEventState = TrainingEventDetails & {
  trainingEventId: string;
  start: string;
  end: string;
  timeZone: string;
  canceled: boolean;
};

export type SectionState = SectionSettings & {
  sectionId: string;
  participantGroupIds: string[];
  /** The groups the section had when its first learner registered: they can no longer be removed. */
  lockedGroupIds: string[];
  trainingEvents: TrainingEventState[];
};

export type SeatStatus = 'registered' | 'pending' | 'waitlisted';
/** `since` orders the waitlist: the sequence number at which the learner entered their status. */
export type Registration = { learnerId: string; sectionId: string; status: SeatStatus; since: number };
export type Mark = { attended: boolean; confirmed: boolean };

export type Training = {
  trainingId: string;
  orgId: string;
  name: string;
  description: string;
  imageUrl: string | null;
  published: boolean;
  sections: Record<string, SectionState>;
  sectionOrder: string[];
  /** Current registrations, one per learner (a learner is in at most one section of a training). */
  registrations: Record<string, Registration>;
  /** Attendance marks, keyed `<trainingEventId>/<learnerId>`. */
  marks: Record<string, Mark>;
  /** Learners who completed, with the section they completed. */
  completed: Record<string, string>;
  seq: number;
};

export type TrainingState = { status: 'none' } | (Training & { status: 'created' });

export const initialState = (): TrainingState => ({ status: 'none' });
export const markKey = (trainingEventId: string, learnerId: string) => `${trainingEventId}/${learnerId}`;

export function evolve(state: TrainingState, event: TrainingDomainEvent): TrainingState {
  if (event.type === 'TrainingCreated') {
    const { trainingId, orgId, name, description, imageUrl } = event.data;
    return {
      status: 'created',
      ...{ trainingId, orgId, name, description, imageUrl, published: false },
      ...{ sections: {}, sectionOrder: [], registrations: {}, marks: {}, completed: {}, seq: 0 },
    };
  }
  if (state.status === 'none') return state;
  return { ...evolveTraining(state, event), seq: state.seq + 1 };
}

type Created = Extract<TrainingState, { status: 'created' }>;

function evolveTraining(s: Created, event: TrainingDomainEvent): Created {
  switch (event.type) {
    case 'TrainingCreated':
      return s;
    case 'TrainingDetailsChanged': {
      const { name, description, imageUrl } = event.data;
      return { ...s, name, description, imageUrl };
    }
    case 'TrainingPublished':
      return { ...s, published: true };
    case 'TrainingUnpublished':
      return { ...s, published: false };
    case 'SectionAdded': {
      const { trainingId: _t, ...section } = event.data;
      const added: SectionState = { ...section, lockedGroupIds: [], trainingEvents: [] };
      return {
        ...s,
        sections: { ...s.sections, [section.sectionId]: added },
        sectionOrder: [...s.sectionOrder, section.sectionId],
      };
    }
    case 'SectionSettingsChanged': {
      const { trainingId: _t, sectionId, ...settings } = event.data;
      return withSection(s, sectionId, (section) => ({ ...section, ...settings }));
    }
    case 'SectionGroupAdded':
      return withSection(s, event.data.sectionId, (section) => ({
        ...section,
        participantGroupIds: [...section.participantGroupIds, event.data.groupId],
      }));
    case 'SectionGroupRemoved':
      return withSection(s, event.data.sectionId, (section) => ({
        ...section,
        participantGroupIds: section.participantGroupIds.filter((g) => g !== event.data.groupId),
      }));
    case 'SectionRemoved': {
      const { [event.data.sectionId]: _removed, ...sections } = s.sections;
      return { ...s, sections, sectionOrder: s.sectionOrder.filter((id) => id !== event.data.sectionId) };
    }
    case 'TrainingEventScheduled': {
      const { trainingId: _t, sectionId, ...te } = event.data;
      return withSection(s, sectionId, (section) => ({
        ...section,
        trainingEvents: sortByStart([...section.trainingEvents, { ...te, canceled: false }]),
      }));
    }
    case 'TrainingEventRescheduled': {
      const { sectionId, trainingEventId, start, end, timeZone } = event.data;
      return withTrainingEvent(s, sectionId, trainingEventId, (te) => ({ ...te, start, end, timeZone }));
    }
    case 'TrainingEventDetailsChanged': {
      const { trainingId: _t, sectionId, trainingEventId, ...details } = event.data;
      return withTrainingEvent(s, sectionId, trainingEventId, (te) => ({ ...te, ...details }));
    }
    case 'TrainingEventCanceled': {
      const { sectionId, trainingEventId } = event.data;
      return withTrainingEvent(s, sectionId, trainingEventId, (te) => ({ ...te, canceled: true }));
    }
    case 'LearnerRegistered':
    case 'RegistrationApproved':
      return seat(s, event.data.sectionId, event.data.learnerId, 'registered');
    case 'LearnerRegistrationRequested':
      return seat(s, event.data.sectionId, event.data.learnerId, 'pending');
    case 'LearnerWaitlisted':
      return seat(s, event.data.sectionId, event.data.learnerId, 'waitlisted');
    case 'LearnerDeregistered':
    case 'RegistrationDeclined': {
      const { [event.data.learnerId]: _gone, ...registrations } = s.registrations;
      return { ...s, registrations };
    }
    case 'AttendanceRecorded': {
      const { trainingEventId, learnerId, attended } = event.data;
      return {
        ...s,
        marks: { ...s.marks, [markKey(trainingEventId, learnerId)]: { attended, confirmed: false } },
      };
    }
    case 'AttendanceConfirmed': {
      const marks = { ...s.marks };
      for (const m of event.data.marks)
        marks[markKey(event.data.trainingEventId, m.learnerId)] = { attended: m.attended, confirmed: true };
      return { ...s, marks };
    }
    case 'TrainingCompleted':
      return { ...s, completed: { ...s.completed, [event.data.learnerId]: event.data.sectionId } };
    case 'TrainingCompletionRevoked': {
      const { [event.data.learnerId]: _gone, ...completed } = s.completed;
      return { ...s, completed };
    }
    default: {
      const _exhaustive: never = event;
      return s;
    }
  }
}

function seat(s: Created, sectionId: string, learnerId: string, status: SeatStatus): Created {
  const registration: Registration = { learnerId, sectionId, status, since: s.seq };
  const locked = withSection(s, sectionId, (section) =>
    section.lockedGroupIds.length > 0
      ? section
      : { ...section, lockedGroupIds: [...section.participantGroupIds] },
  );
  return { ...locked, registrations: { ...s.registrations, [learnerId]: registration } };
}

function withSection(
  s: Created,
  sectionId: string,
  change: (section: SectionState) => SectionState,
): Created {
  const section = s.sections[sectionId];
  if (!section) return s;
  return { ...s, sections: { ...s.sections, [sectionId]: change(section) } };
}

function withTrainingEvent(
  s: Created,
  sectionId: string,
  trainingEventId: string,
  change: (te: TrainingEventState) => TrainingEventState,
): Created {
  return withSection(s, sectionId, (section) => ({
    ...section,
    trainingEvents: sortByStart(
      section.trainingEvents.map((te) => (te.trainingEventId === trainingEventId ? change(te) : te)),
    ),
  }));
}

const sortByStart = (list: TrainingEventState[]) =>
  [...list].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));

// Queries the decider and its callers share.

/** The section's events that still take place, in order. */
export const activeEvents = (section: SectionState) => section.trainingEvents.filter((te) => !te.canceled);

export const seatsTaken = (s: Training, sectionId: string) =>
  Object.values(s.registrations).filter(
    (r) => r.sectionId === sectionId && (r.status === 'registered' || r.status === 'pending'),
  ).length;

/** The section's waitlist, first in line first. */
export const waitlistOf = (s: Training, sectionId: string) =>
  Object.values(s.registrations)
    .filter((r) => r.sectionId === sectionId && r.status === 'waitlisted')
    .sort((a, b) => a.since - b.since);

/** Waitlisting and promotion stop `waitlistCutoffMinutes` before the section's first event. */
export function waitlistOpen(section: SectionState, now: string): boolean {
  const first = activeEvents(section)[0];
  if (!first) return true;
  return Date.parse(now) < Date.parse(first.start) - section.waitlistCutoffMinutes * 60_000;
}

export function findTrainingEvent(s: Training, trainingEventId: string) {
  for (const sectionId of s.sectionOrder) {
    const section = s.sections[sectionId]!;
    const te = section.trainingEvents.find((e) => e.trainingEventId === trainingEventId);
    if (te) return { section, trainingEvent: te };
  }
  return undefined;
}
