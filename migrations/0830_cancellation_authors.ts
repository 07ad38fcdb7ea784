// Who canceled a live session or a training event: their reason is their personal text (sealed with their key
// in the log), so the schedule and trainings read models can scrub it when that person is erased.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE schedule_sessions ADD COLUMN canceled_by uuid`.execute(db);
  await sql`ALTER TABLE training_events ADD COLUMN canceled_by uuid`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE training_events DROP COLUMN canceled_by`.execute(db);
  await sql`ALTER TABLE schedule_sessions DROP COLUMN canceled_by`.execute(db);
}
