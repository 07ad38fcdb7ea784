// Post-session summaries: the "Post-Session Summary" switch of enrollments and student groups and each person's
// "Lesson Summary" preference (mutable settings, outside the log), and the summaries read model.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE summary_switches (
      target_kind text NOT NULL,
      target_id uuid NOT NULL,
      org_id uuid NOT NULL,
      enabled boolean NOT NULL,
      updated_by uuid,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (target_kind, target_id)
    )`.execute(db);
  await sql`
    CREATE TABLE person_preferences (
      person_id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      lesson_summary boolean NOT NULL DEFAULT true,
      updated_at timestamptz NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE session_summaries (
      live_session_id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      teacher_id uuid NOT NULL,
      course_lesson_id uuid,
      lesson_title text NOT NULL,
      teacher_summary jsonb NOT NULL,
      made_at timestamptz NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE session_student_summaries (
      live_session_id uuid NOT NULL,
      student_id uuid NOT NULL,
      org_id uuid NOT NULL,
      summary jsonb NOT NULL,
      mailed boolean NOT NULL,
      PRIMARY KEY (live_session_id, student_id)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE session_student_summaries`.execute(db);
  await sql`DROP TABLE session_summaries`.execute(db);
  await sql`DROP TABLE person_preferences`.execute(db);
  await sql`DROP TABLE summary_switches`.execute(db);
}
