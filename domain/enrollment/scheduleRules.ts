// Schedule rules on an enrollment: "every Monday at 17:00 Europe/Berlin" generates live sessions for the coming
// weeks. Each occurrence is recorded once (scheduled as a session, or skipped because the teacher was busy), so
// generation can run any number of times. "This and following" ends a rule and starts its successor.
import { z } from 'zod';
import { NotFoundError, RuleViolation, ValidationError, type FieldProblem } from '../shared/errors.js';
import { isTimeZone } from '../shared/time.js';
import { Weekday, localDateOf, startOfLocalDate, type Recurrence } from './recurrence.js';

const Rule = {
  enrollmentId: z.string(),
  ruleId: z.string(),
  weekdays: z.array(Weekday),
  localTime: z.string(),
  timeZone: z.string(),
  durationMinutes: z.number(),
  startsOn: z.string(),
};
const occurrence = { enrollmentId: z.string(), ruleId: z.string(), occurrenceStart: z.string() };

/**
 * Why an occurrence was not scheduled, a stable code the interface words in each person's language (enrollment
 * and group rules alike): the teacher already has a session then, the group has no students, the course or the
 * teacher is gone, the time has passed, or another refusal (`reason` then names it).
 */
export const SkipReason = z.enum([
  'teacher_busy',
  'no_students',
  'course_gone',
  'teacher_gone',
  'in_the_past',
  'other',
]);
export type SkipReason = z.infer<typeof SkipReason>;

/** What a skipped occurrence records: `reason` is the refusal's own code (or error kind), as API clients read it. */
export const SkipFacts = z.object({
  reason: z.string(),
  conflictingLiveSessionId: z.string().nullable(),
  /** Absent on occurrences recorded before codes were: see `skipReasonOf`. */
  code: SkipReason.optional(),
  /** The conflicting session's start and end (teacher_busy), for the sentence; absent before. */
  conflictStart: z.string().nullable().optional(),
  conflictEnd: z.string().nullable().optional(),
});
export type SkipFacts = z.infer<typeof SkipFacts>;

/** The code of a refusal recorded as `reason`; null for one recorded before codes that names nothing fixed. */
export function skipReasonOf(reason: string): SkipReason | null {
  switch (reason) {
    case 'teacher_double_booked':
      return 'teacher_busy';
    case 'no_participants':
      return 'no_students';
    case 'start_in_past':
      return 'in_the_past';
    default:
      return null;
  }
}

export const scheduleRuleEvents = [
  z.object({
    type: z.literal('ScheduleRuleAdded'),
    data: z.object({ ...Rule, splitFrom: z.string().nullable() }),
  }),
  /** No occurrences at or after `endsAt` (the first occurrence its successor takes over). */
  z.object({
    type: z.literal('ScheduleRuleEnded'),
    data: z.object({ enrollmentId: z.string(), ruleId: z.string(), endsAt: z.string() }),
  }),
  z.object({
    type: z.literal('ScheduleRuleRemoved'),
    data: z.object({ enrollmentId: z.string(), ruleId: z.string() }),
  }),
  z.object({
    type: z.literal('ScheduleOccurrenceScheduled'),
    data: z.object({ ...occurrence, liveSessionId: z.string() }),
  }),
  z.object({
    type: z.literal('ScheduleOccurrenceSkipped'),
    data: z.object({ ...occurrence, ...SkipFacts.shape }),
  }),
] as const;
export type ScheduleRuleEvent = z.infer<(typeof scheduleRuleEvents)[number]>;

export type RuleTerms = Recurrence & { durationMinutes: number };
type Base = { enrollmentId: string; ruleId: string; now: string };
export type ScheduleRuleCommand =
  | (Base & { type: 'AddScheduleRule' } & RuleTerms)
  | (Base & { type: 'SplitScheduleRule'; from: string; newRuleId: string } & Omit<RuleTerms, 'startsOn'>)
  | (Base & { type: 'RemoveScheduleRule' })
  | (Base & {
      type: 'RecordScheduleOccurrence';
      occurrenceStart: string;
      outcome: { kind: 'scheduled'; liveSessionId: string } | ({ kind: 'skipped' } & SkipFacts);
    });

export type ScheduleRule = RuleTerms & {
  ruleId: string;
  splitFrom: string | null;
  endsAt: string | null;
  removed: boolean;
};
export type Occurrence =
  | { kind: 'scheduled'; liveSessionId: string }
  | { kind: 'skipped'; reason: string; conflictingLiveSessionId: string | null };
export type ScheduleRulesState = {
  rules: Record<string, ScheduleRule>;
  /** Keyed by `occurrenceKey(ruleId, start)`. */
  occurrences: Record<string, Occurrence>;
};

export const occurrenceKey = (ruleId: string, start: string) => `${ruleId}|${start}`;

