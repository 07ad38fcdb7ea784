// Post-session summaries made again after a correction: the revision shown, who asked and what it cost; and the
// revision the organisation's wallet could not pay (no summaries made), with the reason.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE session_summaries
      ADD COLUMN revision integer NOT NULL DEFAULT 0,
      ADD COLUMN requested_by uuid,
      ADD COLUMN cost_tokens numeric NOT NULL DEFAULT 0`.execute(db);
  await sql`
    CREATE TABLE session_summary_refusals (
      live_session_id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      teacher_id uuid NOT NULL,
      revision integer NOT NULL,
      tokens numeric NOT NULL,
      balance numeric,
      code text NOT NULL,
      reason text NOT NULL,
      refused_at timestamptz NOT NULL
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE session_summary_refusals`.execute(db);
  await sql`
    ALTER TABLE session_summaries
      DROP COLUMN revision, DROP COLUMN requested_by, DROP COLUMN cost_tokens`.execute(db);
}
