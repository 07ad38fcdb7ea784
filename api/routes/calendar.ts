// The personal calendar feed: GET /api/calendar/feed/:token.ics (public, the secret token is the key), and the
// signed-in person's feed URL and its rotation.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { feedFor, feedToken, feedUrl, rotateFeedToken } from '../../mail/calendarFeed.js';
import { requireActor } from '../http.js';
import { errors, ProblemSchema } from './schemas.js';

const FeedUrl = z.object({
  url: z.string().describe('Subscribe to this URL in a calendar app; keep it secret'),
  createdAt: z.string(),
});

export async function calendarRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const urlOf = (row: { token: string; created_at: Date | string }) => ({
    url: feedUrl(deps.config.PUBLIC_URL, row.token),
    createdAt: new Date(row.created_at).toISOString(),
  });

  r.get(
    '/api/calendar/feed/:token.ics',
    {
      schema: {
        tags: ['calendar'],
        description:
          'An iCalendar (text/calendar) feed of one person: their live sessions and training events.',
        params: z.object({ token: z.string().regex(/^[\w-]{16,64}$/) }),
        response: { 200: z.string().describe('text/calendar'), 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const ics = await feedFor(deps.db, request.params.token, deps.clock.now(), deps.config.PUBLIC_URL);
      if (ics === undefined) throw new NotFoundError('calendar_feed', 'no such calendar feed');
      reply.header('cache-control', 'private, max-age=300');
      return reply
        .type('text/calendar; charset=utf-8')
        .serializer((s: string) => s)
        .send(ics);
    },
  );

  r.get(
    '/api/calendar/feed',
    { schema: { tags: ['calendar'], response: { 200: FeedUrl, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      return urlOf(await feedToken(deps.db, actor, deps.clock.now()));
    },
  );

  r.post(
    '/api/calendar/feed/rotate',
    { schema: { tags: ['calendar'], response: { 200: FeedUrl, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      return urlOf(await rotateFeedToken(deps.db, actor, deps.clock.now()));
    },
  );
}
