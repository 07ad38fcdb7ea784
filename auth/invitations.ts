// One-time links to set a password (invitation or reset). The link carries a random token; the table keeps
// only its hash, and a link works once, until it expires.
import { createHash, randomBytes } from 'node:crypto';
import { RuleViolation } from '../domain/shared/errors.js';
import type { DbOrTrx } from '../db/schema.js';
import type { Db } from '../db/schema.js';
import type { Clock } from '../kernel/clock.js';
import type { Config } from '../kernel/config.js';
import { mailTransport } from '../mail/transport.js';

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

/** True when the link is known, unused and not expired (without using it). */
export async function invitationUsable(db: DbOrTrx, token: string, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('invitations')
    .select('person_id')
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return !!row;
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

export type InvitationKind = 'invitation' | 'password reset';

/**
 * Sends one-time links. With SMTP_URL the link goes by mail (mail/transport.ts). Without it, mail is log-only
 * (DESIGN: the embedded default), so the link is written to the log, on purpose, and the routes also hand it
 * back to the admin who asked, to pass on.
 */
type SenderDeps = { db: Db; clock: Clock; config: Pick<Config, 'SMTP_URL' | 'PUBLIC_URL'> };

/** The logging the sender needs (a pino logger fits). */
type SenderLog = {
  info(message: string): void;
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
};

export function invitationSender(deps: SenderDeps, log: SenderLog) {
  const transport = deps.config.SMTP_URL
    ? mailTransport(deps.config.SMTP_URL, (line) => log.info(line))
    : null;
  return {
    async send(person: { id: string; org_id: string; name: string; email: string }, kind: InvitationKind) {
      const { token, expiresAt } = await createInvitation(deps.db, person, deps.clock.now());
      const link = invitationLink(deps.config.PUBLIC_URL, token);
      if (transport) {
        await transport
          .send({
            from: { name: 'Lectern', email: `no-reply@${new URL(deps.config.PUBLIC_URL).hostname}` },
            to: { name: person.name, email: person.email },
            subject: kind === 'invitation' ? 'You are invited to Lectern' : 'Set a new Lectern password',
            text: `Hello ${person.name},\n\nset your password here (the link works once, for ${INVITATION_TTL_HOURS} hours):\n${link}\n`,
            messageId: `<${randomBytes(12).toString('hex')}@lectern>`,
          })
          .catch((error: unknown) => {
            log.error({ err: error, personId: person.id }, `${kind} mail failed`);
            throw new RuleViolation('mail_failed', 'the mail could not be sent; try again later', {
              mail: kind,
            });
          });
        // Sent by mail: only the person sees the link, not the admin who asked.
        return { link: null, delivery: 'mail' as const, expiresAt: expiresAt.toISOString() };
      }
      log.info({ mail: { personId: person.id, kind } }, `mail (log-only) ${kind} link: ${link}`);
      return { link, delivery: 'log-only' as const, expiresAt: expiresAt.toISOString() };
    },
    close: () => transport?.close(),
  };
}
