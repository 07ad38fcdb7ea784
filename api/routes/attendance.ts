// Attendance and scores across lessons (the attendance read model): per learner, per course.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { attendanceOf } from '../../projections/attendance/queries.js';
import { requireActor } from '../http.js';
import { errors } from './schemas.js';

const Row = z.object({
  liveSessionId: z.string(),
  studentId: z.string(),
  courseId: z.string().nullable(),
  teacherId: z.string().nullable(),
  start: z.string().nullable(),
  completedAt: z.string(),
  action: z.string(),
  status: z.string(),
  reason: z.string().nullable(),
  minutesPresent: z.number(),
  late: z.boolean(),
  chargedTokens: z.number(),
  notes: z
    .object({ covered: z.string().nullable(), struggled: z.string().nullable(), next: z.string().nullable() })
    .nullable(),
  feedback: z
    .object({
      scores: z.record(z.string(), z.number()),
      comment: z.string().nullable(),
      verified: z.boolean(),
    })
    .nullable(),
});

export async function attendanceRoutes(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/attendance',
    {
      schema: {
        tags: ['completion'],
        description:
          'Completed lessons with attendance, tokens charged and feedback (students: their own, verified).',
        querystring: z.object({ studentId: z.uuid().optional(), courseId: z.uuid().optional() }),
        response: { 200: z.array(Row), ...errors },
      },
    },
    async (request) => attendanceOf(deps.db, requireActor(request), request.query),
  );
}
