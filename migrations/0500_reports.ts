// The reporting read models: flat, denormalised rows indexed by organisation and time, so every report is one
// aggregate query however long the history grows.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE report_sessions (
      session_id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      teacher_id uuid NOT NULL,
      course_id uuid NOT NULL,
      student_group_id uuid,
      title text,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      duration_minutes integer NOT NULL,
      time_zone text NOT NULL,
      status text NOT NULL,
      held boolean NOT NULL DEFAULT false,
      canceled_at timestamptz,
      canceled_by uuid,
      cancel_reason text,
      cancel_notice_minutes integer
    )`.execute(db);
  await sql`CREATE INDEX report_sessions_org_time ON report_sessions (org_id, starts_at)`.execute(db);
  await sql`
    CREATE TABLE report_attendance (
      session_id uuid NOT NULL,
      student_id uuid NOT NULL,
      org_id uuid NOT NULL,
      teacher_id uuid NOT NULL,
      course_id uuid NOT NULL,
      student_group_id uuid,
      starts_at timestamptz NOT NULL,
      minutes_scheduled integer NOT NULL,
      status text,
      late boolean NOT NULL DEFAULT false,
      minutes_present integer NOT NULL DEFAULT 0,
      PRIMARY KEY (session_id, student_id)
    )`.execute(db);
  await sql`CREATE INDEX report_attendance_org_time ON report_attendance (org_id, starts_at)`.execute(db);
  await sql`
    CREATE TABLE report_scores (
      session_id uuid NOT NULL,
      student_id uuid NOT NULL,
      org_id uuid NOT NULL,
      teacher_id uuid NOT NULL,
      course_id uuid NOT NULL,
      student_group_id uuid,
      starts_at timestamptz NOT NULL,
      speaking smallint NOT NULL, listening smallint NOT NULL, reading smallint NOT NULL, writing smallint NOT NULL,
      grammar smallint NOT NULL, vocabulary smallint NOT NULL, engagement smallint NOT NULL,
      verified boolean NOT NULL DEFAULT false,
      PRIMARY KEY (session_id, student_id)
    )`.execute(db);
  await sql`CREATE INDEX report_scores_org_time ON report_scores (org_id, starts_at)`.execute(db);
  await sql`
    CREATE TABLE report_wallets (
      wallet_id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      owner_kind text NOT NULL,
      owner_id uuid NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE report_ledger (
      entry_id text PRIMARY KEY,
      wallet_id uuid NOT NULL,
      org_id uuid NOT NULL,
      owner_kind text NOT NULL,
      owner_id uuid NOT NULL,
      at timestamptz NOT NULL,
      kind text NOT NULL,
      cause text NOT NULL,
      live_session_id uuid,
      tokens integer NOT NULL,
      balance_after integer NOT NULL,
      seq bigint NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX report_ledger_org_time ON report_ledger (org_id, at)`.execute(db);
  await sql`CREATE INDEX report_ledger_wallet_seq ON report_ledger (wallet_id, seq)`.execute(db);
  await sql`
    CREATE TABLE report_trainings (
      training_id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      name text NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE report_training_sections (
      section_id uuid PRIMARY KEY,
      training_id uuid NOT NULL,
      org_id uuid NOT NULL,
      name text NOT NULL,
      capacity integer NOT NULL,
      removed boolean NOT NULL DEFAULT false
    )`.execute(db);
  await sql`
    CREATE TABLE report_training_registrations (
      section_id uuid NOT NULL,
      learner_id uuid NOT NULL,
      training_id uuid NOT NULL,
      org_id uuid NOT NULL,
      status text NOT NULL,
      ever_waitlisted boolean NOT NULL DEFAULT false,
      completed boolean NOT NULL DEFAULT false,
      changed_at timestamptz NOT NULL,
      PRIMARY KEY (section_id, learner_id)
    )`.execute(db);
  await sql`CREATE INDEX report_training_registrations_org ON report_training_registrations (org_id, training_id)`.execute(
    db,
  );
  await sql`
    CREATE TABLE report_training_events (
      training_event_id uuid PRIMARY KEY,
      section_id uuid NOT NULL,
      training_id uuid NOT NULL,
      org_id uuid NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      time_zone text NOT NULL,
      trainer_id uuid NOT NULL,
      canceled boolean NOT NULL DEFAULT false
    )`.execute(db);
  await sql`CREATE INDEX report_training_events_org_time ON report_training_events (org_id, starts_at)`.execute(
    db,
  );
  await sql`
    CREATE TABLE report_training_attendance (
      training_event_id uuid NOT NULL,
      learner_id uuid NOT NULL,
      org_id uuid NOT NULL,
      attended boolean NOT NULL,
      confirmed boolean NOT NULL DEFAULT false,
      PRIMARY KEY (training_event_id, learner_id)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE report_training_attendance, report_training_events, report_training_registrations,
    report_training_sections, report_trainings, report_ledger, report_wallets, report_scores, report_attendance,
    report_sessions`.execute(db);
}
