// When a weekly schedule rule falls: occurrences at the same wall-clock time in the rule's zone, across
// daylight-saving changes. The calendar arithmetic is rrule-temporal's (RFC 5545), not ours.
import { Temporal } from 'temporal-polyfill';
import { RRuleTemporal } from 'rrule-temporal';
import { z } from 'zod';

export const Weekday = z.enum(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']);
export type Weekday = z.infer<typeof Weekday>;

export type Recurrence = {
  weekdays: Weekday[];
  /** Wall-clock time in `timeZone`, "HH:MM". */
  localTime: string;
  timeZone: string;
  /** The local date the rule starts on (its first occurrence is on or after it). */
  startsOn: string;
};

/** The instant a local date begins in a zone: where a rule (or its "this and following" successor) starts. */
export function startOfLocalDate(date: string, timeZone: string): string {
  return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).toInstant().toString();
}

/** The local date of an instant in a zone. */
export function localDateOf(instant: string, timeZone: string): string {
  return Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** Occurrence starts (UTC ISO strings) with from <= start < until. */
export function occurrencesBetween(recurrence: Recurrence, from: string, until: string): string[] {
  if (Date.parse(from) >= Date.parse(until)) return [];
  const dtstart = Temporal.PlainDate.from(recurrence.startsOn).toZonedDateTime({
    timeZone: recurrence.timeZone,
    plainTime: Temporal.PlainTime.from(recurrence.localTime),
  });
  const rule = new RRuleTemporal({
    freq: 'WEEKLY',
    byDay: recurrence.weekdays,
    tzid: recurrence.timeZone,
    dtstart,
    temporal: Temporal,
  });
  return rule
    .between(new Date(from), new Date(until), true)
    .map((start) => new Date(start.epochMilliseconds).toISOString())
    .filter((start) => Date.parse(start) >= Date.parse(from) && Date.parse(start) < Date.parse(until));
}
