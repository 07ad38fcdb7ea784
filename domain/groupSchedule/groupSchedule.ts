// Recurring group classes: weekly rules on a student group ("Tuesdays 17:00 Europe/Berlin, English B1 with
// Tereza") that keep group sessions scheduled for the coming weeks, one stream per group
// (`groupSchedule-<groupId>`). Each occurrence is recorded once (scheduled as a session with the students the
// rule put in it, or skipped and why), so generation can run any number of times. The students a rule put in a
// session follow the group: who joins the group is added to its classes still ahead, who leaves is taken out
// (recorded as a change of the occurrence's students, so a student the teacher added or removed by hand is left
// alone). "This and following" ends a rule and starts its successor, as for an enrollment's rules.
import { z } from 'zod';
import type { Decider } from '../shared/decider.js';
import { NotFoundError, RuleViolation } from '../shared/errors.js';
import { Weekday, localDateOf } from '../enrollment/recurrence.js';
import { SkipFacts, occurrenceKey, requireValidTerms, type RuleTerms } from '../enrollment/scheduleRules.js';

const Terms = {
  groupId: z.string(),
  ruleId: z.string(),
  courseId: z.string(),
  teacherId: z.string(),
  weekdays: z.array(Weekday),
  localTime: z.string(),
  timeZone: z.string(),
  durationMinutes: z.number(),
  startsOn: z.string(),
};
const occurrence = { groupId: z.string(), ruleId: z.string(), occurrenceStart: z.string() };

export const GroupScheduleEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('GroupScheduleRuleAdded'),
    data: z.object({ ...Terms, splitFrom: z.string().nullable() }),
  }),
  /** No occurrences at or after `endsAt` (the first occurrence its successor takes over). */
  z.object({
    type: z.literal('GroupScheduleRuleEnded'),
    data: z.object({ groupId: z.string(), ruleId: z.string(), endsAt: z.string() }),
  }),
  z.object({
    type: z.literal('GroupScheduleRuleRemoved'),
    data: z.object({ groupId: z.string(), ruleId: z.string() }),
  }),
  /** `studentIds`: the group's members the session was scheduled with. */
  z.object({
    type: z.literal('GroupScheduleOccurrenceScheduled'),
    data: z.object({ ...occurrence, liveSessionId: z.string(), studentIds: z.array(z.string()) }),
  }),
  z.object({
    type: z.literal('GroupScheduleOccurrenceSkipped'),
    data: z.object({ ...occurrence, ...SkipFacts.shape }),
  }),
  /** The group changed: `joined` were added to the occurrence's session, `left` were taken out of it. */
  z.object({
    type: z.literal('GroupScheduleOccurrenceStudentsChanged'),
    data: z.object({
      ...occurrence,
      liveSessionId: z.string(),
      joined: z.array(z.string()),
      left: z.array(z.string()),
    }),
  }),
]);
export type GroupScheduleEvent = z.infer<typeof GroupScheduleEvent>;

export type GroupRuleTerms = RuleTerms & { courseId: string; teacherId: string };
type Base = { groupId: string; ruleId: string; now: string };
export type GroupScheduleCommand =
  | (Base & { type: 'AddGroupScheduleRule' } & GroupRuleTerms)
  | (Base & { type: 'SplitGroupScheduleRule'; from: string; newRuleId: string } & Omit<
        GroupRuleTerms,
        'startsOn'
      >)
  | (Base & { type: 'RemoveGroupScheduleRule' })
  | (Base & {
      type: 'RecordGroupScheduleOccurrence';
      occurrenceStart: string;
      outcome:
        | { kind: 'scheduled'; liveSessionId: string; studentIds: string[] }
        | ({ kind: 'skipped' } & SkipFacts);
    })
  | (Base & {
      type: 'RecordGroupClassStudents';
      occurrenceStart: string;
      joined: string[];
      left: string[];
    });

export type GroupScheduleRule = GroupRuleTerms & {
  ruleId: string;
  splitFrom: string | null;
  endsAt: string | null;
  removed: boolean;
};
export type GroupOccurrence =
  | { kind: 'scheduled'; liveSessionId: string; studentIds: string[] }
  | { kind: 'skipped'; reason: string; conflictingLiveSessionId: string | null };
export type GroupScheduleState = {
  rules: Record<string, GroupScheduleRule>;
  /** Keyed by `occurrenceKey(ruleId, start)`. */
  occurrences: Record<string, GroupOccurrence>;
};

export { occurrenceKey };

