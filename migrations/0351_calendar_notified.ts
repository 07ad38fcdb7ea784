// When each calendar entry last changed and when each attendee joined it, so a reminder is not sent to someone
// who was just told (an invitation or update inside the reminder window already is the reminder).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE calendar_entries ADD COLUMN changed_at timestamptz`.execute(db);
  await sql`ALTER TABLE calendar_attendees ADD COLUMN added_at timestamptz`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE calendar_attendees DROP COLUMN added_at`.execute(db);
  await sql`ALTER TABLE calendar_entries DROP COLUMN changed_at`.execute(db);
}
