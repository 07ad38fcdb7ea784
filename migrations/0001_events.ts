// The event store table, its idempotency keys and the projection checkpoints.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE events (
      global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
      stream_id text NOT NULL,
      stream_revision integer NOT NULL,
      event_id uuid NOT NULL UNIQUE,
      type text NOT NULL,
      data jsonb NOT NULL,
      metadata jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (stream_id, stream_revision)
    )`.execute(db);
  // Readers page by (tx_id, global_position): see commands/eventStore/postgres.ts for why.
  await sql`CREATE INDEX events_tx_order ON events (tx_id, global_position)`.execute(db);
  await sql`
    CREATE TABLE idempotency_keys (
      key text PRIMARY KEY,
      stream_id text NOT NULL,
      result jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TABLE projection_checkpoints (
      name text PRIMARY KEY,
      position text,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE projection_checkpoints, idempotency_keys, events`.execute(db);
}
