// People: admins create (invite), list, read and change people; everyone reads and changes their own profile.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { ForbiddenError, RuleViolation } from '../../domain/shared/errors.js';
import { TimeZone } from '../../domain/shared/schemas.js';
import { createPerson } from '../../db/people.js';
import { invitationSender } from '../../auth/invitations.js';
import {
  personInOrg,
  PersonSchema,
  toPerson,
  uniqueEmail,
  visiblePeople,
  visiblePerson,
} from '../../auth/people.js';
import { requireActor } from '../http.js';
import { errors, IdParams } from './schemas.js';
import { revokePerson } from '../revoke.js';

export const RoleSchema = z.enum(['admin', 'teacher', 'student']);
const Name = z.string().trim().min(1).max(200);
const Email = z.email().max(320);
const Language = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'must be a language tag like en or pt-BR');

export const Invitation = z.object({
  link: z
    .string()
    .nullable()
    .describe('only while mail is log-only (no SMTP_URL); otherwise null: it was mailed'),
  delivery: z.enum(['mail', 'log-only']),
  expiresAt: z.string(),
});

export async function peopleRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const invitations = invitationSender(deps, app.log);
  app.addHook('onClose', async () => invitations.close());

  r.post(
    '/api/people',
    {
      schema: {
        tags: ['people'],
        body: z.object({
          name: Name,
          email: Email,
          role: RoleSchema,
          timeZone: TimeZone.default('UTC'),
          language: Language.default('en'),
        }),
        response: { 201: z.object({ person: PersonSchema, invitation: Invitation }), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin');
      const id = randomUUID();
      await uniqueEmail(() => createPerson(deps.db, { ...request.body, id, orgId: actor.orgId }));
      const person = await personInOrg(deps.db, actor.orgId, id);
      const invitation = await invitations.send(person, 'invitation');
      reply.header('location', `/api/people/${id}`);
      return reply.status(201).send({ person: toPerson(person), invitation });
    },
  );

  r.get(
    '/api/people',
    {
      schema: {
        tags: ['people'],
        querystring: z.object({
          role: RoleSchema.optional(),
          active: z.enum(['true', 'false']).optional(),
        }),
        response: { 200: z.object({ people: z.array(PersonSchema) }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      let q = visiblePeople(deps.db, actor).where('erased_at', 'is', null);
      if (request.query.role) q = q.where('role', '=', request.query.role);
      if (request.query.active) q = q.where('active', '=', request.query.active === 'true');
      return { people: (await q.orderBy('name').orderBy('id').execute()).map(toPerson) };
    },
  );

  r.get(
    '/api/people/:id',
    { schema: { tags: ['people'], params: IdParams, response: { 200: PersonSchema, ...errors } } },
    async (request) => toPerson(await visiblePerson(deps.db, requireActor(request), request.params.id)),
  );

  r.patch(
    '/api/people/:id',
    {
      schema: {
        tags: ['people'],
        description:
          'Admins change anyone in their organisation; others their own name, time zone and language.',
        params: IdParams,
        body: z.object({
          name: Name.optional(),
          email: Email.optional(),
          timeZone: TimeZone.optional(),
          language: Language.optional(),
          role: RoleSchema.optional(),
        }),
        response: { 200: PersonSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const body = request.body;
      const self = request.params.id === actor.personId;
      const person =
        actor.role === 'admin'
          ? await personInOrg(deps.db, actor.orgId, request.params.id)
          : await visiblePerson(deps.db, actor, request.params.id);
      if (actor.role !== 'admin' && !self)
        throw new ForbiddenError('admin_only', 'only admins change other people');
      if (actor.role !== 'admin' && (body.role !== undefined || body.email !== undefined))
        throw new ForbiddenError('admin_only', 'only admins change roles and e-mail addresses');
      if (self && body.role !== undefined && body.role !== person.role)
        throw new RuleViolation('own_role', 'admins cannot change their own role', {});
      if (person.erased_at) throw new RuleViolation('erased', 'this person was erased', {});
      const changes = {
        ...(body.name !== undefined && { name: body.name }),
        ...(body.email !== undefined && { email: body.email }),
        ...(body.timeZone !== undefined && { time_zone: body.timeZone }),
        ...(body.language !== undefined && { language: body.language }),
        ...(body.role !== undefined && { role: body.role }),
      };
      if (Object.keys(changes).length > 0) {
        await uniqueEmail(() =>
          deps.db.updateTable('people').set(changes).where('id', '=', person.id).execute(),
        );
        // Their role, name or time zone as every node knows them from the session cookie changed.
        await revokePerson(deps, person.id);
      }
      return toPerson(await personInOrg(deps.db, actor.orgId, person.id));
    },
  );
}