/** Rule ids come from the request's idempotency key, so a retried "add" names the same rule. */
export function decide(command: GroupScheduleCommand, s: GroupScheduleState): GroupScheduleEvent[] {
  const { groupId, ruleId } = command;
  if (command.type === 'AddGroupScheduleRule') {
    const { type: _t, now: _n, ...data } = command;
    requireValidTerms(data);
    const existing = s.rules[ruleId];
    if (existing) {
      if (sameTerms(existing, data)) return [];
      throw new RuleViolation('schedule_rule_exists', 'this schedule rule already exists');
    }
    return [{ type: 'GroupScheduleRuleAdded', data: { ...data, splitFrom: null } }];
  }
  const rule = s.rules[ruleId];
  if (!rule || rule.removed) throw new NotFoundError('schedule_rule');
  switch (command.type) {
    case 'SplitGroupScheduleRule': {
      if (s.rules[command.newRuleId]) return [];
      if (Date.parse(command.from) < Date.parse(command.now))
        throw new RuleViolation('split_in_past', '"this and following" starts at a future occurrence');
      if (rule.endsAt && Date.parse(command.from) >= Date.parse(rule.endsAt))
        throw new RuleViolation('rule_ended', 'the schedule rule has ended before this occurrence');
      const { weekdays, localTime, timeZone, durationMinutes, courseId, teacherId } = command;
      const successor = {
        groupId,
        ruleId: command.newRuleId,
        courseId,
        teacherId,
        weekdays,
        localTime,
        timeZone,
        durationMinutes,
        startsOn: localDateOf(command.from, timeZone),
      };
      requireValidTerms(successor);
      return [
        { type: 'GroupScheduleRuleEnded', data: { groupId, ruleId, endsAt: command.from } },
        { type: 'GroupScheduleRuleAdded', data: { ...successor, splitFrom: ruleId } },
      ];
    }
    case 'RemoveGroupScheduleRule':
      return [{ type: 'GroupScheduleRuleRemoved', data: { groupId, ruleId } }];
    case 'RecordGroupScheduleOccurrence': {
      if (s.occurrences[occurrenceKey(ruleId, command.occurrenceStart)]) return [];
      const base = { groupId, ruleId, occurrenceStart: command.occurrenceStart };
      const outcome = command.outcome;
      return outcome.kind === 'scheduled'
        ? [
            {
              type: 'GroupScheduleOccurrenceScheduled',
              data: { ...base, liveSessionId: outcome.liveSessionId, studentIds: outcome.studentIds },
            },
          ]
        : [{ type: 'GroupScheduleOccurrenceSkipped', data: { ...base, ...skipFactsOf(outcome) } }];
    }
    case 'RecordGroupClassStudents': {
      const recorded = s.occurrences[occurrenceKey(ruleId, command.occurrenceStart)];
      if (recorded?.kind !== 'scheduled')
        throw new NotFoundError('scheduled_class', 'no class of this rule is scheduled at this time');
      // Only real changes: who joined and is not on record yet, who left and still is.
      const joined = command.joined.filter((id) => !recorded.studentIds.includes(id));
      const left = command.left.filter((id) => recorded.studentIds.includes(id));
      if (joined.length === 0 && left.length === 0) return [];
      return [
        {
          type: 'GroupScheduleOccurrenceStudentsChanged',
          data: {
            groupId,
            ruleId,
            occurrenceStart: command.occurrenceStart,
            liveSessionId: recorded.liveSessionId,
            joined,
            left,
          },
        },
      ];
    }
    default: {
      const _exhaustive: never = command;
      return [];
    }
  }
}

const skipFactsOf = ({ kind: _k, ...facts }: { kind: 'skipped' } & SkipFacts): SkipFacts => facts;

export function evolve(s: GroupScheduleState, event: GroupScheduleEvent): GroupScheduleState {
  switch (event.type) {
    case 'GroupScheduleRuleAdded': {
      const { groupId: _g, ...rule } = event.data;
      return { ...s, rules: { ...s.rules, [rule.ruleId]: { ...rule, endsAt: null, removed: false } } };
    }
    case 'GroupScheduleRuleEnded':
      return updateRule(s, event.data.ruleId, { endsAt: event.data.endsAt });
    case 'GroupScheduleRuleRemoved':
      return updateRule(s, event.data.ruleId, { removed: true });
    case 'GroupScheduleOccurrenceScheduled':
    case 'GroupScheduleOccurrenceSkipped': {
      const { ruleId, occurrenceStart } = event.data;
      const outcome: GroupOccurrence =
        event.type === 'GroupScheduleOccurrenceScheduled'
          ? { kind: 'scheduled', liveSessionId: event.data.liveSessionId, studentIds: event.data.studentIds }
          : {
              kind: 'skipped',
              reason: event.data.reason,
              conflictingLiveSessionId: event.data.conflictingLiveSessionId,
            };
      return { ...s, occurrences: { ...s.occurrences, [occurrenceKey(ruleId, occurrenceStart)]: outcome } };
    }
    case 'GroupScheduleOccurrenceStudentsChanged': {
      const { ruleId, occurrenceStart, joined, left } = event.data;
      const key = occurrenceKey(ruleId, occurrenceStart);
      const recorded = s.occurrences[key];
      if (recorded?.kind !== 'scheduled') return s;
      const studentIds = [...recorded.studentIds.filter((id) => !left.includes(id)), ...joined];
      return { ...s, occurrences: { ...s.occurrences, [key]: { ...recorded, studentIds } } };
    }
    default: {
      const _exhaustive: never = event;
      return s;
    }
  }
}

export const groupScheduleDecider: Decider<GroupScheduleCommand, GroupScheduleEvent, GroupScheduleState> = {
  decide,
  evolve,
  initialState: () => ({ rules: {}, occurrences: {} }),
};

function updateRule(s: GroupScheduleState, ruleId: string, change: Partial<GroupScheduleRule>) {
  const rule = s.rules[ruleId];
  return rule ? { ...s, rules: { ...s.rules, [ruleId]: { ...rule, ...change } } } : s;
}

const sameTerms = (a: GroupRuleTerms, b: GroupRuleTerms) =>
  a.courseId === b.courseId &&
  a.teacherId === b.teacherId &&
  a.weekdays.join() === b.weekdays.join() &&
  a.localTime === b.localTime &&
  a.timeZone === b.timeZone &&
  a.durationMinutes === b.durationMinutes &&
  a.startsOn === b.startsOn;
