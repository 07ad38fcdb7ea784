// GET /api/schedule: the caller's calendar between two instants.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { ValidationError } from '../../domain/shared/errors.js';
import { scheduleFor } from '../../projections/schedule/queries.js';
import { requireActor } from '../http.js';
import { errors, IsoDateTime } from './schemas.js';
import { ScheduleEntrySchema } from '../../contract/schedule.js';

const MAX_RANGE_DAYS = 370;

export async function scheduleRoutes(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/schedule',
    {
      schema: {
        tags: ['schedule'],
        querystring: z.object({ from: IsoDateTime, to: IsoDateTime }),
        response: { 200: z.object({ sessions: z.array(ScheduleEntrySchema) }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const from = new Date(request.query.from);
      const to = new Date(request.query.to);
      if (to <= from)
        throw new ValidationError('`to` must be after `from`', [
          { path: 'querystring.to', message: 'must be after from', code: 'range_reversed' },
        ]);
      if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
        throw new ValidationError(`the range may span at most ${MAX_RANGE_DAYS} days`, [
          {
            path: 'querystring.to',
            message: 'range too long',
            code: 'range_too_long',
            maximum: MAX_RANGE_DAYS,
          },
        ]);
      }
      return { sessions: await scheduleFor(deps.db, actor, from, to) };
    },
  );
}
