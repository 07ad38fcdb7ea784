// Trainings: the trainer-group access table (mutable, set by admins) and the trainings read models.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // "Only users in a trainer group with access to the participant group can be assigned as trainers."
  await sql`
    CREATE TABLE trainer_group_access (
      trainer_group_id uuid NOT NULL REFERENCES student_groups(id) ON DELETE CASCADE,
      participant_group_id uuid NOT NULL REFERENCES student_groups(id) ON DELETE CASCADE,
      org_id uuid NOT NULL,
      PRIMARY KEY (trainer_group_id, participant_group_id)
    )`.execute(db);
  await sql`CREATE INDEX trainer_group_access_participants ON trainer_group_access (participant_group_id)`.execute(
    db,
  );
  await sql`
    CREATE TABLE trainings (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      name text NOT NULL,
      description text NOT NULL,
      image_url text,
      published boolean NOT NULL DEFAULT false,
      last_revision integer NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX trainings_org ON trainings (org_id)`.execute(db);
  await sql`
    CREATE TABLE training_sections (
      id uuid PRIMARY KEY,
      training_id uuid NOT NULL,
      org_id uuid NOT NULL,
      name text NOT NULL,
      registration_opens timestamptz NOT NULL,
      registration_closes timestamptz NOT NULL,
      capacity integer NOT NULL,
      trainer_ids jsonb NOT NULL,
      attendance_confirmation_required boolean NOT NULL,
      approval_required boolean NOT NULL,
      waitlist_enabled boolean NOT NULL,
      waitlist_cutoff_minutes integer NOT NULL,
      position integer NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX training_sections_training ON training_sections (training_id)`.execute(db);
  await sql`
    CREATE TABLE training_section_groups (
      section_id uuid NOT NULL,
      group_id uuid NOT NULL,
      training_id uuid NOT NULL,
      org_id uuid NOT NULL,
      PRIMARY KEY (section_id, group_id)
    )`.execute(db);
  await sql`CREATE INDEX training_section_groups_group ON training_section_groups (group_id)`.execute(db);
  await sql`
    CREATE TABLE training_events (
      id uuid PRIMARY KEY,
      training_id uuid NOT NULL,
      section_id uuid NOT NULL,
      org_id uuid NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      time_zone text NOT NULL,
      format text NOT NULL,
      trainer_id uuid NOT NULL,
      location text,
      link text,
      notes text,
      status text NOT NULL DEFAULT 'scheduled',
      cancel_reason text
    )`.execute(db);
  await sql`CREATE INDEX training_events_section ON training_events (section_id, starts_at)`.execute(db);
  await sql`CREATE INDEX training_events_trainer ON training_events (trainer_id, starts_at)`.execute(db);
  await sql`
    CREATE TABLE training_registrations (
      training_id uuid NOT NULL,
      learner_id uuid NOT NULL,
      section_id uuid NOT NULL,
      org_id uuid NOT NULL,
      status text NOT NULL,
      via text NOT NULL,
      since_revision integer NOT NULL,
      PRIMARY KEY (training_id, learner_id)
    )`.execute(db);
  await sql`CREATE INDEX training_registrations_section ON training_registrations (section_id, status, since_revision)`.execute(
    db,
  );
  await sql`CREATE INDEX training_registrations_learner ON training_registrations (learner_id)`.execute(db);
  await sql`
    CREATE TABLE training_attendance (
      training_event_id uuid NOT NULL,
      learner_id uuid NOT NULL,
      training_id uuid NOT NULL,
      section_id uuid NOT NULL,
      attended boolean NOT NULL,
      confirmed boolean NOT NULL,
      source text NOT NULL,
      PRIMARY KEY (training_event_id, learner_id)
    )`.execute(db);
  await sql`CREATE INDEX training_attendance_learner ON training_attendance (training_id, learner_id)`.execute(
    db,
  );
  await sql`
    CREATE TABLE training_completions (
      training_id uuid NOT NULL,
      learner_id uuid NOT NULL,
      section_id uuid NOT NULL,
      completed_at timestamptz NOT NULL,
      PRIMARY KEY (training_id, learner_id)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE training_completions, training_attendance, training_registrations, training_events,
      training_section_groups, training_sections, trainings, trainer_group_access`.execute(db);
}
