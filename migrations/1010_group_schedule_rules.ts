// Read model of recurring group classes: weekly rules on a student group and the occurrence each generated (a
// group session, or a skip and why).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE group_schedule_rules (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      group_id uuid NOT NULL,
      course_id uuid NOT NULL,
      teacher_id uuid NOT NULL,
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
  await sql`CREATE INDEX group_schedule_rules_group ON group_schedule_rules (group_id)`.execute(db);
  await sql`
    CREATE TABLE group_schedule_occurrences (
      rule_id uuid NOT NULL,
      occurrence_start timestamptz NOT NULL,
      org_id uuid NOT NULL,
      group_id uuid NOT NULL,
      outcome text NOT NULL,
      live_session_id uuid,
      reason text,
      conflicting_live_session_id uuid,
      PRIMARY KEY (rule_id, occurrence_start)
    )`.execute(db);
  await sql`CREATE INDEX group_schedule_occurrences_group ON group_schedule_occurrences (group_id)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE group_schedule_occurrences`.execute(db);
  await sql`DROP TABLE group_schedule_rules`.execute(db);
}
