// What can be asked of a training. Time, ids and the actor arrive with the command; facts the decider cannot
// know (which people meet the trainer-group rule, which groups a learner is in) are looked up by the
// application service (commands/trainings.ts) and passed in, so the rules stay pure and specifiable.
import type { SectionSettings, TrainingEventDetails } from './events.js';

type Base = { trainingId: string; now: string; by: string | null };

export type NewTrainingEvent = {
  trainingEventId: string;
  start: string;
  end: string;
  timeZone: string;
} & TrainingEventDetails;

export type CreateTraining = Base & {
  type: 'CreateTraining';
  orgId: string;
  name: string;
  description: string;
  imageUrl: string | null;
};
export type ChangeTrainingDetails = Base & {
  type: 'ChangeTrainingDetails';
  name: string;
  description: string;
  imageUrl: string | null;
};
export type PublishTraining = Base & { type: 'PublishTraining' };
export type UnpublishTraining = Base & { type: 'UnpublishTraining' };

export type AddSection = Base & {
  type: 'AddSection';
  sectionId: string;
  settings: SectionSettings;
  participantGroupIds: string[];
  /** The section's first events, added together with it (a section is saved with its events). */
  trainingEvents: NewTrainingEvent[];
  /** People in a trainer group with access to one of the section's participant groups. */
  eligibleTrainerIds: string[];
};
export type ChangeSectionSettings = Base & {
  type: 'ChangeSectionSettings';
  sectionId: string;
  settings: SectionSettings;
  eligibleTrainerIds: string[];
};
export type AddSectionGroup = Base & { type: 'AddSectionGroup'; sectionId: string; groupId: string };
export type RemoveSectionGroup = Base & { type: 'RemoveSectionGroup'; sectionId: string; groupId: string };
export type RemoveSection = Base & { type: 'RemoveSection'; sectionId: string };

export type ScheduleTrainingEvent = Base & {
  type: 'ScheduleTrainingEvent';
  sectionId: string;
  trainingEvent: NewTrainingEvent;
  eligibleTrainerIds: string[];
};
export type RescheduleTrainingEvent = Base & {
  type: 'RescheduleTrainingEvent';
  trainingEventId: string;
  start: string;
  end: string;
  timeZone: string;
};
export type ChangeTrainingEventDetails = Base & {
  type: 'ChangeTrainingEventDetails';
  trainingEventId: string;
  details: TrainingEventDetails;
  eligibleTrainerIds: string[];
};
export type CancelTrainingEvent = Base & {
  type: 'CancelTrainingEvent';
  trainingEventId: string;
  reason: string;
};

export type RegisterLearner = Base & {
  type: 'RegisterLearner';
  sectionId: string;
  learnerId: string;
  /** An admin or trainer adding the learner by hand: no registration period, group or approval check. */
  manual: boolean;
  /** The student groups the learner is a member of. */
  learnerGroupIds: string[];
};
export type SwitchSection = Base & {
  type: 'SwitchSection';
  sectionId: string;
  learnerId: string;
  manual: boolean;
  learnerGroupIds: string[];
};
export type DeregisterLearner = Base & {
  type: 'DeregisterLearner';
  learnerId: string;
  /** True when someone else (admin, trainer) removes the learner. */
  manual: boolean;
};
export type ApproveRegistration = Base & { type: 'ApproveRegistration'; learnerId: string };
export type DeclineRegistration = Base & {
  type: 'DeclineRegistration';
  learnerId: string;
  reason: string | null;
};

export type RecordAttendance = Base & {
  type: 'RecordAttendance';
  trainingEventId: string;
  learnerId: string;
  attended: boolean;
  source: 'trainer' | 'self' | 'presence';
};
export type ConfirmAttendance = Base & {
  type: 'ConfirmAttendance';
  trainingEventId: string;
  by: string;
  marks: { learnerId: string; attended: boolean }[];
};

export type TrainingCommand =
  | CreateTraining
  | ChangeTrainingDetails
  | PublishTraining
  | UnpublishTraining
  | AddSection
  | ChangeSectionSettings
  | AddSectionGroup
  | RemoveSectionGroup
  | RemoveSection
  | ScheduleTrainingEvent
  | RescheduleTrainingEvent
  | ChangeTrainingEventDetails
  | CancelTrainingEvent
  | RegisterLearner
  | SwitchSection
  | DeregisterLearner
  | ApproveRegistration
  | DeclineRegistration
  | RecordAttendance
  | ConfirmAttendance;
