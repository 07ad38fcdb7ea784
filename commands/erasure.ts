// Erasing a person (right to erasure). Their name and e-mail live only in the mutable `people` table: events and
// read models refer to people by id. So erasure scrubs that row, and deletes what is keyed to the person and
// could carry their data or let them in (sessions, invitation links, group memberships, feed tokens, undelivered
// mail). Their free text in events (chat, essays, feedback, reasons) is sealed with their data key
// (commands/eventStore/personalData/): erasure destroys the key, so the log reads "[erased]" there from now on,
// and a PersonalDataErased event tells every read model to scrub its copies. Everything else in the history
// stays, so every balance and report still adds up; the person shows as erased.
import { sql } from 'kysely';
import type { Db } from '../db/schema.js';
import type { Bus } from '../bus/port.js';
import type { EventStore } from './eventStore/port.js';
import { streamId } from './eventStore/streams.js';
import { destroyKey } from './eventStore/personalData/keys.js';
import {
  ERASED_TEXT,
  PERSONAL_DATA_ERASED,
  type PersonalDataErasedData,
} from './eventStore/personalData/fields.js';
import { metadataFor, type CommandContext } from './handleCommand.js';
import { forgetStates } from './streamCache.js';

/** Tells every node that a person was erased: folded states cached in memory may hold their text. */
export const PERSONAL_DATA_ERASED_SUBJECT = 'personalData.erased';

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

export type ErasureDeps = { db: Db; eventStore: EventStore; bus: Bus };

/**
 * Erases a person. Safe to repeat after a failure: the key stays destroyed and the event is appended once.
 * The key goes first, so every event appended before the erasure event was sealed before it.
 */
export async function erasePerson(deps: ErasureDeps, personId: string, context: CommandContext) {
  const now = new Date(context.now);
  await destroyKey(deps.db, personId, now);
  const data: PersonalDataErasedData = { personId, at: context.now };
  await deps.eventStore.appendToStream(
    streamId('personalData', personId),
    [{ type: PERSONAL_DATA_ERASED, data, metadata: metadataFor(context) }],
    { expectedRevision: 'any', idempotencyKey: `personalDataErased:${personId}` },
  );
  await erasePersonRow(deps.db, personId, now);
  forgetStates(deps.eventStore);
  await deps.bus.publish(PERSONAL_DATA_ERASED_SUBJECT, new Uint8Array()).catch(() => undefined);
}

async function erasePersonRow(db: Db, personId: string, now: Date) {
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
    // The reason they gave for a cancellation, quoted in mails to others already taken from the outbox.
    if (present.has('mail_deliveries'))
      await sql`
        UPDATE mail_deliveries SET params = jsonb_set(params, '{reason}', to_jsonb(${ERASED_TEXT}::text))
        WHERE params ->> 'reasonBy' = ${personId} AND jsonb_typeof(params -> 'reason') = 'string'`.execute(
        trx,
      );
  });
}
