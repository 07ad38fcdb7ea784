// The mail outbox and the calendar it renders from. `mail_outbox`, `calendar_*` are the outbox projection's read
// model (rebuildable from events); `mail_deliveries` and `calendar_feed_tokens` are not, so a rebuild of the
// projection never resends a mail nor invalidates a feed URL.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE mail_outbox (
      id text PRIMARY KEY,
      org_id uuid NOT NULL,
      source_event_id uuid NOT NULL,
      recipient_id uuid NOT NULL,
      template text NOT NULL,
      params jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      UNIQUE (source_event_id, recipient_id, template)
    )`.execute(db);
  await sql`CREATE INDEX mail_outbox_created ON mail_outbox (created_at)`.execute(db);
  await sql`
    CREATE TABLE mail_deliveries (
      id text PRIMARY KEY,
      org_id uuid NOT NULL,
      recipient_id uuid NOT NULL,
      template text NOT NULL,
      params jsonb NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'skipped', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL,
      locked_until timestamptz,
      last_error text,
      message_id text,
      sent_at timestamptz,
      created_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX mail_deliveries_due ON mail_deliveries (next_attempt_at) WHERE status IN ('pending', 'sending')`.execute(
    db,
  );
  await sql`CREATE INDEX mail_deliveries_recipient ON mail_deliveries (recipient_id, created_at)`.execute(db);
  await sql`
    CREATE TABLE calendar_entries (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('live', 'training')),
      group_id uuid NOT NULL,
      training_id uuid,
      course_id uuid,
      host_id uuid,
      title text,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      time_zone text NOT NULL,
      location text,
      link text,
      notes text,
      status text NOT NULL,
      sequence integer NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX calendar_entries_group ON calendar_entries (group_id)`.execute(db);
  await sql`CREATE INDEX calendar_entries_host ON calendar_entries (host_id, starts_at)`.execute(db);
  await sql`CREATE INDEX calendar_entries_start ON calendar_entries (starts_at) WHERE status = 'scheduled'`.execute(
    db,
  );
  await sql`
    CREATE TABLE calendar_attendees (
      group_id uuid NOT NULL,
      person_id uuid NOT NULL,
      PRIMARY KEY (group_id, person_id)
    )`.execute(db);
  await sql`CREATE INDEX calendar_attendees_person ON calendar_attendees (person_id)`.execute(db);
  await sql`
    CREATE TABLE calendar_groups (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('training', 'section')),
      training_id uuid NOT NULL,
      name text NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX calendar_groups_training ON calendar_groups (training_id)`.execute(db);
  await sql`
    CREATE TABLE calendar_feed_tokens (
      person_id uuid PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
      org_id uuid NOT NULL,
      token text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE calendar_feed_tokens, calendar_groups, calendar_attendees, calendar_entries, mail_deliveries, mail_outbox`.execute(
    db,
  );
}
