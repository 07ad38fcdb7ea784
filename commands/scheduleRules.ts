// Recurring schedules: rules on an enrollment generate individual live sessions for the coming weeks. Each
// occurrence gets a session id derived from the rule and the occurrence, and is recorded on the enrollment once,
// so generation (on adding a rule, on demand, or from the periodic top-up) can run any number of times.
import { createHash } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { AppError, NotFoundError, RuleViolation } from '../domain/shared/errors.js';
import { addMinutes } from '../domain/shared/time.js';
import { localDateOf, occurrencesBetween, type Weekday } from '../domain/enrollment/recurrence.js';
import {
  occurrenceKey,
  ruleWindow,
  type ScheduleRule,
  type SkipFacts,
} from '../domain/enrollment/scheduleRules.js';
import type { Db } from '../db/schema.js';
import type { EventStore } from './eventStore/port.js';
import { handleCommand, loadAggregate, type CommandContext } from './handleCommand.js';
import { enrollments, liveSessions, teacherCalendars } from './aggregates.js';
import { scheduleLiveSession } from './liveSessions.js';
import { withKey } from './liveSessionAccess.js';
import { cancelLiveSession } from './liveSessionMoves.js';
import { loadEnrollmentForStaff, type ActiveEnrollment, type EnrollmentActor } from './enrollments.js';
import { skipFacts, skipFor } from './scheduleSkips.js';

/** How far ahead rules keep sessions scheduled. */
export const HORIZON_WEEKS = 8;

type Deps = { db: Db; eventStore: EventStore };

export type GenerationReport = {
  scheduled: { ruleId: string; start: string; liveSessionId: string }[];
  skipped: ({ ruleId: string; start: string } & Required<SkipFacts>)[];
  /** The position of the last append, for read-your-writes. */
  position: string | null;
};

export type RuleInput = {
  weekdays: Weekday[];
  localTime: string;
  timeZone: string;
  durationMinutes: number | null;
  startsOn: string | null;
};

