// Generating recurring group classes: every occurrence of a group's rules from now to the horizon becomes a group
// session (the rule's course and teacher, the group's members as participants) with an id derived from the rule
// and the occurrence, recorded on the group's schedule once, so generation (on adding a rule, on demand, or from
// the periodic top-up) can run any number of times. Each run also brings the classes still ahead in line with
// the group: a student who joined is added, one who left is taken out (only students the rule put there).
import { createHash } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { AppError, RuleViolation } from '../domain/shared/errors.js';
import { addMinutes } from '../domain/shared/time.js';
import { occurrencesBetween } from '../domain/enrollment/recurrence.js';
import { ruleWindow, type SkipFacts } from '../domain/enrollment/scheduleRules.js';
import {
  occurrenceKey,
  type GroupScheduleRule,
  type GroupScheduleState,
} from '../domain/groupSchedule/groupSchedule.js';
import type { Db } from '../db/schema.js';
import type { EventStore } from './eventStore/port.js';
import { handleCommand, loadAggregate, type CommandContext } from './handleCommand.js';
import { groupSchedules, liveSessions, teacherCalendars } from './aggregates.js';
import { scheduleLiveSession } from './liveSessions.js';
import { addParticipant, participantsFor, removeParticipant } from './liveSessionParticipants.js';
import { HORIZON_WEEKS } from './scheduleRules.js';
import { skipFacts, skipFor } from './scheduleSkips.js';

type Deps = { db: Db; eventStore: EventStore };

export type GroupGenerationReport = {
  scheduled: { ruleId: string; start: string; liveSessionId: string }[];
  skipped: ({ ruleId: string; start: string } & Required<SkipFacts>)[];
  /** Classes still ahead whose students followed a change of the group. */
  studentsChanged: {
    ruleId: string;
    start: string;
    liveSessionId: string;
    joined: string[];
    left: string[];
  }[];
  /** The position of the last append, for read-your-writes. */
  position: string | null;
};

