// The personal calendar feed: GET /api/calendar/feed/:token.ics (public, the secret token is the key), the
// signed-in person's feed URL and its rotation; and the organisation's mail settings (which mails are off, the
// reminder lead for training events), which shape what those calendars receive by mail.
import { z } from 'zod';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { feedFor, feedToken, feedUrl, rotateFeedToken } from '../../mail/calendarFeed.js';
import { MAILS_OFF_SETTING, mailSettingsOf, TRAINING_REMINDER_SETTING } from '../../mail/settings.js';
import { MAIL_TEMPLATES } from '../../projections/outbox/enqueue.js';
import { requireActor } from '../http.js';
import { errors, ProblemSchema } from './schemas.js';

const FeedUrl = z.object({
  url: z.string().describe('Subscribe to this URL in a calendar app; keep it secret'),
  createdAt: z.string(),
});
const MailSettingsSchema = z.object({
  trainingReminderMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 14)
    .describe('How long before each training event its learners get a reminder'),
  mailsOff: z
    .array(z.enum(MAIL_TEMPLATES))
    .max(MAIL_TEMPLATES.length)
    .describe('Mails this organisation does not send'),
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
      if (ics === undefined) throw new NotFoundError('no such calendar feed');
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

  r.get(
    '/api/mail/settings',
    { schema: { tags: ['calendar'], response: { 200: MailSettingsSchema, ...errors } } },
    async (request) => {
      const actor = requireActor(request, 'admin');
      return mailSettingsOf(await orgSettings(deps, actor.orgId));
    },
  );

  r.put(
    '/api/mail/settings',
    {
      schema: {
        tags: ['calendar'],
        body: MailSettingsSchema,
        response: { 200: MailSettingsSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request, 'admin');
      const patch = JSON.stringify({
        [TRAINING_REMINDER_SETTING]: request.body.trainingReminderMinutes,
        [MAILS_OFF_SETTING]: [...new Set(request.body.mailsOff)],
      });
      await deps.db
        .updateTable('organisations')
        .set({ settings: sql`settings || ${patch}::jsonb` as never })
        .where('id', '=', actor.orgId)
        .execute();
      return mailSettingsOf(await orgSettings(deps, actor.orgId));
    },
  );
}

async function orgSettings(deps: AppDeps, orgId: string) {
  const org = await deps.db
    .selectFrom('organisations')
    .select('settings')
    .where('id', '=', orgId)
    .executeTakeFirst();
  return org?.settings;
}
