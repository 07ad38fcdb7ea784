import type { Selectable } from 'kysely';

export interface ScheduleSessionsTable {
  id: string;
  org_id: string;
  kind: string;
  status: string;
  course_id: string;
  course_lesson_id: string | null;
  enrollment_id: string | null;
  student_group_id: string | null;
  teacher_id: string;
  starts_at: Date | string;
  ends_at: Date | string;
  duration_minutes: number;
  time_zone: string;
  title: string | null;
  notes: string | null;
  cancel_reason: string | null;
  /** Who canceled it: the reason is their text. */
  canceled_by: string | null;
  last_revision: number;
}

export interface ScheduleParticipantsTable {
  session_id: string;
  student_id: string;
  enrollment_id: string | null;
  starts_at: Date | string;
}

export type ScheduleSession = Selectable<ScheduleSessionsTable>;
