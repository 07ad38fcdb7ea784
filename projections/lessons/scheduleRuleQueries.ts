// Reads of the schedule-rule read model: an enrollment's rules with each occurrence and its session's status.
import type { Db } from '../../db/schema.js';
import { SkipReason, skipReasonOf } from '../../domain/enrollment/scheduleRules.js';

export type OccurrenceView = {
  start: string;
  outcome: 'scheduled' | 'skipped';
  liveSessionId: string | null;
  /** The session's status now (it may have been moved or canceled one by one). */
  sessionStatus: string | null;
  sessionStart: string | null;
  reason: string | null;
  conflictingLiveSessionId: string | null;
  /** Why it was skipped, for the interface to word; null when scheduled (or skipped for a reason named only in `reason`). */
  reasonCode: SkipReason | null;
  conflictStart: string | null;
  conflictEnd: string | null;
};

const isoOrNull = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** The skip's code and values; an occurrence skipped before codes were gets the code its stored reason names. */
export function skipCodeOf(o: {
  outcome: string;
  reason: string | null;
  reason_code: string | null;
  conflict_start: Date | string | null;
  conflict_end: Date | string | null;
}): Pick<OccurrenceView, 'reasonCode' | 'conflictStart' | 'conflictEnd'> {
  const stored = SkipReason.safeParse(o.reason_code);
  return {
    reasonCode: o.outcome !== 'skipped' ? null : stored.success ? stored.data : skipReasonOf(o.reason ?? ''),
    conflictStart: isoOrNull(o.conflict_start),
    conflictEnd: isoOrNull(o.conflict_end),
  };
}

export type ScheduleRuleView = {
  id: string;
  enrollmentId: string;
  weekdays: string[];
  time: string;
  timeZone: string;
  durationMinutes: number;
  startsOn: string;
  endsAt: string | null;
  splitFrom: string | null;
  occurrences: OccurrenceView[];
};

export async function scheduleRulesOf(
  db: Db,
  orgId: string,
  enrollmentId: string,
): Promise<ScheduleRuleView[]> {
  const rules = await db
    .selectFrom('schedule_rules')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('enrollment_id', '=', enrollmentId)
    .where('removed', '=', false)
    .orderBy('starts_on')
    .execute();
  if (rules.length === 0) return [];
  const occurrences = await db
    .selectFrom('schedule_rule_occurrences as o')
    .leftJoin('schedule_sessions as s', 's.id', 'o.live_session_id')
    .select([
      'o.rule_id',
      'o.occurrence_start',
      'o.outcome',
      'o.live_session_id',
      'o.reason',
      'o.conflicting_live_session_id',
      'o.reason_code',
      'o.conflict_start',
      'o.conflict_end',
      's.status',
      's.starts_at',
    ])
    .where(
      'o.rule_id',
      'in',
      rules.map((r) => r.id),
    )
    .orderBy('o.occurrence_start')
    .execute();
  return rules.map((r) => ({
    id: r.id,
    enrollmentId: r.enrollment_id,
    weekdays: r.weekdays.split(','),
    time: r.local_time,
    timeZone: r.time_zone,
    durationMinutes: r.duration_minutes,
    startsOn: r.starts_on,
    endsAt: r.ends_at === null ? null : new Date(r.ends_at).toISOString(),
    splitFrom: r.split_from,
    occurrences: occurrences
      .filter((o) => o.rule_id === r.id)
      .map((o) => ({
        start: new Date(o.occurrence_start).toISOString(),
        outcome: o.outcome,
        liveSessionId: o.live_session_id,
        sessionStatus: o.status ?? null,
        sessionStart: o.starts_at ? new Date(o.starts_at).toISOString() : null,
        reason: o.reason,
        conflictingLiveSessionId: o.conflicting_live_session_id,
        ...skipCodeOf(o),
      })),
  }));
}
