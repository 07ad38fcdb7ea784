// Live sessions: schedule, read, reschedule, change details, add and remove students, cancel.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { TimeZone } from '../../domain/shared/schemas.js';
import { MAX_DURATION, MIN_DURATION } from '../../domain/liveSession/decider.js';
import { changeLiveSessionDetails, scheduleLiveSession } from '../../commands/liveSessions.js';
import { loadLiveSessionFor, managerOf, requireManager } from '../../commands/liveSessionAccess.js';
import { cancelLiveSession, rescheduleLiveSession } from '../../commands/liveSessionMoves.js';
import {
  addParticipant,
  participantsFor,
  removeParticipant,
} from '../../commands/liveSessionParticipants.js';
import { requireOwnStudents } from '../../commands/teaching.js';
import { sessionDetail } from '../../projections/schedule/queries.js';
import { scheduleEntryOf } from '../answers.js';
import { afterWrite, commandContext, etag, prefersMinimal, requireActor } from '../http.js';
import { newId } from './ids.js';
import { errors, IdParams, IsoDateTime } from './schemas.js';
import { ScheduleEntrySchema } from '../../contract/schedule.js';
import { publishRoomRevoked } from '../../bus/revocations.js';

const Duration = z.number().int().min(MIN_DURATION).max(MAX_DURATION);
const Title = z.string().trim().max(200).nullable().default(null);
const Notes = z.string().max(4000).nullable().default(null);

const ScheduleBody = z
  .object({
    kind: z.enum(['individual', 'group']),
    courseId: z.uuid(),
    courseLessonId: z.uuid().nullable().default(null),
    enrollmentId: z.uuid().nullable().default(null),
    studentIds: z.array(z.uuid()).max(200).default([]),
    studentGroupId: z.uuid().nullable().default(null),
    teacherId: z.uuid().nullable().default(null),
    start: IsoDateTime,
    durationMinutes: Duration.nullable()
      .default(null)
      .describe('defaults to the enrollment default lesson length (individual) or 60'),
    timeZone: TimeZone,
    title: Title,
    notes: Notes,
  })
  .refine((b) => b.kind === 'group' || b.enrollmentId !== null, {
    path: ['enrollmentId'],
    message: 'an individual session needs an enrollment',
    params: { rule: 'required' },
  })
  .refine((b) => b.kind === 'individual' || b.studentIds.length > 0 || b.studentGroupId !== null, {
    path: ['studentIds'],
    message: 'a group session needs students or a student group',
    params: { rule: 'group_needs_students' },
  });

const Detail = { 200: ScheduleEntrySchema, ...errors };