/** Rule ids come from the request's idempotency key, so a retried "add" names the same rule. */
export function decideScheduleRule(command: ScheduleRuleCommand, s: ScheduleRulesState): ScheduleRuleEvent[] {
  const { enrollmentId, ruleId } = command;
  if (command.type === 'AddScheduleRule') {
    const { type: _t, now: _n, ...data } = command;
    requireValidTerms(data);
    const existing = s.rules[ruleId];
    if (existing) {
      if (sameTerms(existing, data)) return [];
      throw new RuleViolation('schedule_rule_exists', 'this schedule rule already exists');
    }
    return [{ type: 'ScheduleRuleAdded', data: { ...data, splitFrom: null } }];
  }
  const rule = s.rules[ruleId];
  if (!rule || rule.removed) throw new NotFoundError('schedule_rule');
  switch (command.type) {
    case 'SplitScheduleRule': {
      if (s.rules[command.newRuleId]) return [];
      if (Date.parse(command.from) < Date.parse(command.now))
        throw new RuleViolation('split_in_past', '"this and following" starts at a future occurrence');
      if (rule.endsAt && Date.parse(command.from) >= Date.parse(rule.endsAt))
        throw new RuleViolation('rule_ended', 'the schedule rule has ended before this occurrence');
      const { weekdays, localTime, timeZone, durationMinutes } = command;
      const successor = {
        enrollmentId,
        ruleId: command.newRuleId,
        weekdays,
        localTime,
        timeZone,
        durationMinutes,
        startsOn: localDateOf(command.from, timeZone),
      };
      requireValidTerms(successor);
      return [
        { type: 'ScheduleRuleEnded', data: { enrollmentId, ruleId, endsAt: command.from } },
        { type: 'ScheduleRuleAdded', data: { ...successor, splitFrom: ruleId } },
      ];
    }
    case 'RemoveScheduleRule':
      return [{ type: 'ScheduleRuleRemoved', data: { enrollmentId, ruleId } }];
    case 'RecordScheduleOccurrence': {
      if (s.occurrences[occurrenceKey(ruleId, command.occurrenceStart)]) return [];
      const base = { enrollmentId, ruleId, occurrenceStart: command.occurrenceStart };
      const outcome = command.outcome;
      if (outcome.kind === 'scheduled')
        return [
          { type: 'ScheduleOccurrenceScheduled', data: { ...base, liveSessionId: outcome.liveSessionId } },
        ];
      const { kind: _k, ...facts } = outcome;
      return [{ type: 'ScheduleOccurrenceSkipped', data: { ...base, ...facts } }];
    }
    default: {
      const _exhaustive: never = command;
      return [];
    }
  }
}

export function evolveScheduleRules(s: ScheduleRulesState, event: ScheduleRuleEvent): ScheduleRulesState {
  switch (event.type) {
    case 'ScheduleRuleAdded': {
      const { enrollmentId: _e, ...rule } = event.data;
      return { ...s, rules: { ...s.rules, [rule.ruleId]: { ...rule, endsAt: null, removed: false } } };
    }
    case 'ScheduleRuleEnded':
      return updateRule(s, event.data.ruleId, { endsAt: event.data.endsAt });
    case 'ScheduleRuleRemoved':
      return updateRule(s, event.data.ruleId, { removed: true });
    case 'ScheduleOccurrenceScheduled':
    case 'ScheduleOccurrenceSkipped': {
      const { ruleId, occurrenceStart } = event.data;
      const outcome: Occurrence =
        event.type === 'ScheduleOccurrenceScheduled'
          ? { kind: 'scheduled', liveSessionId: event.data.liveSessionId }
          : {
              kind: 'skipped',
              reason: event.data.reason,
              conflictingLiveSessionId: event.data.conflictingLiveSessionId,
            };
      return { ...s, occurrences: { ...s.occurrences, [occurrenceKey(ruleId, occurrenceStart)]: outcome } };
    }
    default: {
      const _exhaustive: never = event;
      return s;
    }
  }
}

/** The window a rule generates in: from its first local day (or now) to its end (or the horizon). */
export function ruleWindow(
  rule: ScheduleRule,
  now: string,
  horizon: string,
): { from: string; until: string } {
  const starts = startOfLocalDate(rule.startsOn, rule.timeZone);
  const from = Date.parse(starts) > Date.parse(now) ? starts : now;
  const until = rule.endsAt && Date.parse(rule.endsAt) < Date.parse(horizon) ? rule.endsAt : horizon;
  return { from, until };
}

function updateRule(s: ScheduleRulesState, ruleId: string, change: Partial<ScheduleRule>) {
  const rule = s.rules[ruleId];
  return rule ? { ...s, rules: { ...s.rules, [ruleId]: { ...rule, ...change } } } : s;
}

const sameTerms = (a: RuleTerms, b: RuleTerms) =>
  a.weekdays.join() === b.weekdays.join() &&
  a.localTime === b.localTime &&
  a.timeZone === b.timeZone &&
  a.durationMinutes === b.durationMinutes &&
  a.startsOn === b.startsOn;

/** The terms every weekly rule must meet (enrollment and group rules alike): 400 naming each field. */
export function requireValidTerms(terms: RuleTerms) {
  const problems: FieldProblem[] = [];
  if (terms.weekdays.length === 0 || new Set(terms.weekdays).size !== terms.weekdays.length)
    problems.push({ path: 'weekdays', message: 'name each weekday once, at least one', code: 'weekdays' });
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(terms.localTime))
    problems.push({ path: 'time', message: 'must be HH:MM', code: 'invalid_format', format: 'time' });
  if (!isTimeZone(terms.timeZone))
    problems.push({
      path: 'timeZone',
      message: 'must be an IANA time zone',
      code: 'invalid_format',
      format: 'time_zone',
    });
  if (!Number.isInteger(terms.durationMinutes) || terms.durationMinutes < 5 || terms.durationMinutes > 480)
    problems.push({
      path: 'durationMinutes',
      message: 'must be 5-480 minutes',
      code: 'minutes_between',
      minimum: 5,
      maximum: 480,
    });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(terms.startsOn))
    problems.push({
      path: 'startsOn',
      message: 'must be a date YYYY-MM-DD',
      code: 'invalid_format',
      format: 'date',
    });
  if (problems.length > 0) throw new ValidationError('the schedule rule is invalid', problems);
}
