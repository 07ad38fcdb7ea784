// Tables of the reporting read models (migration 0500).
export interface ReportSessionsTable {
  session_id: string;
  org_id: string;
  teacher_id: string;
  course_id: string;
  student_group_id: string | null;
  title: string | null;
  starts_at: Date | string;
  ends_at: Date | string;
  duration_minutes: number;
  time_zone: string;
  status: string;
  held: boolean;
  canceled_at: Date | string | null;
  canceled_by: string | null;
  cancel_reason: string | null;
  cancel_notice_minutes: number | null;
}

export interface ReportAttendanceTable {
  session_id: string;
  student_id: string;
  org_id: string;
  teacher_id: string;
  course_id: string;
  student_group_id: string | null;
  starts_at: Date | string;
  minutes_scheduled: number;
  status: string | null;
  late: boolean;
  minutes_present: number;
}

export interface ReportScoresTable {
  session_id: string;
  student_id: string;
  org_id: string;
  teacher_id: string;
  course_id: string;
  student_group_id: string | null;
  starts_at: Date | string;
  speaking: number;
  listening: number;
  reading: number;
  writing: number;
  grammar: number;
  vocabulary: number;
  engagement: number;
  verified: boolean;
}

export interface ReportWalletsTable {
  wallet_id: string;
  org_id: string;
  owner_kind: string;
  owner_id: string;
}

export interface ReportLedgerTable {
  entry_id: string;
  wallet_id: string;
  org_id: string;
  owner_kind: string;
  owner_id: string;
  at: Date | string;
  kind: 'credit' | 'debit' | 'reversal';
  cause: string;
  live_session_id: string | null;
  tokens: number;
  balance_after: number;
  seq: number;
}

export interface ReportTrainingsTable {
  training_id: string;
  org_id: string;
  name: string;
}

export interface ReportTrainingSectionsTable {
  section_id: string;
  training_id: string;
  org_id: string;
  name: string;
  capacity: number;
  removed: boolean;
}

export interface ReportTrainingRegistrationsTable {
  section_id: string;
  learner_id: string;
  training_id: string;
  org_id: string;
  status: string;
  ever_waitlisted: boolean;
  completed: boolean;
  changed_at: Date | string;
}

export interface ReportTrainingEventsTable {
  training_event_id: string;
  section_id: string;
  training_id: string;
  org_id: string;
  starts_at: Date | string;
  ends_at: Date | string;
  time_zone: string;
  trainer_id: string;
  canceled: boolean;
}

export interface ReportTrainingAttendanceTable {
  training_event_id: string;
  learner_id: string;
  org_id: string;
  attended: boolean;
  confirmed: boolean;
}
