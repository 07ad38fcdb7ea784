// The audit log does not say who answered an anonymous poll: the audit read model keeps the ids of anonymous
// polls, and the answers to them are recorded without their actor. Rows written before are cleaned up here.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE audit_anonymous_polls (poll_id text PRIMARY KEY)`.execute(db);
  await sql`
    INSERT INTO audit_anonymous_polls (poll_id)
    SELECT DISTINCT data->>'pollId' FROM events
    WHERE type = 'RoomPollOpened' AND data->>'anonymous' = 'true' AND data->>'pollId' IS NOT NULL
    ON CONFLICT DO NOTHING`.execute(db);
  await sql`
    UPDATE audit_events a
    SET actor_id = NULL,
        ref_ids = CASE
          WHEN e.data->>'personId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
          THEN array_remove(a.ref_ids, (e.data->>'personId')::uuid)
          ELSE a.ref_ids
        END
    FROM events e
    JOIN audit_anonymous_polls p ON p.poll_id = e.data->>'pollId'
    WHERE e.event_id = a.event_id AND e.type = 'RoomPollAnswered'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE audit_anonymous_polls`.execute(db);
}
