// The organisation's mail: its settings (which mails are off, the reminder lead for training events; admins
// configure the mail and notifications learners receive) and the delivery log admins use to see what went
// out, what failed and why, and to send a failed mail again.
import { z } from 'zod';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { NotFoundError, RuleViolation } from '../../domain/shared/errors.js';
import { MAILS_OFF_SETTING, mailSettingsOf, TRAINING_REMINDER_SETTING } from '../../mail/settings.js';
import { MAIL_TEMPLATES } from '../../projections/outbox/enqueue.js';
import { requireActor } from '../http.js';
import { errors } from './schemas.js';

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

const DeliveryStatus = z.enum(['pending', 'sending', 'sent', 'skipped', 'failed']);
const Delivery = z.object({
  id: z.string(),
  template: z.string(),
  recipientId: z.string(),
  recipientName: z.string().nullable(),
  status: DeliveryStatus,
  attempts: z.number(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
type DeliveryRow = {
  id: string;
  template: string;
  recipient_id: string;
  name: string | null;
  status: z.infer<typeof DeliveryStatus>;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date | string;
  sent_at: Date | string | null;
  created_at: Date | string;
};
const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
const toDelivery = (r: DeliveryRow) => ({
  id: r.id,
  template: r.template,
  recipientId: r.recipient_id,
  recipientName: r.name,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  nextAttemptAt: iso(r.next_attempt_at)!,
  sentAt: iso(r.sent_at),
  createdAt: iso(r.created_at)!,
});

export async function mailRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deliveries = (orgId: string) =>
    deps.db
      .selectFrom('mail_deliveries as d')
      .leftJoin('people as p', 'p.id', 'd.recipient_id')
      .select([
        'd.id',
        'd.template',
        'd.recipient_id',
        'p.name',
        'd.status',
        'd.attempts',
        'd.last_error',
        'd.next_attempt_at',
        'd.sent_at',
        'd.created_at',
      ])
      .where('d.org_id', '=', orgId);

  r.get(
    '/api/mail/settings',
    { schema: { tags: ['mail'], response: { 200: MailSettingsSchema, ...errors } } },
    async (request) => {
      const actor = requireActor(request, 'admin');
      return mailSettingsOf(await orgSettings(deps, actor.orgId));
    },
  );

  r.put(
    '/api/mail/settings',
    {
      schema: { tags: ['mail'], body: MailSettingsSchema, response: { 200: MailSettingsSchema, ...errors } },
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

  r.get(
    '/api/mail/deliveries',
    {
      schema: {
        tags: ['mail'],
        querystring: z.object({
          status: DeliveryStatus.optional(),
          recipientId: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ deliveries: z.array(Delivery) }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request, 'admin');
      let query = deliveries(actor.orgId);
      if (request.query.status) query = query.where('d.status', '=', request.query.status);
      if (request.query.recipientId) query = query.where('d.recipient_id', '=', request.query.recipientId);
      const rows = await query
        .orderBy('d.created_at', 'desc')
        .orderBy('d.id')
        .limit(request.query.limit)
        .execute();
      return { deliveries: rows.map(toDelivery) };
    },
  );

  r.post(
    '/api/mail/deliveries/:id/retry',
    {
      schema: {
        tags: ['mail'],
        description: 'Sends a failed mail again (its attempts start over).',
        params: z.object({ id: z.string().min(1).max(300) }),
        response: { 200: Delivery, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request, 'admin');
      const row = await deliveries(actor.orgId).where('d.id', '=', request.params.id).executeTakeFirst();
      if (!row) throw new NotFoundError('mail');
      if (row.status !== 'failed') {
        throw new RuleViolation('not_failed', 'only a failed mail can be sent again', {
          deliveryStatus: row.status,
        });
      }
      await deps.db
        .updateTable('mail_deliveries')
        .set({ status: 'pending', attempts: 0, next_attempt_at: deps.clock.now(), locked_until: null })
        .where('id', '=', row.id)
        .where('status', '=', 'failed')
        .execute();
      return toDelivery((await deliveries(actor.orgId).where('d.id', '=', row.id).executeTakeFirst())!);
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
