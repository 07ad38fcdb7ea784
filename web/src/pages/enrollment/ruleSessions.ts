// Which sessions of a schedule rule are still ahead: the ones removing the rule, or changing it from a date on,
// cancels (the server cancels only sessions that are scheduled and have not started).
import type { ScheduleRule } from '../../../../contract/enrollments';

export type Occurrence = ScheduleRule['occurrences'][number];

/** The rule's scheduled sessions that start after `from` (default now) and are not canceled or under way. */
export function sessionsAhead(rule: ScheduleRule, from = Date.now()): Occurrence[] {
  return rule.occurrences.filter(
    (o) =>
      o.outcome === 'scheduled' &&
      Date.parse(o.start) >= from &&
      (o.sessionStatus ?? 'scheduled') === 'scheduled' &&
      Date.parse(o.sessionStart ?? o.start) > Date.now(),
  );
}
