// Table of the lesson analyses read model (migration 0700).
import type { ColumnType } from 'kysely';

export interface LessonAnalysesTable {
  id: string;
  org_id: string;
  enrollment_id: string;
  course_id: string;
  student_id: string;
  scope: string;
  status: string;
  /** The analysed lessons: { homeworkId, courseLessonId, status }[]. */
  lessons: ColumnType<unknown, string, string>;
  language: string | null;
  tokens: number;
  debit_entry_id: string;
  refund_entry_id: string | null;
  attempts: number;
  retry_at: Date | string | null;
  deadline: Date | string | null;
  last_error: string | null;
  /** AnalysisFailure { code, timeoutMs, detail } (migration 1020); null before codes were. */
  last_failure: ColumnType<unknown, string | null, string | null>;
  report: ColumnType<unknown, string | null, string | null>;
  requested_by: string | null;
  requested_at: Date | string;
  updated_at: Date | string;
  last_revision: number;
}
