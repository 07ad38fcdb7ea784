// Shared Yjs documents of live rooms: every update as it arrived, and compacted snapshots so a join loads fast.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE room_doc_updates (
      seq bigserial PRIMARY KEY,
      room_id text NOT NULL,
      doc text NOT NULL,
      update bytea NOT NULL,
      person_id uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX room_doc_updates_doc ON room_doc_updates (room_id, doc, seq)`.execute(db);
  await sql`
    CREATE TABLE room_doc_snapshots (
      room_id text NOT NULL,
      doc text NOT NULL,
      state bytea NOT NULL,
      upto_seq bigint NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (room_id, doc)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE room_doc_snapshots`.execute(db);
  await sql`DROP TABLE room_doc_updates`.execute(db);
}