export async function liveSessionRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const reply = async (orgId: string, id: string) => {
    const detail = await sessionDetail(deps.db, orgId, id);
    if (!detail) throw new NotFoundError('live_session');
    return detail;
  };

  r.post(
    '/api/live-sessions',
    {
      schema: {
        tags: ['live sessions'],
        body: ScheduleBody,
        response: { 201: ScheduleEntrySchema, ...errors },
      },
    },
    async (request, res) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const context = commandContext(deps, request, actor, { ifMatch: false });
      const id = newId(context.idempotencyKey);
      const body = request.body;
      const result = await scheduleLiveSession(
        deps,
        actor,
        id,
        { ...body, start: new Date(body.start).toISOString() },
        context,
      );
      await afterWrite(deps, res, result, { answer: 'decided' });
      res.header('location', `/api/live-sessions/${id}`);
      return res.status(201).send(await scheduleEntryOf(deps, result.state, result.revision));
    },
  );

  r.get(
    '/api/live-sessions/:id',
    { schema: { tags: ['live sessions'], params: IdParams, response: Detail } },
    async (request, res) => {
      const actor = requireActor(request);
      const { revision } = await loadLiveSessionFor(deps, actor, request.params.id);
      res.header('etag', etag(revision));
      return reply(actor.orgId, request.params.id);
    },
  );

  r.post(
    '/api/live-sessions/:id/reschedule',
    {
      schema: {
        tags: ['live sessions'],
        params: IdParams,
        body: z.object({ start: IsoDateTime, durationMinutes: Duration, timeZone: TimeZone }),
        response: Detail,
      },
    },
    async (request, res) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const body = { ...request.body, start: new Date(request.body.start).toISOString() };
      const result = await rescheduleLiveSession(
        deps,
        actor,
        request.params.id,
        body,
        commandContext(deps, request, actor),
      );
      await afterWrite(deps, res, result);
      return reply(actor.orgId, request.params.id);
    },
  );

  r.patch(
    '/api/live-sessions/:id',
    {
      schema: {
        tags: ['live sessions'],
        params: IdParams,
        body: z.object({ title: Title, notes: Notes, courseLessonId: z.uuid().nullable().default(null) }),
        response: { ...Detail, 204: z.null().describe('with Prefer: return=minimal') },
      },
    },
    async (request, res) => {
      const actor = requireActor(request, 'admin', 'teacher');
      // A lesson of the course is checked against the session first: who may see it is checked before that.
      if (request.body.courseLessonId) await requireManager(deps, actor, request.params.id);
      const context = { ...commandContext(deps, request, actor), authorize: managerOf(actor) };
      const result = await changeLiveSessionDetails(deps, request.params.id, request.body, context);
      await afterWrite(deps, res, result);
      if (prefersMinimal(request)) return res.status(204).send(null);
      return reply(actor.orgId, request.params.id);
    },
  );

  r.post(
    '/api/live-sessions/:id/participants',
    {
      schema: {
        tags: ['live sessions'],
        params: IdParams,
        body: z.object({
          studentId: z.uuid(),
          lessonCostTokens: z
            .number()
            .int()
            .min(0)
            .max(100_000)
            .nullable()
            .default(null)
            .describe(
              "the lesson's price for a student without an enrollment in the course or with the teacher " +
                '(else the lesson cannot be completed with a deduction until one is set)',
            ),
        }),
        response: Detail,
      },
    },
    async (request, res) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const { state } = await requireManager(deps, actor, request.params.id);
      const [found] = await participantsFor(deps.db, actor.orgId, state.courseId, [request.body.studentId]);
      await requireOwnStudents(deps.db, actor, [request.body.studentId]);
      const { lessonCostTokens } = request.body;
      const participant = lessonCostTokens === null ? found! : { ...found!, lessonCostTokens };
      const context = commandContext(deps, request, actor);
      const result = await addParticipant(deps, request.params.id, participant, context);
      await afterWrite(deps, res, result);
      return reply(actor.orgId, request.params.id);
    },
  );

  r.delete(
    '/api/live-sessions/:id/participants/:studentId',
    {
      schema: {
        tags: ['live sessions'],
        params: z.object({ id: z.uuid(), studentId: z.uuid() }),
        response: Detail,
      },
    },
    async (request, res) => {
      const actor = requireActor(request, 'admin', 'teacher');
      await requireManager(deps, actor, request.params.id);
      const context = commandContext(deps, request, actor);
      const result = await removeParticipant(deps, request.params.id, request.params.studentId, context);
      // The removed student's live room connection closes on every node.
      await publishRoomRevoked(deps.bus, `ls-${request.params.id}`);
      await afterWrite(deps, res, result);
      return reply(actor.orgId, request.params.id);
    },
  );

  r.post(
    '/api/live-sessions/:id/cancel',
    {
      schema: {
        tags: ['live sessions'],
        params: IdParams,
        body: z.object({ reason: z.string().trim().min(1).max(1000) }),
        response: Detail,
      },
    },
    async (request, res) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const result = await cancelLiveSession(
        deps,
        actor,
        request.params.id,
        request.body.reason,
        commandContext(deps, request, actor),
      );
      await afterWrite(deps, res, result);
      return reply(actor.orgId, request.params.id);
    },
  );
}
