// Courses and their ordered lessons.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { LessonKind } from '../../domain/course/course.js';
import { addCourseLesson, changeCourse, createCourse } from '../../commands/courses.js';
import { TaughtLanguage } from '../../domain/shared/languages.js';
import { courseOf } from '../answers.js';
import { afterWrite, commandContext, requireActor } from '../http.js';
import { newId } from './ids.js';
import { errors, IdParams } from './schemas.js';
import { CourseSchema } from '../../contract/schedule.js';

const NewLesson = z.object({ title: z.string().trim().min(1).max(200), kind: LessonKind });
const CourseName = z.string().trim().min(1).max(200);
const CourseLanguage = TaughtLanguage.nullable().describe(
  'the language the course teaches (ISO 639-1); its lesson analyses are written in it',
);

export async function courseRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const load = async (orgId: string, ids?: string[]) => {
    let q = deps.db.selectFrom('courses').selectAll().where('org_id', '=', orgId);
    if (ids) q = q.where('id', 'in', ids);
    const rows = await q.orderBy('name').execute();
    if (rows.length === 0) return [];
    const lessons = await deps.db
      .selectFrom('course_lessons')
      .selectAll()
      .where(
        'course_id',
        'in',
        rows.map((c) => c.id),
      )
      .orderBy('position')
      .execute();
    return rows.map((c) => ({
      id: c.id,
      name: c.name,
      language: TaughtLanguage.nullable().catch(null).parse(c.language),
      lessons: lessons
        .filter((l) => l.course_id === c.id)
        .map((l) => ({ id: l.id, title: l.title, kind: l.kind, position: l.position })),
    }));
  };

  r.get(
    '/api/courses',
    {
      schema: {
        tags: ['courses'],
        response: { 200: z.object({ courses: z.array(CourseSchema) }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return { courses: await load(actor.orgId) };
    },
  );

  r.get(
    '/api/courses/:id',
    { schema: { tags: ['courses'], params: IdParams, response: { 200: CourseSchema, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      const [course] = await load(actor.orgId, [request.params.id]);
      if (!course) throw new NotFoundError('course');
      return course;
    },
  );

  r.post(
    '/api/courses',
    {
      schema: {
        tags: ['courses'],
        body: z.object({
          name: CourseName,
          language: CourseLanguage.default(null),
          lessons: z.array(NewLesson).max(500).default([]),
        }),
        response: { 201: CourseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin');
      const context = commandContext(deps, request, actor, { ifMatch: false });
      const courseId = newId(context.idempotencyKey);
      const lessons = request.body.lessons.map((l) => ({ lessonId: randomUUID(), ...l }));
      const result = await createCourse(
        deps,
        actor.orgId,
        courseId,
        { name: request.body.name, language: request.body.language, lessons },
        context,
      );
      await afterWrite(deps, reply, result, { answer: 'decided' });
      return reply.status(201).send(courseOf(result.state));
    },
  );

  r.patch(
    '/api/courses/:id',
    {
      schema: {
        tags: ['courses'],
        params: IdParams,
        body: z
          .object({ name: CourseName.optional(), language: CourseLanguage.optional() })
          .refine((b) => b.name !== undefined || b.language !== undefined, {
            message: 'give a name or a language to change',
            params: { rule: 'nothing_to_change' },
          }),
        response: { 200: CourseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin');
      const [existing] = await load(actor.orgId, [request.params.id]);
      if (!existing) throw new NotFoundError('course');
      const context = commandContext(deps, request, actor);
      const result = await changeCourse(deps, request.params.id, request.body, context);
      await afterWrite(deps, reply, result, { answer: 'decided' });
      return courseOf(result.state);
    },
  );

  r.post(
    '/api/courses/:id/lessons',
    {
      schema: {
        tags: ['courses'],
        params: IdParams,
        body: NewLesson,
        response: { 201: CourseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request, 'admin');
      const [existing] = await load(actor.orgId, [request.params.id]);
      if (!existing) throw new NotFoundError('course');
      const context = commandContext(deps, request, actor);
      const lesson = { lessonId: newId(context.idempotencyKey), ...request.body };
      const result = await addCourseLesson(deps, request.params.id, lesson, context);
      await afterWrite(deps, reply, result, { answer: 'decided' });
      return reply.status(201).send(courseOf(result.state));
    },
  );
}
