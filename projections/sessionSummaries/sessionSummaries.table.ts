// Tables of the session summaries read model (migration 0710).
import type { ColumnType } from 'kysely';

export interface SessionSummariesTable {
  live_session_id: string;
  org_id: string;
  teacher_id: string;
  course_lesson_id: string | null;
  lesson_title: string;
  teacher_summary: ColumnType<unknown, string, string>;
  made_at: Date | string;
}

export interface SessionStudentSummariesTable {
  live_session_id: string;
  student_id: string;
  org_id: string;
  summary: ColumnType<unknown, string, string>;
  mailed: boolean;
}
