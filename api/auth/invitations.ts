// One-time links to set a password (invitation or reset). The link carries a random token; the table keeps
// only its hash, and a link works once, until it expires.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { DbOrTrx } from '../../db/schema.js';
import type { AppDeps } from '../deps.js';
import './access.table.js';

export const INVITATION_TTL_HOURS = 72;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new link for a person; earlier unused links of that person stop working. */
export async function createInvitation(db: DbOrTrx, person: { id: string; org_id: string }, now: Date) {
  await db
    .deleteFrom('invitations')
    .where('person_id', '=', person.id)
    .where('used_at', 'is', null)
    .execute();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_HOURS * 3_600_000);
  await db
    .insertInto('invitations')
    .values({
      token_hash: hashToken(token),
      person_id: person.id,
      org_id: person.org_id,
      created_at: now,
      expires_at: expiresAt,
      used_at: null,
    })
    .execute();
  return { token, expiresAt };
}

/** Marks the link used and returns whose it was, or null when it is unknown, used or expired. Atomic: two
 * concurrent uses of one link cannot both succeed. */
export async function redeemInvitation(db: DbOrTrx, token: string, now: Date): Promise<string | null> {
  const row = await db
    .updateTable('invitations')
    .set({ used_at: now })
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('person_id')
    .executeTakeFirst();
  return row?.person_id ?? null;
}

export const invitationLink = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/$/, '')}/set-password#token=${token}`;

/**
 * Creates a link and "sends" it. Mail is log-only until the outbox takes it (DESIGN: SMTP_URL unset = log-only
 * mail), so the link goes to the log, on purpose, and back to the admin who asked.
 */
export async function sendInvitation(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config'>,
  log: FastifyBaseLogger,
  person: { id: string; org_id: string },
  kind: 'invitation' | 'password reset',
) {
  const { token, expiresAt } = await createInvitation(deps.db, person, deps.clock.now());
  const link = invitationLink(deps.config.PUBLIC_URL, token);
  log.info({ mail: { personId: person.id, kind } }, `mail (log-only) ${kind} link: ${link}`);
  return { link, expiresAt: expiresAt.toISOString() };
}
