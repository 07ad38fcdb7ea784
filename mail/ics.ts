// iCalendar documents for invitations, updates, cancellations and the personal feed. Each event is written in
// its own IANA zone (DTSTART;TZID=... with a VTIMEZONE), keeps one UID for life and carries its SEQUENCE.
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { Temporal } from 'temporal-polyfill';
import type { CalendarItem } from '../projections/outbox/items.js';

export type IcsMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH';

export type IcsOptions = {
  method: IcsMethod;
  /** The calendar's name (feeds). */
  name?: string;
  /** When the document was made (DTSTAMP): the clock's now, so tests can fix it. */
  stamp: Date;
  organizer?: { name: string; email: string };
  attendee?: { name: string; email: string };
  summaryOf: (item: CalendarItem) => string;
  descriptionOf?: (item: CalendarItem) => string | null;
  /** The item's page, when it has no meeting link of its own. */
  urlOf?: (item: CalendarItem) => string;
};

/** The wall-clock time of an instant in a zone, as ical-generator takes it with `timezone` set. */
export const localTime = (instant: string, timeZone: string) =>
  Temporal.Instant.from(instant)
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: 'second' });

const methods = {
  REQUEST: ICalCalendarMethod.REQUEST,
  CANCEL: ICalCalendarMethod.CANCEL,
  PUBLISH: ICalCalendarMethod.PUBLISH,
} as const;

export function buildIcs(items: readonly CalendarItem[], options: IcsOptions): string {
  const calendar = ical({
    prodId: { company: 'Lectern', product: 'Lectern', language: 'EN' },
    method: methods[options.method],
    ...(options.name ? { name: options.name } : {}),
    // Feeds tell subscribing apps to poll hourly (REFRESH-INTERVAL / X-PUBLISHED-TTL).
    ...(options.method === 'PUBLISH' ? { ttl: 3600 } : {}),
  });
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  for (const item of items) {
    const canceled = options.method === 'CANCEL' || item.status === 'canceled';
    const event = calendar.createEvent({
      id: item.uid,
      sequence: item.sequence,
      stamp: options.stamp,
      start: localTime(item.start, item.timeZone),
      end: localTime(item.end, item.timeZone),
      timezone: item.timeZone,
      summary: options.summaryOf(item),
      description: options.descriptionOf?.(item) ?? null,
      location: item.location,
      url: item.link ?? options.urlOf?.(item) ?? null,
      status: canceled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
    if (options.organizer && options.method !== 'PUBLISH') event.organizer(options.organizer);
    if (options.attendee && options.method !== 'PUBLISH') {
      event.createAttendee({ ...options.attendee, rsvp: false });
    }
  }
  return calendar.toString();
}
