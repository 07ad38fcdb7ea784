// Languages: the one a course teaches (its lesson analyses are written in it) and each person's own (their
// post-session summaries and summary mails are written in it).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE courses ADD COLUMN language text`.execute(db);
  await sql`ALTER TABLE person_preferences ADD COLUMN language text`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE person_preferences DROP COLUMN language`.execute(db);
  await sql`ALTER TABLE courses DROP COLUMN language`.execute(db);
}
