// The lessons of an enrollment with their type and status: the live room's Lesson Library.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { LessonKind } from '../../domain/course/course.js';
import { loadEnrollmentFor } from '../../commands/enrollments.js';
import { enrollmentLessons, titleMatches } from '../../projections/lessons/queries.js';
import { requireActor } from '../http.js';
import { errors, IdParams } from './schemas.js';
import { EnrollmentLessonSchema, LessonStatus } from '../../contract/enrollments.js';
import { lessonScores } from './lessonScores.js';

export async function enrollmentLessonRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/enrollments/:id/lessons',
    {
      schema: {
        tags: ['enrollments'],
        description:
          'Every course lesson of the enrollment with its type and status: completed (an ended or past session, ' +
          'or homework passed), upcoming (a future session, or open homework) or not scheduled; and the ' +
          "student's score (the homework's last attempt or answers, else the latest live session's answers)",
        params: IdParams,
        querystring: z.object({
          search: z.string().max(200).optional().describe('part of the title'),
          type: LessonKind.optional(),
          status: LessonStatus.optional(),
        }),
        response: { 200: z.object({ lessons: z.array(EnrollmentLessonSchema) }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const enrollment = await loadEnrollmentFor(deps.eventStore, actor, request.params.id);
      const { search, type, status } = request.query;
      const lessons = (await enrollmentLessons(deps.db, enrollment, deps.clock.now())).filter(
        (l) =>
          (!search || titleMatches(l.title, search)) &&
          (!type || l.type === type) &&
          (!status || l.status === status),
      );
      const scores = await lessonScores(deps, actor.orgId, enrollment.studentId, lessons);
      return {
        lessons: lessons.map((l) => ({
          ...l,
          type: LessonKind.parse(l.type),
          score: scores.get(l.courseLessonId) ?? null,
        })),
      };
    },
  );
}
