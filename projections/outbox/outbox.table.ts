// Tables of the mail outbox and calendar read model (migration 0350), added to Database.
import type { Selectable } from 'kysely';

export interface MailOutboxTable {
  id: string;
  org_id: string;
  source_event_id: string;
  recipient_id: string;
  template: string;
  params: unknown;
  created_at: Date | string;
}

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'skipped' | 'failed';

export interface MailDeliveriesTable {
  id: string;
  org_id: string;
  recipient_id: string;
  template: string;
  params: unknown;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date | string;
  locked_until: Date | string | null;
  last_error: string | null;
  message_id: string | null;
  sent_at: Date | string | null;
  created_at: Date | string;
}

/** One dated thing on someone's calendar: a live session or a training event. */
export interface CalendarEntriesTable {
  id: string;
  org_id: string;
  kind: 'live' | 'training';
  /** Whose attendees come to it: the live session itself, or the training event's section. */
  group_id: string;
  training_id: string | null;
  course_id: string | null;
  /** The teacher of a live session, the trainer of a training event. */
  host_id: string | null;
  title: string | null;
  starts_at: Date | string;
  ends_at: Date | string;
  time_zone: string;
  location: string | null;
  link: string | null;
  notes: string | null;
  status: 'scheduled' | 'canceled';
  /** iCalendar SEQUENCE: the stream revision of the last change an invitee's calendar must apply. */
  sequence: number;
  /** When the last change invitees were told about happened (the event's time). */
  changed_at: Date | string | null;
}

export interface CalendarAttendeesTable {
  group_id: string;
  person_id: string;
  /** When they joined (the event's time): they were told then. */
  added_at: Date | string | null;
}

export interface CalendarGroupsTable {
  id: string;
  org_id: string;
  kind: 'training' | 'section';
  training_id: string;
  name: string;
}

export interface CalendarFeedTokensTable {
  person_id: string;
  org_id: string;
  token: string;
  created_at: Date | string;
}

export type CalendarEntry = Selectable<CalendarEntriesTable>;