/** The same rule and occurrence always name the same live session: generating twice cannot double-book. */
export function groupClassSessionId(ruleId: string, start: string): string {
  const h = createHash('sha256').update(`groupScheduleRule|${ruleId}|${start}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The group's name and members now, or null when the group is gone (its rules then generate nothing more). */
async function groupNow(db: Db, orgId: string, groupId: string) {
  const group = await db
    .selectFrom('student_groups')
    .select('name')
    .where('id', '=', groupId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!group) return null;
  const rows = await db
    .selectFrom('student_group_members')
    .select('person_id')
    .where('group_id', '=', groupId)
    .orderBy('person_id')
    .execute();
  return { name: group.name, members: rows.map((r) => r.person_id) };
}

/** Keeps the group's classes in line with the group and schedules every occurrence not recorded yet. */
export async function generateGroupClasses(
  deps: Deps,
  groupId: string,
  context: CommandContext,
  horizonWeeks = HORIZON_WEEKS,
): Promise<GroupGenerationReport> {
  const report: GroupGenerationReport = { scheduled: [], skipped: [], studentsChanged: [], position: null };
  const { state } = await loadAggregate(deps.eventStore, groupSchedules, groupId);
  const rules = Object.values(state.rules).filter((r) => !r.removed);
  if (rules.length === 0) return report;
  const group = await groupNow(deps.db, context.orgId, groupId);
  if (!group) return report;
  await followTheGroup(deps, groupId, state, group.members, context, report);
  const horizon = Temporal.Instant.from(context.now)
    .add({ hours: 24 * 7 * horizonWeeks })
    .toString();
  for (const rule of rules) {
    const { from, until } = ruleWindow(rule, context.now, horizon);
    for (const start of occurrencesBetween(rule, from, until)) {
      if (state.occurrences[occurrenceKey(rule.ruleId, start)]) continue;
      const outcome = await scheduleClass(deps, { groupId, title: group.name }, rule, start, context);
      const result = await handleCommand(
        deps.eventStore,
        groupSchedules,
        groupId,
        {
          type: 'RecordGroupScheduleOccurrence',
          groupId,
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

/**
 * The classes still ahead (scheduled, not started) follow the group: members who are not among the students the
 * rule put in a class are added, students the rule put there who have left the group are taken out. A student
 * the teacher added or removed by hand is left alone, and a class keeps its last student (cancel it instead).
 */
async function followTheGroup(
  deps: Deps,
  groupId: string,
  state: GroupScheduleState,
  members: string[],
  context: CommandContext,
  report: GroupGenerationReport,
) {
  for (const [key, occurrence] of Object.entries(state.occurrences)) {
    if (occurrence.kind !== 'scheduled') continue;
    const [ruleId, start] = key.split('|') as [string, string];
    if (!state.rules[ruleId] || state.rules[ruleId].removed) continue;
    const joining = members.filter((id) => !occurrence.studentIds.includes(id));
    const leaving = occurrence.studentIds.filter((id) => !members.includes(id));
    if (joining.length === 0 && leaving.length === 0) continue;
    const id = occurrence.liveSessionId;
    const session = (await loadAggregate(deps.eventStore, liveSessions, id)).state;
    if (session.status !== 'scheduled' || Date.parse(session.start) <= Date.parse(context.now)) continue;
    for (const participant of await participantsFor(deps.db, context.orgId, session.courseId, joining))
      await addParticipant(deps, id, participant, context);
    const left: string[] = [];
    for (const studentId of leaving) {
      try {
        await removeParticipant(deps, id, studentId, context);
        left.push(studentId);
      } catch (error) {
        if (!(error instanceof RuleViolation && error.code === 'last_participant')) throw error;
      }
    }
    if (joining.length === 0 && left.length === 0) continue;
    const result = await handleCommand(
      deps.eventStore,
      groupSchedules,
      groupId,
      {
        type: 'RecordGroupClassStudents',
        groupId,
        ruleId,
        now: context.now,
        occurrenceStart: start,
        joined: joining,
        left,
      },
      context,
    );
    report.position = result.position ?? report.position;
    report.studentsChanged.push({ ruleId, start, liveSessionId: id, joined: joining, left });
  }
}

/** A class is titled with the group's name as it was when the class was scheduled. */
async function scheduleClass(
  deps: Deps,
  { groupId, title }: { groupId: string; title: string },
  rule: GroupScheduleRule,
  start: string,
  context: CommandContext,
) {
  const liveSessionId = groupClassSessionId(rule.ruleId, start);
  const scheduled = async () => {
    // The students it was scheduled with are the ones this rule put there.
    const session = (await loadAggregate(deps.eventStore, liveSessions, liveSessionId)).state;
    const studentIds = session.status === 'none' ? [] : session.participants.map((p) => p.studentId);
    return { kind: 'scheduled' as const, liveSessionId, studentIds };
  };
  // Written by an earlier run that stopped before recording it: it is this occurrence's class.
  const existing = (await loadAggregate(deps.eventStore, liveSessions, liveSessionId)).state;
  if (existing.status !== 'none') return scheduled();
  const scheduler = { personId: rule.teacherId, orgId: context.orgId, role: 'admin' as const };
  try {
    await scheduleLiveSession(
      deps,
      scheduler,
      liveSessionId,
      {
        kind: 'group',
        courseId: rule.courseId,
        courseLessonId: null,
        enrollmentId: null,
        studentIds: [],
        studentGroupId: groupId,
        teacherId: rule.teacherId,
        start,
        durationMinutes: rule.durationMinutes,
        timeZone: rule.timeZone,
        title,
        notes: null,
      },
      context,
    );
    return scheduled();
  } catch (error) {
    if (error instanceof RuleViolation && error.code === 'already_scheduled') {
      // A concurrent run scheduled it first; scheduleLiveSession released the slot both runs booked, so book it
      // again (for the same session and times this is the slot the session holds).
      const end = addMinutes(start, rule.durationMinutes);
      const slot = {
        type: 'BookTeachingSlot' as const,
        teacherId: rule.teacherId,
        liveSessionId,
        start,
        end,
      };
      await handleCommand(deps.eventStore, teacherCalendars, rule.teacherId, slot, context);
      return scheduled();
    }
    // The teacher is busy then, the group has no members, or the course is gone: skip it and say why.
    if (!(error instanceof AppError)) throw error;
    return skipFor(deps.eventStore, error);
  }
}