/** The same rule and occurrence always name the same live session: generating twice cannot double-book. */
export function occurrenceSessionId(ruleId: string, start: string): string {
  const h = createHash('sha256').update(`scheduleRule|${ruleId}|${start}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function addScheduleRule(
  deps: Deps,
  actor: EnrollmentActor,
  enrollmentId: string,
  ruleId: string,
  input: RuleInput,
  context: CommandContext,
) {
  const enrollment = await loadEnrollmentForStaff(deps.eventStore, actor, enrollmentId);
  const result = await handleCommand(
    deps.eventStore,
    enrollments,
    enrollmentId,
    {
      type: 'AddScheduleRule',
      enrollmentId,
      ruleId,
      now: context.now,
      weekdays: input.weekdays,
      localTime: input.localTime,
      timeZone: input.timeZone,
      durationMinutes: input.durationMinutes ?? enrollment.defaultLessonMinutes,
      startsOn: input.startsOn ?? localDateOf(context.now, input.timeZone),
    },
    context,
  );
  const report = await generateSessions(deps, enrollmentId, systemContext(context));
  return { ...report, position: report.position ?? result.position };
}

/** "This and following": the rule ends at occurrence `from`; a successor with the new terms takes over. */
export async function splitScheduleRule(
  deps: Deps,
  actor: EnrollmentActor,
  enrollmentId: string,
  ruleId: string,
  newRuleId: string,
  input: { from: string } & Partial<Omit<RuleInput, 'startsOn'>>,
  context: CommandContext,
) {
  const enrollment = await loadEnrollmentForStaff(deps.eventStore, actor, enrollmentId);
  const rule = activeRule(enrollment, ruleId);
  const result = await handleCommand(
    deps.eventStore,
    enrollments,
    enrollmentId,
    {
      type: 'SplitScheduleRule',
      enrollmentId,
      ruleId,
      newRuleId,
      now: context.now,
      from: input.from,
      weekdays: input.weekdays ?? rule.weekdays,
      localTime: input.localTime ?? rule.localTime,
      timeZone: input.timeZone ?? rule.timeZone,
      durationMinutes: input.durationMinutes ?? rule.durationMinutes,
    },
    context,
  );
  const canceled = await cancelRuleSessions(
    deps,
    actor,
    enrollment,
    ruleId,
    input.from,
    'the recurring schedule changed from this lesson on',
    context,
  );
  const report = await generateSessions(deps, enrollmentId, systemContext(context));
  return { ...report, canceled, position: report.position ?? canceled.position ?? result.position };
}

/** Removing a rule cancels its sessions that have not started yet; what took place stays. */
export async function removeScheduleRule(
  deps: Deps,
  actor: EnrollmentActor,
  enrollmentId: string,
  ruleId: string,
  context: CommandContext,
) {
  const enrollment = await loadEnrollmentForStaff(deps.eventStore, actor, enrollmentId);
  activeRule(enrollment, ruleId);
  const result = await handleCommand(
    deps.eventStore,
    enrollments,
    enrollmentId,
    { type: 'RemoveScheduleRule', enrollmentId, ruleId, now: context.now },
    context,
  );
  const canceled = await cancelRuleSessions(
    deps,
    actor,
    enrollment,
    ruleId,
    context.now,
    'the recurring schedule was removed',
    context,
  );
  return { ...canceled, position: canceled.position ?? result.position };
}

function activeRule(enrollment: ActiveEnrollment, ruleId: string): ScheduleRule {
  const rule = enrollment.scheduleRules.rules[ruleId];
  if (!rule || rule.removed) throw new NotFoundError('schedule_rule');
  return rule;
}

async function cancelRuleSessions(
  deps: Deps,
  actor: EnrollmentActor,
  enrollment: ActiveEnrollment,
  ruleId: string,
  from: string,
  reason: string,
  context: CommandContext,
) {
  const canceled: string[] = [];
  let position: string | null = null;
  for (const [key, occurrence] of Object.entries(enrollment.scheduleRules.occurrences)) {
    const [ofRule, start] = key.split('|') as [string, string];
    if (ofRule !== ruleId || occurrence.kind !== 'scheduled' || Date.parse(start) < Date.parse(from))
      continue;
    const id = occurrence.liveSessionId;
    const session = (await loadAggregate(deps.eventStore, liveSessions, id)).state;
    // Only sessions still ahead: one that started, ended or was already canceled keeps its record.
    if (session.status !== 'scheduled' || Date.parse(session.start) <= Date.parse(context.now)) continue;
    const result = await cancelLiveSession(deps, actor, id, reason, withKey(context, `cancel:${id}`));
    position = result.position ?? position;
    canceled.push(id);
  }
  return { canceled, position };
}

/** The context of generated writes: the caller's time and correlation, but no key or precondition of theirs. */
export function systemContext(context: CommandContext): CommandContext {
  return withKey(context, undefined);
}

/** Schedules every occurrence of the enrollment's rules from now to the horizon that is not recorded yet. */
export async function generateSessions(
  deps: Deps,
  enrollmentId: string,
  context: CommandContext,
  horizonWeeks = HORIZON_WEEKS,
): Promise<GenerationReport> {
  const { state } = await loadAggregate(deps.eventStore, enrollments, enrollmentId);
  const report: GenerationReport = { scheduled: [], skipped: [], position: null };
  if (state.status !== 'active') return report;
  const horizon = Temporal.Instant.from(context.now)
    .add({ hours: 24 * 7 * horizonWeeks })
    .toString();
  for (const rule of Object.values(state.scheduleRules.rules)) {
    if (rule.removed) continue;
    const { from, until } = ruleWindow(rule, context.now, horizon);
    for (const start of occurrencesBetween(rule, from, until)) {
      if (state.scheduleRules.occurrences[occurrenceKey(rule.ruleId, start)]) continue;
      const outcome = await scheduleOccurrence(deps, state, rule, start, context);
      const result = await handleCommand(
        deps.eventStore,
        enrollments,
        enrollmentId,
        {
          type: 'RecordScheduleOccurrence',
          enrollmentId,
          ruleId: rule.ruleId,
          now: context.now,
          occurrenceStart: start,
          outcome,
        },
        context,
      );
      report.position = result.position ?? report.position;
      if (outcome.kind === 'scheduled')
        report.scheduled.push({ ruleId: rule.ruleId, start, liveSessionId: outcome.liveSessionId });
      else report.skipped.push({ ruleId: rule.ruleId, start, ...skipFacts(outcome) });
    }
  }
  return report;
}

async function scheduleOccurrence(
  deps: Deps,
  enrollment: ActiveEnrollment,
  rule: ScheduleRule,
  start: string,
  context: CommandContext,
) {
  const liveSessionId = occurrenceSessionId(rule.ruleId, start);
  // Written by an earlier run that stopped before recording it: it is this occurrence's session.
  const existing = (await loadAggregate(deps.eventStore, liveSessions, liveSessionId)).state;
  if (existing.status !== 'none') return { kind: 'scheduled' as const, liveSessionId };
  const scheduler = { personId: enrollment.teacherId, orgId: enrollment.orgId, role: 'admin' as const };
  try {
    await scheduleLiveSession(
      deps,
      scheduler,
      liveSessionId,
      {
        kind: 'individual',
        courseId: enrollment.courseId,
        courseLessonId: null,
        enrollmentId: enrollment.enrollmentId,
        studentIds: [],
        studentGroupId: null,
        teacherId: null,
        start,
        durationMinutes: rule.durationMinutes,
        timeZone: rule.timeZone,
        title: null,
        notes: null,
      },
      context,
    );
    return { kind: 'scheduled' as const, liveSessionId };
  } catch (error) {
    if (error instanceof RuleViolation && error.code === 'already_scheduled') {
      // A concurrent run scheduled it first; scheduleLiveSession released the slot both runs booked, so book it
      // again (for the same session and times this is the slot the session holds).
      const end = addMinutes(start, rule.durationMinutes);
      const slot = {
        type: 'BookTeachingSlot' as const,
        teacherId: enrollment.teacherId,
        liveSessionId,
        start,
        end,
      };
      await handleCommand(deps.eventStore, teacherCalendars, enrollment.teacherId, slot, context);
      return { kind: 'scheduled' as const, liveSessionId };
    }
    // The teacher's calendar is busy then (or the rules refuse this one): skip it and say why.
    if (!(error instanceof AppError)) throw error;
    return skipFor(deps.eventStore, error);
  }
}
