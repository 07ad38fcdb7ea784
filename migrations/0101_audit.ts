// The audit read model: one row per event with who, when, which stream and what it concerns.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE audit_events (
      event_id uuid PRIMARY KEY,
      seq_major numeric NOT NULL,
      seq_minor numeric NOT NULL,
      org_id uuid,
      at timestamptz NOT NULL,
      actor_id uuid,
      stream_id text NOT NULL,
      stream_revision integer NOT NULL,
      type text NOT NULL,
      correlation_id text,
      causation_id text,
      live_session_id uuid,
      training_id uuid,
      ref_ids uuid[] NOT NULL DEFAULT '{}'
    )`.execute(db);
  await sql`CREATE INDEX audit_events_org_order ON audit_events (org_id, seq_major DESC, seq_minor DESC)`.execute(
    db,
  );
  await sql`CREATE INDEX audit_events_live_session ON audit_events (live_session_id)`.execute(db);
  await sql`CREATE INDEX audit_events_training ON audit_events (training_id)`.execute(db);
  await sql`CREATE INDEX audit_events_actor ON audit_events (actor_id)`.execute(db);
  await sql`CREATE INDEX audit_events_refs ON audit_events USING gin (ref_ids)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE audit_events`.execute(db);
}
