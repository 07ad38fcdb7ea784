// Recurring schedules on an enrollment: rules (weekdays, local time, IANA zone, length) that keep individual live
// sessions scheduled for the coming weeks; "this and following" splits a rule; removing one cancels what has
// not started.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { TimeZone } from '../../domain/shared/schemas.js';
import { Weekday } from '../../domain/enrollment/recurrence.js';
import { loadEnrollmentFor, loadEnrollmentForStaff } from '../../commands/enrollments.js';
import {
  addScheduleRule,
  generateSessions,
  removeScheduleRule,
  splitScheduleRule,
  systemContext,
  type GenerationReport,
} from '../../commands/scheduleRules.js';
import { scheduleRulesOf } from '../../projections/lessons/scheduleRuleQueries.js';
import type { Actor } from '../../auth/sessions.js';
import { afterWrite, commandContext, requireActor } from '../http.js';
import { newId } from './ids.js';
import { errors, IdParams, IsoDateTime } from './schemas.js';
import { RuleSchema, SkippedOccurrenceSchema } from '../../contract/enrollments.js';

const dayNames = {
  monday: 'MO',
  tuesday: 'TU',
  wednesday: 'WE',
  thursday: 'TH',
  friday: 'FR',
  saturday: 'SA',
  sunday: 'SU',
} as const;
const DayInput = z
  .union([Weekday, z.enum(Object.keys(dayNames) as [keyof typeof dayNames])])
  .transform((d) => (d in dayNames ? dayNames[d as keyof typeof dayNames] : (d as Weekday)))
  .describe('MO..SU or monday..sunday');
export const Weekdays = z
  .array(DayInput)
  .min(1)
  .max(7)
  .refine((days) => new Set(days).size === days.length, {
    message: 'name each weekday once',
    params: { rule: 'weekdays' },
  });
export const LocalTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM')
  .describe('wall-clock time in the rule time zone, e.g. 17:00');
export const Duration = z.number().int().min(5).max(480);
const RuleParams = z.object({ id: z.uuid(), ruleId: z.uuid() });

const Report = {
  scheduled: z.array(z.object({ ruleId: z.string(), start: z.string(), liveSessionId: z.string() })),
  skipped: z
    .array(SkippedOccurrenceSchema)
    .describe(
      'occurrences not scheduled, e.g. teacher_busy (teacher_double_booked) when the teacher is busy',
    ),
};
const report = (r: GenerationReport) => ({ scheduled: r.scheduled, skipped: r.skipped });

export async function scheduleRuleRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const ruleOf = async (actor: Actor, enrollmentId: string, ruleId: string) => {
    const rule = (await scheduleRulesOf(deps.db, actor.orgId, enrollmentId)).find((x) => x.id === ruleId);
    if (!rule) throw new NotFoundError('schedule_rule');
    return rule;
  };

  r.get(
    '/api/enrollments/:id/schedule-rules',
    {
      schema: {
        tags: ['schedule rules'],
        params: IdParams,
        response: { 200: z.object({ rules: z.array(RuleSchema) }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await loadEnrollmentFor(deps.eventStore, actor, request.params.id);
      return { rules: await scheduleRulesOf(deps.db, actor.orgId, request.params.id) };
    },
  );

  r.post(
    '/api/enrollments/:id/schedule-rules',
    {
      schema: {
        tags: ['schedule rules'],
        description: `Adds a rule and schedules its sessions for the coming weeks`,
        params: IdParams,
        body: z.object({
          weekdays: Weekdays,
          time: LocalTime,
          timeZone: TimeZone,
          durationMinutes: Duration.nullable()
            .default(null)
            .describe("defaults to the enrollment's default lesson length"),
          startsOn: z.iso.date().nullable().default(null).describe('first local date; default today'),
        }),
        response: { 201: z.object({ rule: RuleSchema, ...Report }), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const enrollmentId = request.params.id;
      const context = commandContext(deps, request, actor, { ifMatch: false });
      const ruleId = newId(context.idempotencyKey);
      const { weekdays, time, timeZone, durationMinutes, startsOn } = request.body;
      const result = await addScheduleRule(
        deps,
        actor,
        enrollmentId,
        ruleId,
        { weekdays, localTime: time, timeZone, durationMinutes, startsOn },
        context,
      );
      await afterWrite(deps, reply, { revision: -1, position: result.position });
      reply.removeHeader('etag');
      return reply.status(201).send({ rule: await ruleOf(actor, enrollmentId, ruleId), ...report(result) });
    },
  );

  r.post(
    '/api/enrollments/:id/schedule-rules/:ruleId/split',
    {
      schema: {
        tags: ['schedule rules'],
        description:
          '"This and following": the rule ends at the occurrence `from` (its sessions from then on that have not ' +
          'started are canceled) and a new rule with the changed terms takes over',
        params: RuleParams,
        body: z.object({
          from: IsoDateTime.describe('the start of the first occurrence to change'),
          weekdays: Weekdays.optional(),
          time: LocalTime.optional(),
          timeZone: TimeZone.optional(),
          durationMinutes: Duration.optional(),
        }),
        response: {
          201: z.object({ rule: RuleSchema, canceled: z.array(z.string()), ...Report }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const { id: enrollmentId, ruleId } = request.params;
      const context = commandContext(deps, request, actor, { ifMatch: false });
      const newRuleId = newId(context.idempotencyKey);
      const { from, time, ...terms } = request.body;
      const result = await splitScheduleRule(
        deps,
        actor,
        enrollmentId,
        ruleId,
        newRuleId,
        { ...terms, localTime: time, from: new Date(from).toISOString() },
        context,
      );
      await afterWrite(deps, reply, { revision: -1, position: result.position });
      reply.removeHeader('etag');
      return reply.status(201).send({
        rule: await ruleOf(actor, enrollmentId, newRuleId),
        canceled: result.canceled.canceled,
        ...report(result),
      });
    },
  );

  r.delete(
    '/api/enrollments/:id/schedule-rules/:ruleId',
    {
      schema: {
        tags: ['schedule rules'],
        description: 'Removes the rule and cancels its sessions that have not started',
        params: RuleParams,
        response: { 200: z.object({ canceled: z.array(z.string()) }), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const { id: enrollmentId, ruleId } = request.params;
      const context = commandContext(deps, request, actor, { ifMatch: false });
      const result = await removeScheduleRule(deps, actor, enrollmentId, ruleId, context);
      await afterWrite(deps, reply, { revision: -1, position: result.position });
      reply.removeHeader('etag');
      return { canceled: result.canceled };
    },
  );

  r.post(
    '/api/enrollments/:id/schedule-rules/generate',
    {
      schema: {
        tags: ['schedule rules'],
        description:
          'Fills the horizon now (the server also does this periodically); running it twice adds nothing',
        params: IdParams,
        response: { 200: z.object(Report), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin', 'teacher');
      await loadEnrollmentForStaff(deps.eventStore, actor, request.params.id);
      const context = systemContext(commandContext(deps, request, actor, { ifMatch: false }));
      const result = await generateSessions(deps, request.params.id, context);
      await afterWrite(deps, reply, { revision: -1, position: result.position });
      reply.removeHeader('etag');
      return report(result);
    },
  );
}
