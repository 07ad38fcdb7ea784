// Read models of the enrollment follow-up: homework per enrollment, and schedule rules with the occurrence each
// generated (a live session, or a skip because the teacher was busy).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE homework (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      enrollment_id uuid NOT NULL,
      course_lesson_id uuid NOT NULL,
      status text NOT NULL,
      scheduled_for timestamptz,
      assigned_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      last_revision integer NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX homework_enrollment ON homework (enrollment_id)`.execute(db);
  await sql`
    CREATE TABLE schedule_rules (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      enrollment_id uuid NOT NULL,
      weekdays text NOT NULL,
      local_time text NOT NULL,
      time_zone text NOT NULL,
      duration_minutes integer NOT NULL,
      starts_on text NOT NULL,
      ends_at timestamptz,
      split_from uuid,
      removed boolean NOT NULL DEFAULT false,
      last_revision integer NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX schedule_rules_enrollment ON schedule_rules (enrollment_id)`.execute(db);
  await sql`
    CREATE TABLE schedule_rule_occurrences (
      rule_id uuid NOT NULL,
      occurrence_start timestamptz NOT NULL,
      org_id uuid NOT NULL,
      enrollment_id uuid NOT NULL,
      outcome text NOT NULL,
      live_session_id uuid,
      reason text,
      conflicting_live_session_id uuid,
      PRIMARY KEY (rule_id, occurrence_start)
    )`.execute(db);
  await sql`CREATE INDEX schedule_rule_occurrences_enrollment ON schedule_rule_occurrences (enrollment_id)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE schedule_rule_occurrences`.execute(db);
  await sql`DROP TABLE schedule_rules`.execute(db);
  await sql`DROP TABLE homework`.execute(db);
}
