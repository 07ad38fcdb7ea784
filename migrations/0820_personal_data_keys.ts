// Personal data in the log: one data key per person seals their free text in events (chat, essays, feedback,
// reasons); erasure destroys the key and keeps the row as a tombstone. Also who wrote a poll and a session's
// completion notes, so the room and attendance read models can scrub an erased person's text.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE personal_data_keys (
      person_id uuid PRIMARY KEY,
      key bytea,
      created_at timestamptz NOT NULL,
      erased_at timestamptz
    )`.execute(db);
  await sql`ALTER TABLE room_polls ADD COLUMN opened_by uuid`.execute(db);
  await sql`ALTER TABLE attendance_completions ADD COLUMN completed_by uuid`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE attendance_completions DROP COLUMN completed_by`.execute(db);
  await sql`ALTER TABLE room_polls DROP COLUMN opened_by`.execute(db);
  await sql`DROP TABLE personal_data_keys`.execute(db);
}
