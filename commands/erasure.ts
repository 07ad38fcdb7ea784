// Erasing a person (right to erasure). Personal data lives only in the mutable `people` table by design: events
// and read models refer to people by id. So erasure scrubs that row, and deletes what is keyed to the person and
// could carry their data or let them in (sessions, invitation links, group memberships, feed tokens, undelivered
// mail). The event history stays intact, so every balance and report still adds up; the person shows as erased.
import { sql } from 'kysely';
import type { Db } from '../db/schema.js';

export const ERASED_NAME = 'Erased person';
export const erasedEmail = (personId: string) => `erased-${personId}@erased.invalid`;

/** Tables of other features that hold rows keyed to a person; each is cleaned only if it exists. */
const PERSON_KEYED: readonly { table: string; column: string }[] = [
  { table: 'calendar_feed_tokens', column: 'person_id' },
  { table: 'mail_deliveries', column: 'recipient_id' },
];

async function existingTables(db: Db, names: string[]) {
  const { rows } = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_name = ANY(${names})`.execute(db);
  return new Set(rows.map((r) => r.table_name));
}

export async function erasePerson(db: Db, personId: string, now: Date) {
  const present = await existingTables(
    db,
    PERSON_KEYED.map((t) => t.table),
  );
  await db.transaction().execute(async (trx) => {
    const person = await trx
      .selectFrom('people')
      .select(['email'])
      .where('id', '=', personId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('people')
      .set({
        name: ERASED_NAME,
        email: erasedEmail(personId),
        password_hash: null,
        active: false,
        time_zone: 'UTC',
        language: 'en',
        erased_at: now,
      })
      .where('id', '=', personId)
      .execute();
    await trx.deleteFrom('auth_sessions').where('person_id', '=', personId).execute();
    await trx.deleteFrom('invitations').where('person_id', '=', personId).execute();
    await trx.deleteFrom('student_group_members').where('person_id', '=', personId).execute();
    await trx
      .deleteFrom('sign_in_throttle')
      .where('key', '=', `failures:email:${person.email.toLowerCase()}`)
      .execute();
    for (const { table, column } of PERSON_KEYED) {
      if (!present.has(table)) continue;
      await sql`DELETE FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ${personId}`.execute(trx);
    }
  });
}
