// Puts mails into the outbox: one row per (event, recipient, template), so a replayed event adds nothing.
import type { ProjectionDb } from '../projection.js';
import type { RecordedEvent } from '../../commands/eventStore/port.js';

export const MAIL_TEMPLATES = [
  'live-session-scheduled',
  'live-session-rescheduled',
  'live-session-canceled',
  'live-session-removed',
  'live-session-reminder',
  'training-registered',
  'training-requested',
  'training-waitlisted',
  'training-declined',
  'training-deregistered',
  'training-event-added',
  'training-event-rescheduled',
  'training-event-changed',
  'training-event-canceled',
  'training-reminder',
  'lesson-summary',
  'teacher-lesson-summary',
  'lesson-follow-up',
] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

export const outboxId = (eventId: string, recipientId: string, template: MailTemplate) =>
  `${eventId}:${recipientId}:${template}`;

export async function enqueue(
  db: ProjectionDb,
  event: RecordedEvent,
  template: MailTemplate,
  recipientIds: readonly string[],
  params: Record<string, unknown>,
) {
  const recipients = [...new Set(recipientIds)];
  if (recipients.length === 0) return;
  await db
    .insertInto('mail_outbox')
    .values(
      recipients.map((recipientId) => ({
        id: outboxId(event.eventId, recipientId, template),
        org_id: event.metadata.orgId,
        source_event_id: event.eventId,
        recipient_id: recipientId,
        template,
        params: JSON.stringify(params),
        created_at: event.metadata.at,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}
