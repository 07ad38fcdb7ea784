// Sign-in throttle, kept in Postgres so every API node counts the same failures: a temporary lockout per e-mail
// (guessing one person's password) and per IP address (spraying guesses over many e-mails; this is the rate
// limit). Successful sign-ins are not counted, so many people behind one school NAT can sign in.
// A successful sign-in clears the e-mail's failures. Locked answers are 429 with Retry-After.
//
// An attempt is counted BEFORE its password is checked, in one atomic upsert per key: parallel guesses each get
// their own count, and those past the limit are refused without a check, so a burst of wrong passwords cannot all
// pass the lockout check before the first failure is written. A success takes its count back.
import { sql } from 'kysely';
import { RateLimited } from '../domain/shared/errors.js';
import type { DbOrTrx } from '../db/schema.js';

export type Rule = { limit: number; windowSeconds: number; lockSeconds: number };

export const RULES = {
  failuresPerEmail: { limit: 5, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
  failuresPerIp: { limit: 20, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
} satisfies Record<string, Rule>;

const keys = (email: string, ip: string) => ({
  email: `failures:email:${email.toLowerCase()}`,
  ip: `failures:ip:${ip}`,
});

/** Throws RateLimited when any of the keys is locked now. */
async function refuseIfLocked(db: DbOrTrx, keyList: string[], now: Date) {
  const locked = await db
    .selectFrom('sign_in_throttle')
    .select(['locked_until'])
    .where('key', 'in', keyList)
    .where('locked_until', '>', now)
    .execute();
  if (locked.length === 0) return;
  const until = Math.max(...locked.map((l) => new Date(l.locked_until!).getTime()));
  const seconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
  throw new RateLimited(`too many sign-in attempts; try again in ${seconds} seconds`, seconds);
}

/**
 * Counts one more against a key, in a fixed window; locks the key when the count reaches the limit. Returns the
 * count with this attempt, atomically (the row is locked by the upsert).
 */
async function count(db: DbOrTrx, key: string, rule: Rule, now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - rule.windowSeconds * 1000);
  const lockUntil = new Date(now.getTime() + rule.lockSeconds * 1000);
  const expired = sql<boolean>`sign_in_throttle.window_started_at <= ${windowStart}`;
  const next = sql<number>`CASE WHEN ${expired} THEN 1 ELSE sign_in_throttle.failures + 1 END`;
  const row = await db
    .insertInto('sign_in_throttle')
    .values({
      key,
      failures: 1,
      window_started_at: now,
      locked_until: rule.limit <= 1 ? lockUntil : null,
    })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: next,
        window_started_at: sql`CASE WHEN ${expired} THEN ${now} ELSE sign_in_throttle.window_started_at END`,
        locked_until: sql`CASE WHEN ${next} >= ${rule.limit} THEN ${lockUntil} ELSE sign_in_throttle.locked_until END`,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return row.failures;
}

/**
 * Before checking a password: refuses while the e-mail or the IP is locked out, then counts this attempt as a
 * failure (taken back by signInSucceeded) and refuses it when it is past either limit.
 */
export async function beforeSignIn(db: DbOrTrx, email: string, ip: string, now: Date) {
  const k = keys(email, ip);
  await refuseIfLocked(db, [k.email, k.ip], now);
  // Forget counts nobody needs any more, so the table stays as small as the current attacks.
  await db
    .deleteFrom('sign_in_throttle')
    .where('window_started_at', '<', new Date(now.getTime() - 86_400_000))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .execute();
  const byEmail = await count(db, k.email, RULES.failuresPerEmail, now);
  const byIp = await count(db, k.ip, RULES.failuresPerIp, now);
  if (byEmail > RULES.failuresPerEmail.limit || byIp > RULES.failuresPerIp.limit) {
    await refuseIfLocked(db, [k.email, k.ip], now);
    const seconds = RULES.failuresPerEmail.lockSeconds;
    throw new RateLimited(`too many sign-in attempts; try again in ${seconds} seconds`, seconds);
  }
}

/** The attempt was counted by beforeSignIn already: nothing more to count. */
export async function signInFailed(_db: DbOrTrx, _email: string, _ip: string, _now: Date) {}

/** Clears the e-mail's failures and takes back this attempt's count against the IP. */
export async function signInSucceeded(db: DbOrTrx, email: string, ip: string) {
  const k = keys(email, ip);
  await db.deleteFrom('sign_in_throttle').where('key', '=', k.email).execute();
  await db
    .updateTable('sign_in_throttle')
    .set({
      failures: sql`greatest(failures - 1, 0)`,
      locked_until: sql`CASE WHEN failures - 1 < ${RULES.failuresPerIp.limit} THEN NULL ELSE locked_until END`,
    })
    .where('key', '=', k.ip)
    .execute();
}
