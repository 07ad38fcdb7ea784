// Homework on an enrollment: the teacher (or an admin) assigns, reschedules, removes and verifies; the student
// sees their own and starts and passes it.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { HomeworkStatus } from '../../domain/enrollment/homework.js';
import { loadEnrollmentFor } from '../../commands/enrollments.js';
import { assignHomework, changeHomework, type HomeworkChange } from '../../commands/enrollmentsHomework.js';
import { homeworkList } from '../../projections/homework/queries.js';
import type { Actor } from '../../auth/sessions.js';
import { afterWrite, commandContext, requireActor } from '../http.js';
import { newId } from './ids.js';
import { errors, IdParams, IsoDateTime } from './schemas.js';
import { HomeworkItemSchema } from '../../contract/homework.js';
import { withLastAttempts } from './lessonScores.js';

const HomeworkParams = z.object({ id: z.uuid(), homeworkId: z.uuid() });
const ScheduledFor = IsoDateTime.nullable()
  .default(null)
  .describe('when the student should do it; null for no date');
const asIso = (value: string | null) => (value === null ? null : new Date(value).toISOString());

/** Status changes by route: what each action is called in the URL and the command it sends. */
const actions = {
  start: { type: 'StartHomework' },
  pass: { type: 'PassHomework' },
  verify: { type: 'VerifyHomework' },
  'revoke-verification': { type: 'RevokeHomeworkVerification' },
} as const satisfies Record<string, HomeworkChange>;

export async function homeworkRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const one = async (actor: Actor, enrollmentId: string, homeworkId: string) => {
    const [homework] = (
      await homeworkList(deps.db, { orgId: actor.orgId, enrollmentIds: [enrollmentId] })
    ).filter((h) => h.id === homeworkId);
    if (!homework) throw new NotFoundError('homework');
    const [withAttempt] = await withLastAttempts(deps, actor.orgId, [homework]);
    return { ...withAttempt!, status: HomeworkStatus.parse(homework.status) };
  };
  const listOf = async (actor: Actor, filter: Parameters<typeof homeworkList>[1]) =>
    (await withLastAttempts(deps, actor.orgId, await homeworkList(deps.db, filter))).map((h) => ({
      ...h,
      status: HomeworkStatus.parse(h.status),
    }));

  r.get(
    '/api/homework',
    {
      schema: {
        tags: ['homework'],
        description:
          "The actor's homework: a student's own, a teacher's students', an admin's organisation's",
        querystring: z.object({ status: HomeworkStatus.optional() }),
        response: { 200: z.object({ homework: z.array(HomeworkItemSchema) }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return {
        homework: await listOf(actor, {
          orgId: actor.orgId,
          status: request.query.status,
          studentId: actor.role === 'student' ? actor.personId : undefined,
          teacherId: actor.role === 'teacher' ? actor.personId : undefined,
        }),
      };
    },
  );

  r.get(
    '/api/enrollments/:id/homework',
    {
      schema: {
        tags: ['homework'],
        params: IdParams,
        response: { 200: z.object({ homework: z.array(HomeworkItemSchema) }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await loadEnrollmentFor(deps.eventStore, actor, request.params.id);
      return { homework: await listOf(actor, { orgId: actor.orgId, enrollmentIds: [request.params.id] }) };
    },
  );

  r.post(
    '/api/enrollments/:id/homework',
    {
      schema: {
        tags: ['homework'],
        params: IdParams,
        body: z.object({ courseLessonId: z.uuid(), scheduledFor: ScheduledFor }),
        response: { 201: HomeworkItemSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const enrollmentId = request.params.id;
      const context = commandContext(deps, request, actor, { ifMatch: false });
      const homeworkId = newId(context.idempotencyKey);
      const result = await assignHomework(
        deps,
        actor,
        enrollmentId,
        homeworkId,
        { courseLessonId: request.body.courseLessonId, scheduledFor: asIso(request.body.scheduledFor) },
        context,
      );
      await afterWrite(deps, reply, result);
      // A replayed request answers with the homework the first one created.
      const state = result.state;
      const created =
        state.status === 'active'
          ? Object.values(state.homework).find((h) => h.courseLessonId === request.body.courseLessonId)
          : undefined;
      return reply.status(201).send(await one(actor, enrollmentId, created?.homeworkId ?? homeworkId));
    },
  );

  r.patch(
    '/api/enrollments/:id/homework/:homeworkId',
    {
      schema: {
        tags: ['homework'],
        params: HomeworkParams,
        body: z.object({ scheduledFor: IsoDateTime.nullable() }),
        response: { 200: HomeworkItemSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const { id, homeworkId } = request.params;
      const change = { type: 'RescheduleHomework' as const, scheduledFor: asIso(request.body.scheduledFor) };
      const context = commandContext(deps, request, actor);
      await afterWrite(deps, reply, await changeHomework(deps, actor, id, homeworkId, change, context));
      return one(actor, id, homeworkId);
    },
  );

  r.delete(
    '/api/enrollments/:id/homework/:homeworkId',
    {
      schema: {
        tags: ['homework'],
        params: HomeworkParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const { id, homeworkId } = request.params;
      const context = commandContext(deps, request, actor);
      const result = await changeHomework(deps, actor, id, homeworkId, { type: 'RemoveHomework' }, context);
      await afterWrite(deps, reply, result);
      return reply.status(204).send(null);
    },
  );

  for (const [action, change] of Object.entries(actions)) {
    r.post(
      `/api/enrollments/:id/homework/:homeworkId/${action}`,
      {
        schema: {
          tags: ['homework'],
          description:
            action === 'start' || action === 'pass'
              ? 'the student (own homework), the teacher or an admin'
              : 'the teacher or an admin',
          params: HomeworkParams,
          response: { 200: HomeworkItemSchema, ...errors },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const { id, homeworkId } = request.params;
        const context = commandContext(deps, request, actor);
        await afterWrite(deps, reply, await changeHomework(deps, actor, id, homeworkId, change, context));
        return one(actor, id, homeworkId);
      },
    );
  }
}
