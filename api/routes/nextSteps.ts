// The completion screen's next steps for a live session: homework, the next class or suggestions, and scheduling
// the chosen follow-up (Continue Lesson, Next Lesson, or any other lesson).
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { MAX_DURATION, MIN_DURATION } from '../../domain/liveSession/decider.js';
import { HomeworkStatus } from '../../domain/enrollment/homework.js';
import { scheduleNextStep } from '../../commands/nextSteps.js';
import { requireManager, type Scheduler } from '../../commands/liveSessionAccess.js';
import { nextSteps } from '../../projections/nextSteps/queries.js';
import { scheduleEntryOf } from '../answers.js';
import { afterWrite, commandContext, requireActor } from '../http.js';
import { newId } from './ids.js';
import { errors, IdParams, IsoDateTime } from './schemas.js';
import { NextStepsSchema } from '../../contract/completion.js';
import { ScheduleEntrySchema } from '../../contract/schedule.js';

export async function nextStepRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  /** The next steps of a session the actor manages (teacher or admin). */
  const stepsFor = async (actor: Scheduler, liveSessionId: string) => {
    const { state } = await requireManager(deps, actor, liveSessionId);
    return nextSteps(deps.db, { ...state, liveSessionId, orgId: actor.orgId });
  };

  r.get(
    '/api/live-sessions/:id/next-steps',
    {
      schema: {
        tags: ['live sessions'],
        description: 'The completion screen: homework, the next class, or what to schedule next',
        params: IdParams,
        response: { 200: NextStepsSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const steps = await stepsFor(actor, request.params.id);
      return {
        ...steps,
        homework: steps.homework.map((h) => ({ ...h, status: HomeworkStatus.parse(h.status) })),
      };
    },
  );

  r.post(
    '/api/live-sessions/:id/next-steps/schedule',
    {
      schema: {
        tags: ['live sessions'],
        description:
          'Schedules the follow-up class with the same students, teacher and zone: the same lesson (continue), ' +
          'the next one in the course (next), or courseLessonId (other)',
        params: IdParams,
        body: z.object({
          suggestion: z.enum(['continue', 'next', 'other']),
          courseLessonId: z.uuid().nullable().default(null),
          start: IsoDateTime,
          durationMinutes: z
            .number()
            .int()
            .min(MIN_DURATION)
            .max(MAX_DURATION)
            .nullable()
            .default(null)
            .describe("defaults to the enrollment's lesson length (individual) or this session's (group)"),
        }),
        response: { 201: ScheduleEntrySchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const context = commandContext(deps, request, actor, { ifMatch: false });
      const id = newId(context.idempotencyKey);
      const body = request.body;
      const { nextLesson } = await stepsFor(actor, request.params.id);
      const result = await scheduleNextStep(
        deps,
        actor,
        request.params.id,
        id,
        {
          ...body,
          start: new Date(body.start).toISOString(),
          nextLessonId: nextLesson?.courseLessonId ?? null,
        },
        context,
      );
      await afterWrite(deps, reply, result, { answer: 'decided' });
      const detail = await scheduleEntryOf(deps, result.state, result.revision);
      reply.header('location', `/api/live-sessions/${id}`);
      return reply.status(201).send(detail);
    },
  );
}
