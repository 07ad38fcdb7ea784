// Recurring classes of a student group: weekly rules (weekdays, local time, IANA zone, length, course, teacher)
// that keep group sessions with the group's members scheduled for the coming weeks; "this and following"
// splits a rule; removing one cancels the classes it made that have not started.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { TimeZone } from '../../domain/shared/schemas.js';
import {
  addGroupScheduleRule,
  generateGroupClassesFor,
  loadStudentGroupFor,
  removeGroupScheduleRule,
  splitGroupScheduleRule,
} from '../../commands/groupSchedule.js';
import type { GroupGenerationReport } from '../../commands/groupScheduleGeneration.js';
import { groupScheduleRulesOf } from '../../projections/groupSchedule/queries.js';
import type { Actor } from '../../auth/sessions.js';
import { afterWrite, commandContext, requireActor } from '../http.js';
import { newId } from './ids.js';
import { errors, IdParams, IsoDateTime } from './schemas.js';
import { Duration, LocalTime, Weekdays } from './scheduleRules.js';
import { GroupGenerationSchema, GroupRuleSchema } from '../../contract/groupSchedule.js';

const RuleParams = z.object({ id: z.uuid(), ruleId: z.uuid() });
const report = (r: GroupGenerationReport) => ({
  scheduled: r.scheduled,
  skipped: r.skipped,
  studentsChanged: r.studentsChanged,
});

export async function groupScheduleRuleRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const ruleOf = async (actor: Actor, groupId: string, ruleId: string) => {
    const rule = (await groupScheduleRulesOf(deps.db, actor.orgId, groupId)).find((x) => x.id === ruleId);
    if (!rule) throw new NotFoundError('schedule_rule');
    return rule;
  };

  r.get(
    '/api/groups/:id/schedule-rules',
    {
      schema: {
        tags: ['group schedule rules'],
        description:
          "The group's recurring classes with each occurrence (admins, its teachers, its students)",
        params: IdParams,
        response: { 200: z.object({ rules: z.array(GroupRuleSchema) }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await loadStudentGroupFor(deps.db, actor, request.params.id);
      return { rules: await groupScheduleRulesOf(deps.db, actor.orgId, request.params.id) };
    },
  );

  r.post(
    '/api/groups/:id/schedule-rules',
    {
      schema: {
        tags: ['group schedule rules'],
        description:
          "Adds a weekly class for the group and schedules it for the coming weeks with the group's members; " +
          'students who join the group later are added to the classes still ahead (those who leave are taken ' +
          'out) when the schedule is next filled (hourly, or POST .../generate)',
        params: IdParams,
        body: z.object({
          courseId: z.uuid(),
          teacherId: z
            .uuid()
            .nullable()
            .default(null)
            .describe('who teaches the classes; default the caller'),
          weekdays: Weekdays,
          time: LocalTime,
          timeZone: TimeZone,
          durationMinutes: Duration.nullable().default(null).describe('default 60'),
          startsOn: z.iso.date().nullable().default(null).describe('first local date; default today'),
        }),
        response: { 201: z.object({ rule: GroupRuleSchema, ...GroupGenerationSchema }), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const groupId = request.params.id;
      const context = commandContext(deps, request, actor, { ifMatch: false });
      const ruleId = newId(context.idempotencyKey);
      const { time, ...terms } = request.body;
      const result = await addGroupScheduleRule(
        deps,
        actor,
        groupId,
        ruleId,
        { ...terms, localTime: time },
        context,
      );
      await afterWrite(deps, reply, { revision: -1, position: result.position });
      reply.removeHeader('etag');
      return reply.status(201).send({ rule: await ruleOf(actor, groupId, ruleId), ...report(result) });
    },
  );

  r.post(
    '/api/groups/:id/schedule-rules/:ruleId/split',
    {
      schema: {
        tags: ['group schedule rules'],
        description:
          '"This and following": the rule ends at the occurrence `from` (its classes from then on that have ' +
          'not started are canceled) and a new rule with the changed terms takes over',
        params: RuleParams,
        body: z.object({
          from: IsoDateTime.describe('the start of the first occurrence to change'),
          weekdays: Weekdays.optional(),
          time: LocalTime.optional(),
          timeZone: TimeZone.optional(),
          durationMinutes: Duration.optional(),
          courseId: z.uuid().optional(),
          teacherId: z.uuid().optional(),
        }),
        response: {
          201: z.object({ rule: GroupRuleSchema, canceled: z.array(z.string()), ...GroupGenerationSchema }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const { id: groupId, ruleId } = request.params;
      const context = commandContext(deps, request, actor, { ifMatch: false });
      const newRuleId = newId(context.idempotencyKey);
      const { from, time, ...terms } = request.body;
      const result = await splitGroupScheduleRule(
        deps,
        actor,
        groupId,
        ruleId,
        newRuleId,
        { ...terms, localTime: time, from: new Date(from).toISOString() },
        context,
      );
      await afterWrite(deps, reply, { revision: -1, position: result.position });
      reply.removeHeader('etag');
      return reply.status(201).send({
        rule: await ruleOf(actor, groupId, newRuleId),
        canceled: result.canceled.canceled,
        ...report(result),
      });
    },
  );

  r.delete(
    '/api/groups/:id/schedule-rules/:ruleId',
    {
      schema: {
        tags: ['group schedule rules'],
        description: 'Removes the rule and cancels its classes that have not started',
        params: RuleParams,
        response: { 200: z.object({ canceled: z.array(z.string()) }), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const { id: groupId, ruleId } = request.params;
      const context = commandContext(deps, request, actor, { ifMatch: false });
      const result = await removeGroupScheduleRule(deps, actor, groupId, ruleId, context);
      await afterWrite(deps, reply, { revision: -1, position: result.position });
      reply.removeHeader('etag');
      return { canceled: result.canceled };
    },
  );

  r.post(
    '/api/groups/:id/schedule-rules/generate',
    {
      schema: {
        tags: ['group schedule rules'],
        description:
          'Fills the horizon and brings the classes still ahead in line with the members now (the server also ' +
          'does this hourly); running it twice adds nothing',
        params: IdParams,
        response: { 200: z.object(GroupGenerationSchema), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin', 'teacher');
      const context = commandContext(deps, request, actor, { ifMatch: false });
      const result = await generateGroupClassesFor(deps, actor, request.params.id, context);
      await afterWrite(deps, reply, { revision: -1, position: result.position });
      reply.removeHeader('etag');
      return report(result);
    },
  );
}
