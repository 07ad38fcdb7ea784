// The schedule-rule read model: each rule on an enrollment and what each of its occurrences became.
export interface ScheduleRulesTable {
  id: string;
  org_id: string;
  enrollment_id: string;
  /** Comma-separated RFC 5545 weekday codes, e.g. "MO,WE". */
  weekdays: string;
  local_time: string;
  time_zone: string;
  duration_minutes: number;
  starts_on: string;
  ends_at: Date | string | null;
  split_from: string | null;
  removed: boolean;
  last_revision: number;
}

export interface ScheduleRuleOccurrencesTable {
  rule_id: string;
  occurrence_start: Date | string;
  org_id: string;
  enrollment_id: string;
  outcome: 'scheduled' | 'skipped';
  live_session_id: string | null;
  reason: string | null;
  conflicting_live_session_id: string | null;
  /** SkipReason (migration 1020); null on occurrences skipped before codes were. */
  reason_code: string | null;
  conflict_start: Date | string | null;
  conflict_end: Date | string | null;
}
