// Sign in and out with a cookie session; who am I.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { UnauthenticatedError } from '../../domain/shared/errors.js';
import { verifyPassword } from '../auth/passwords.js';
import { createSession, deleteSession, SESSION_COOKIE } from '../auth/sessions.js';
import { requireActor } from '../http.js';
import { errors, Ok } from './schemas.js';

export const Me = z.object({
  id: z.string(),
  orgId: z.string(),
  role: z.enum(['admin', 'teacher', 'student']),
  name: z.string(),
  timeZone: z.string(),
});

export async function authRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const secure = deps.config.PUBLIC_URL.startsWith('https:');

  r.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        body: z.object({ email: z.email().max(320), password: z.string().min(1).max(200) }),
        response: { 200: Me, ...errors },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const person = await deps.db
        .selectFrom('people')
        .selectAll()
        .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
        .where('erased_at', 'is', null)
        .executeTakeFirst();
      const ok = await verifyPassword(person?.password_hash ?? null, password);
      if (!person || !ok || !person.active) throw new UnauthenticatedError('e-mail or password is wrong');
      const { token, expiresAt } = await createSession(
        deps.db,
        person,
        deps.clock.now(),
        deps.config.SESSION_TTL_HOURS,
      );
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure,
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
}
