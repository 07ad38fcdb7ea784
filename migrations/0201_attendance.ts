// The attendance and scores read model: completion notes, per-student attendance and feedback per session.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE attendance_completions (
      session_id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      action text NOT NULL,
      covered text,
      struggled text,
      next text,
      verified boolean NOT NULL,
      completed_at timestamptz NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE attendance_records (
      session_id uuid NOT NULL,
      student_id uuid NOT NULL,
      org_id uuid NOT NULL,
      status text NOT NULL,
      reason text,
      minutes_present integer NOT NULL,
      late boolean NOT NULL,
      first_joined_at timestamptz,
      charged_tokens integer NOT NULL,
      PRIMARY KEY (session_id, student_id)
    )`.execute(db);
  await sql`CREATE INDEX attendance_records_student ON attendance_records (student_id)`.execute(db);
  await sql`
    CREATE TABLE attendance_feedback (
      session_id uuid NOT NULL,
      student_id uuid NOT NULL,
      org_id uuid NOT NULL,
      speaking integer NOT NULL,
      listening integer NOT NULL,
      reading integer NOT NULL,
      writing integer NOT NULL,
      grammar integer NOT NULL,
      vocabulary integer NOT NULL,
      engagement integer NOT NULL,
      comment text,
      verified boolean NOT NULL,
      PRIMARY KEY (session_id, student_id)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE attendance_feedback, attendance_records, attendance_completions`.execute(db);
}
