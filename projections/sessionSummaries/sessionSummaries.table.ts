// Tables of the session summaries read model (migrations 0710, 0970).
import type { ColumnType } from 'kysely';

export interface SessionSummariesTable {
  live_session_id: string;
  org_id: string;
  teacher_id: string;
  course_lesson_id: string | null;
  lesson_title: string;
  teacher_summary: ColumnType<unknown, string, string>;
  made_at: Date | string;
  revision: ColumnType<number, number | undefined, number>;
  requested_by: string | null;
  cost_tokens: ColumnType<string | number, number | undefined, number>;
}

export interface SessionSummaryRefusalsTable {
  live_session_id: string;
  org_id: string;
  teacher_id: string;
  revision: number;
  tokens: ColumnType<string | number, number, number>;
  balance: ColumnType<string | number | null, number | null, number | null>;
  code: string;
  reason: string;
  refused_at: Date | string;
}

export interface SessionStudentSummariesTable {
  live_session_id: string;
  student_id: string;
  org_id: string;
  summary: ColumnType<unknown, string, string>;
  mailed: boolean;
}
