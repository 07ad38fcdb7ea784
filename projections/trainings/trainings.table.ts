// The trainings read model's tables (and the admin-managed trainer_group_access table), added to Database.

export interface TrainerGroupAccessTable {
  trainer_group_id: string;
  participant_group_id: string;
  org_id: string;
}

export interface TrainingsTable {
  id: string;
  org_id: string;
  name: string;
  description: string;
  image_url: string | null;
  published: boolean;
  last_revision: number;
}

export interface TrainingSectionsTable {
  id: string;
  training_id: string;
  org_id: string;
  name: string;
  registration_opens: Date | string;
  registration_closes: Date | string;
  capacity: number;
  trainer_ids: string[];
  attendance_confirmation_required: boolean;
  approval_required: boolean;
  waitlist_enabled: boolean;
  waitlist_cutoff_minutes: number;
  position: number;
}

export interface TrainingSectionGroupsTable {
  section_id: string;
  group_id: string;
  training_id: string;
  org_id: string;
}

export interface TrainingEventsTable {
  id: string;
  training_id: string;
  section_id: string;
  org_id: string;
  starts_at: Date | string;
  ends_at: Date | string;
  time_zone: string;
  format: 'online' | 'in-person' | 'hybrid';
  trainer_id: string;
  location: string | null;
  link: string | null;
  notes: string | null;
  status: 'scheduled' | 'canceled';
  cancel_reason: string | null;
  /** Who canceled it: the reason is their text. */
  canceled_by: string | null;
}

export type RegistrationStatus = 'registered' | 'pending' | 'waitlisted' | 'declined';

export interface TrainingRegistrationsTable {
  training_id: string;
  learner_id: string;
  section_id: string;
  org_id: string;
  status: RegistrationStatus;
  via: string;
  /** The stream revision at which the learner entered this status: orders the waitlist. */
  since_revision: number;
}

export interface TrainingAttendanceTable {
  training_event_id: string;
  learner_id: string;
  training_id: string;
  section_id: string;
  attended: boolean;
  confirmed: boolean;
  source: string;
}

export interface TrainingCompletionsTable {
  training_id: string;
  learner_id: string;
  section_id: string;
  completed_at: Date | string;
}
