// Groups: student groups (recurring group classes) and trainer groups (trainings), with members. Admins manage
// them; teachers read every group of the organisation (to schedule with them); students read the groups they
// are in.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { NotFoundError, RuleViolation } from '../../domain/shared/errors.js';
import type { Actor } from '../../auth/sessions.js';
import { requireActor } from '../http.js';
import { groupsTaughtBy } from '../../commands/teaching.js';
import { errors, IdParams } from './schemas.js';

const Kind = z.enum(['students', 'trainers']);
const GroupSchema = z.object({
  id: z.string(),
  kind: Kind,
  name: z.string(),
  members: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
});
const Name = z.string().trim().min(1).max(200);
const MemberParams = z.object({ id: z.uuid(), personId: z.uuid() });
const Detail = { 200: GroupSchema, ...errors };

export async function groupRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const load = async (actor: Actor, filter: { id?: string; kind?: 'students' | 'trainers' }) => {
    let q = deps.db.selectFrom('student_groups').selectAll().where('org_id', '=', actor.orgId);
    if (filter.id) q = q.where('id', '=', filter.id);
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    if (actor.role === 'student')
      q = q.where('id', 'in', (eb) =>
        eb.selectFrom('student_group_members').select('group_id').where('person_id', '=', actor.personId),
      );
    // A teacher sees the student groups they teach (one of their sessions names the group) and the trainer
    // groups they are in.
    if (actor.role === 'teacher') {
      const taught = await groupsTaughtBy(deps.db, actor.orgId, actor.personId).execute();
      const ids = taught.map((g) => g.student_group_id!);
      q = q.where((eb) =>
        eb.or([
          ...(ids.length > 0 ? [eb('id', 'in', ids)] : []),
          eb.and([
            eb('kind', '=', 'trainers'),
            eb(
              'id',
              'in',
              eb
                .selectFrom('student_group_members')
                .select('group_id')
                .where('person_id', '=', actor.personId),
            ),
          ]),
        ]),
      );
    }
    const groups = await q.orderBy('name').orderBy('id').execute();
    if (groups.length === 0) return [];
    const members = await deps.db
      .selectFrom('student_group_members as m')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .select(['m.group_id', 'p.id', 'p.name', 'p.role'])
      .where(
        'm.group_id',
        'in',
        groups.map((g) => g.id),
      )
      .orderBy('p.name')
      .execute();
    return groups.map((g) => ({
      id: g.id,
      kind: g.kind,
      name: g.name,
      members: members
        .filter((m) => m.group_id === g.id)
        .map((m) => ({ id: m.id, name: m.name, role: m.role })),
    }));
  };
  const one = async (actor: Actor, id: string) => {
    const [group] = await load(actor, { id });
    if (!group) throw new NotFoundError('group');
    return group;
  };

  /** Members must be active people of the organisation with a role that fits the kind of group. */
  const checkMembers = async (actor: Actor, kind: 'students' | 'trainers', ids: string[]) => {
    if (ids.length === 0) return;
    const found = await deps.db
      .selectFrom('people')
      .select(['id', 'role'])
      .where('org_id', '=', actor.orgId)
      .where('erased_at', 'is', null)
      .where('id', 'in', ids)
      .execute();
    const missing = ids.filter((id) => !found.some((p) => p.id === id));
    if (missing.length > 0)
      throw new NotFoundError('person', `person not found: ${missing.join(', ')}`, { ids: missing });
    const wrong = found.filter((p) => (kind === 'students') !== (p.role === 'student'));
    if (wrong.length > 0)
      throw kind === 'students'
        ? new RuleViolation('students_only', 'a student group holds students only', {
            personIds: wrong.map((p) => p.id),
          })
        : new RuleViolation('staff_only', 'a trainer group holds teachers and admins only', {
            personIds: wrong.map((p) => p.id),
          });
  };

  r.get(
    '/api/groups',
    {
      schema: {
        tags: ['groups'],
        querystring: z.object({ kind: Kind.optional() }),
        response: { 200: z.object({ groups: z.array(GroupSchema) }), ...errors },
      },
    },
    async (request) => ({ groups: await load(requireActor(request), { kind: request.query.kind }) }),
  );

  r.get(
    '/api/groups/:id',
    { schema: { tags: ['groups'], params: IdParams, response: Detail } },
    async (request) => one(requireActor(request), request.params.id),
  );

  r.post(
    '/api/groups',
    {
      schema: {
        tags: ['groups'],
        body: z.object({
          kind: Kind.default('students'),
          name: Name,
          memberIds: z.array(z.uuid()).max(500).default([]),
        }),
        response: { 201: GroupSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin');
      const { kind, name } = request.body;
      const memberIds = [...new Set(request.body.memberIds)];
      await checkMembers(actor, kind, memberIds);
      const id = randomUUID();
      await deps.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('student_groups')
          .values({ id, org_id: actor.orgId, kind, name, created_at: deps.clock.now() })
          .execute();
        if (memberIds.length > 0)
          await trx
            .insertInto('student_group_members')
            .values(memberIds.map((person_id) => ({ group_id: id, person_id })))
            .execute();
      });
      reply.header('location', `/api/groups/${id}`);
      return reply.status(201).send(await one(actor, id));
    },
  );

  r.patch(
    '/api/groups/:id',
    { schema: { tags: ['groups'], params: IdParams, body: z.object({ name: Name }), response: Detail } },
    async (request) => {
      const actor = requireActor(request, 'admin');
      await one(actor, request.params.id);
      await deps.db
        .updateTable('student_groups')
        .set({ name: request.body.name })
        .where('id', '=', request.params.id)
        .execute();
      return one(actor, request.params.id);
    },
  );

  r.delete(
    '/api/groups/:id',
    {
      schema: {
        tags: ['groups'],
        description: 'Sessions already scheduled with the group keep their participants.',
        params: IdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin');
      await one(actor, request.params.id);
      await deps.db.deleteFrom('student_groups').where('id', '=', request.params.id).execute();
      return reply.status(204).send(null);
    },
  );

  r.put(
    '/api/groups/:id/members/:personId',
    { schema: { tags: ['groups'], params: MemberParams, response: Detail } },
    async (request) => {
      const actor = requireActor(request, 'admin');
      const group = await one(actor, request.params.id);
      await checkMembers(actor, group.kind, [request.params.personId]);
      await deps.db
        .insertInto('student_group_members')
        .values({ group_id: group.id, person_id: request.params.personId })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return one(actor, group.id);
    },
  );

  r.delete(
    '/api/groups/:id/members/:personId',
    { schema: { tags: ['groups'], params: MemberParams, response: Detail } },
    async (request) => {
      const actor = requireActor(request, 'admin');
      const group = await one(actor, request.params.id);
      await deps.db
        .deleteFrom('student_group_members')
        .where('group_id', '=', group.id)
        .where('person_id', '=', request.params.personId)
        .execute();
      return one(actor, group.id);
    },
  );
}
