// Cookie sessions stored in Postgres. The cookie carries a random token; the table keeps only its hash.
import { createHash, randomBytes } from 'node:crypto';
import type { DbOrTrx } from '../db/schema.js';
import type { Role } from '../db/people.table.js';

export const SESSION_COOKIE = 'lectern_session';

export type Actor = { personId: string; orgId: string; role: Role; name: string; timeZone: string };

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: DbOrTrx,
  person: { id: string; org_id: string },
  now: Date,
  ttlHours: number,
) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  await db
    .insertInto('auth_sessions')
    .values({
      token_hash: hashToken(token),
      person_id: person.id,
      org_id: person.org_id,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { token, expiresAt };
}

export async function actorForToken(db: DbOrTrx, token: string, now: Date): Promise<Actor | null> {
  return (await actorWithExpiry(db, token, now))?.actor ?? null;
}

/** The session's person and when the session expires (ms), read from the database; null when it is not valid. */
export async function actorWithExpiry(
  db: DbOrTrx,
  token: string,
  now: Date,
): Promise<{ actor: Actor; expiresAt: number } | null> {
  const row = await db
    .selectFrom('auth_sessions as s')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .select(['p.id', 'p.org_id', 'p.role', 'p.name', 'p.time_zone', 'p.active', 's.expires_at'])
    .where('s.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  const expiresAt = new Date(row?.expires_at ?? 0).getTime();
  if (!row || !row.active || expiresAt <= now.getTime()) return null;
  return {
    actor: { personId: row.id, orgId: row.org_id, role: row.role, name: row.name, timeZone: row.time_zone },
    expiresAt,
  };
}

export async function deleteSession(db: DbOrTrx, token: string) {
  await db.deleteFrom('auth_sessions').where('token_hash', '=', hashToken(token)).execute();
}

export async function deleteAllSessions(db: DbOrTrx, personId: string) {
  await db.deleteFrom('auth_sessions').where('person_id', '=', personId).execute();
}

/** Ends every session of the person but the one signed in with `keepToken` (a password change keeps it). */
export async function deleteOtherSessions(db: DbOrTrx, personId: string, keepToken: string) {
  await db
    .deleteFrom('auth_sessions')
    .where('person_id', '=', personId)
    .where('token_hash', '!=', hashToken(keepToken))
    .execute();
}
