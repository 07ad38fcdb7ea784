// Tables of the lesson answers read model (migration 0600).
import type { ColumnType } from 'kysely';

export interface LessonAnswersTable {
  context_kind: string;
  context_id: string;
  student_id: string;
  exercise_id: string;
  org_id: string;
  lesson_id: string;
  revision: number;
  attempt: number;
  exercise_type: string;
  answer: ColumnType<unknown, string, string>;
  points: number | null;
  max_points: number;
  correct: boolean | null;
  word_count: number | null;
  comment: string | null;
  answered_at: Date | string;
  graded_at: Date | string | null;
}

export interface LessonAnswerAttemptsTable {
  context_kind: string;
  context_id: string;
  student_id: string;
  attempt: number;
  org_id: string;
  lesson_id: string;
  score: number;
  max_score: number;
  percent: number;
  pass_mark: number;
  outcome: string;
  submitted_at: Date | string;
  updated_at: Date | string;
}
