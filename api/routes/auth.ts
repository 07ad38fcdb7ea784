// Sign in and out with a cookie session; who am I.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { ForbiddenError, UnauthenticatedError, ValidationError } from '../../domain/shared/errors.js';
import { hashPassword, verifyPassword } from '../../auth/passwords.js';
import {
  actorForToken,
  createSession,
  deleteAllSessions,
  deleteOtherSessions,
  deleteSession,
  SESSION_COOKIE,
} from '../../auth/sessions.js';
import { beforeSignIn, signInFailed, signInSucceeded } from '../../auth/throttle.js';
import { invitationUsable, redeemInvitation } from '../../auth/invitations.js';
import { requireActor } from '../http.js';
import { revokePerson } from '../revoke.js';
import { errors, Ok, ProblemSchema } from './schemas.js';

export const Me = z.object({
  id: z.string(),
  orgId: z.string(),
  role: z.enum(['admin', 'teacher', 'student']),
  name: z.string(),
  timeZone: z.string(),
});

export async function authRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Secure when the public URL is https, or when a TLS-terminating proxy says so (X-Forwarded-Proto, trusted).
  const publicHttps = deps.config.PUBLIC_URL.startsWith('https:');
  const secureFor = (request: { protocol: string }) => publicHttps || request.protocol === 'https';

  r.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        description:
          'Five failures for one e-mail, or twenty from one IP, within 15 minutes lock sign-in for 15 minutes (429).',
        body: z.object({ email: z.email().max(320), password: z.string().min(1).max(200) }),
        response: { 200: Me, ...errors, 429: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const now = deps.clock.now();
      await beforeSignIn(deps.db, email, request.ip, now);
      const person = await deps.db
        .selectFrom('people')
        .selectAll()
        .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
        .where('erased_at', 'is', null)
        .executeTakeFirst();
      const ok = await verifyPassword(person?.password_hash ?? null, password);
      if (!person || !ok || !person.active) {
        await signInFailed(deps.db, email, request.ip, now);
        throw new UnauthenticatedError('e-mail or password is wrong');
      }
      await signInSucceeded(deps.db, email, request.ip);
      const { token, expiresAt } = await createSession(deps.db, person, now, deps.config.SESSION_TTL_HOURS);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secureFor(request),
        expires: expiresAt,
      });
      return {
        id: person.id,
        orgId: person.org_id,
        role: person.role,
        name: person.name,
        timeZone: person.time_zone,
      };
    },
  );

  r.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], response: { 200: Ok } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(deps.db, token);
      // This session's live connections close too (each connection re-checks its own session).
      if (request.actor) await revokePerson(deps, request.actor.personId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.get('/api/me', { schema: { tags: ['auth'], response: { 200: Me, ...errors } } }, async (request) => {
    const actor = requireActor(request);
    return {
      id: actor.personId,
      orgId: actor.orgId,
      role: actor.role,
      name: actor.name,
      timeZone: actor.timeZone,
    };
  });

  r.post(
    '/api/auth/logout-everywhere',
    {
      schema: {
        tags: ['auth'],
        description: 'Ends every session of the signed-in person, on every device.',
        response: { 200: Ok, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await deleteAllSessions(deps.db, actor.personId);
      await revokePerson(deps, actor.personId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.post(
    '/api/auth/set-password',
    {
      schema: {
        tags: ['auth'],
        description: 'Sets a password with the one-time token of an invitation or reset link, then signs in.',
        body: z.object({
          token: z.string().min(20).max(200),
          password: z.string().min(10, 'must be at least 10 characters').max(200),
        }),
        response: { 200: Me, ...errors },
      },
    },
    async (request, reply) => {
      const now = deps.clock.now();
      const unusable = () =>
        new ValidationError('this link is unknown, used or expired; ask an admin for a new one', [
          { path: 'body.token', message: 'is unknown, used or expired', code: 'link_expired' },
        ]);
      // The token first: a wrong one costs no hash (argon2 is the expensive part), then the link is used once.
      if (!(await invitationUsable(deps.db, request.body.token, now))) throw unusable();
      const hash = await hashPassword(request.body.password);
      const personId = await redeemInvitation(deps.db, request.body.token, now);
      if (!personId) throw unusable();
      const person = await deps.db
        .updateTable('people')
        .set({ password_hash: hash })
        .where('id', '=', personId)
        .where('erased_at', 'is', null)
        .returningAll()
        .executeTakeFirstOrThrow();
      // A new password ends the sessions signed in with the old one.
      await deleteAllSessions(deps.db, person.id);
      await revokePerson(deps, person.id);
      if (!person.active)
        throw new ForbiddenError(
          'account_deactivated',
          'the password is set, but this account is deactivated',
        );
      const { token, expiresAt } = await createSession(deps.db, person, now, deps.config.SESSION_TTL_HOURS);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secureFor(request),
        expires: expiresAt,
      });
      const actor = (await actorForToken(deps.db, token, now))!;
      return {
        id: actor.personId,
        orgId: actor.orgId,
        role: actor.role,
        name: actor.name,
        timeZone: actor.timeZone,
      };
    },
  );

  r.post(
    '/api/auth/change-password',
    {
      schema: {
        tags: ['auth'],
        description:
          "Changes the signed-in person's password; the current one is required. Every other session of the " +
          'person ends (on every device); this one stays signed in. At most 10 tries a minute per person (429).',
        body: z.object({
          currentPassword: z.string().min(1).max(200),
          newPassword: z.string().min(10, 'must be at least 10 characters').max(200),
        }),
        response: { 200: Ok, ...errors, 429: ProblemSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { currentPassword, newPassword } = request.body;
      const person = await deps.db
        .selectFrom('people')
        .select(['password_hash'])
        .where('id', '=', actor.personId)
        .executeTakeFirstOrThrow();
      if (!(await verifyPassword(person.password_hash, currentPassword)))
        throw new ValidationError('the current password is wrong', [
          { path: 'body.currentPassword', message: 'is wrong', code: 'wrong_password' },
        ]);
      if (newPassword === currentPassword)
        throw new ValidationError('the new password is the current one', [
          {
            path: 'body.newPassword',
            message: 'must differ from the current password',
            code: 'same_password',
          },
        ]);
      const hash = await hashPassword(newPassword);
      await deps.db
        .updateTable('people')
        .set({ password_hash: hash })
        .where('id', '=', actor.personId)
        .execute();
      // Whoever signed in with the old password elsewhere is signed out; their live connections close too.
      await deleteOtherSessions(deps.db, actor.personId, request.cookies[SESSION_COOKIE]!);
      await revokePerson(deps, actor.personId);
      return { ok: true as const };
    },
  );
}
