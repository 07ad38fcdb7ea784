// The follow-up messages sent after lessons: the latest revision of each session's message.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE follow_ups (
      live_session_id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      teacher_id uuid NOT NULL,
      revision integer NOT NULL,
      key_points text NOT NULL,
      resources jsonb NOT NULL,
      preparation text,
      students jsonb NOT NULL,
      sent_by uuid NOT NULL,
      sent_at timestamptz NOT NULL
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE follow_ups`.execute(db);
}
