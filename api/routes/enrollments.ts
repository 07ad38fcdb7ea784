// Enrollments: a student on a course with a teacher, a default lesson length and a lesson cost.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { Tokens } from '../../domain/shared/schemas.js';
import {
  changeEnrollmentTerms,
  enrollStudent,
  noShowPolicyOf,
  requireEnrollmentParties,
} from '../../commands/enrollments.js';
import { NoShowPolicy } from '../../domain/enrollment/enrollment.js';
import type { Actor } from '../../auth/sessions.js';
import { enrollmentOf } from '../answers.js';
import { afterWrite, commandContext, requireActor } from '../http.js';
import { newId } from './ids.js';
import { errors, IdParams } from './schemas.js';
import { EnrollmentSchema } from '../../contract/schedule.js';

const EnrollmentDetailSchema = EnrollmentSchema.extend({ noShowPolicy: NoShowPolicy });
const Minutes = z.number().int().min(5).max(480);

export async function enrollmentRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const list = async (actor: Actor, id?: string) => {
    let q = deps.db
      .selectFrom('enrollments as e')
      .leftJoin('courses as c', 'c.id', 'e.course_id')
      .leftJoin('people as s', 's.id', 'e.student_id')
      .leftJoin('people as t', 't.id', 'e.teacher_id')
      .select([
        'e.id',
        'e.course_id',
        'c.name as course_name',
        'e.student_id',
        's.name as student_name',
        'e.teacher_id',
        't.name as teacher_name',
        'e.default_lesson_minutes',
        'e.lesson_cost_tokens',
      ])
      .where('e.org_id', '=', actor.orgId);
    if (actor.role === 'teacher') q = q.where('e.teacher_id', '=', actor.personId);
    if (actor.role === 'student') q = q.where('e.student_id', '=', actor.personId);
    if (id) q = q.where('e.id', '=', id);
    const rows = await q.orderBy('s.name').execute();
    return rows.map((e) => ({
      id: e.id,
      courseId: e.course_id,
      courseName: e.course_name,
      studentId: e.student_id,
      studentName: e.student_name,
      teacherId: e.teacher_id,
      teacherName: e.teacher_name,
      defaultLessonMinutes: e.default_lesson_minutes,
      lessonCostTokens: e.lesson_cost_tokens,
    }));
  };
  const one = async (actor: Actor, id: string) => {
    const [enrollment] = await list(actor, id);
    if (!enrollment) throw new NotFoundError('enrollment');
    return { ...enrollment, noShowPolicy: await noShowPolicyOf(deps, id) };
  };

  r.get(
    '/api/enrollments',
    {
      schema: {
        tags: ['enrollments'],
        response: { 200: z.object({ enrollments: z.array(EnrollmentSchema) }), ...errors },
      },
    },
    async (request) => ({
      enrollments: await list(requireActor(request)),
    }),
  );

  r.get(
    '/api/enrollments/:id',
    {
      schema: {
        tags: ['enrollments'],
        params: IdParams,
        response: { 200: EnrollmentDetailSchema, ...errors },
      },
    },
    async (request) => one(requireActor(request), request.params.id),
  );

  r.post(
    '/api/enrollments',
    {
      schema: {
        tags: ['enrollments'],
        body: z.object({
          courseId: z.uuid(),
          studentId: z.uuid(),
          teacherId: z.uuid(),
          defaultLessonMinutes: Minutes.default(60),
          lessonCostTokens: Tokens.default(0),
        }),
        response: { 201: EnrollmentDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin');
      const body = request.body;
      await requireEnrollmentParties(deps, actor.orgId, body);
      const context = commandContext(deps, request, actor, { ifMatch: false });
      const enrollmentId = newId(context.idempotencyKey);
      const result = await enrollStudent(deps, actor.orgId, enrollmentId, body, context);
      await afterWrite(deps, reply, result, { answer: 'decided' });
      return reply.status(201).send(await enrollmentOf(deps, result.state));
    },
  );

  r.patch(
    '/api/enrollments/:id',
    {
      schema: {
        tags: ['enrollments'],
        params: IdParams,
        body: z.object({
          defaultLessonMinutes: Minutes.optional(),
          lessonCostTokens: Tokens.optional(),
          noShowPolicy: NoShowPolicy.optional().describe('whether absent students are charged'),
        }),
        response: { 200: EnrollmentDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin');
      const enrollmentId = request.params.id;
      const current = await one(actor, enrollmentId);
      const body = request.body;
      const context = commandContext(deps, request, actor);
      const result = await changeEnrollmentTerms(
        deps,
        enrollmentId,
        {
          defaultLessonMinutes: body.defaultLessonMinutes ?? current.defaultLessonMinutes,
          lessonCostTokens: body.lessonCostTokens ?? current.lessonCostTokens,
          noShowPolicy: body.noShowPolicy,
        },
        context,
      );
      await afterWrite(deps, reply, result);
      return one(actor, enrollmentId);
    },
  );
}
