// Recurring classes of a student group: weekly rules that keep group sessions (the group's members, the rule's
// course and teacher) scheduled for the coming weeks. Admins manage every group's rules; a teacher manages the
// rules they teach on a group they teach, as an enrollment's teacher manages its rules. "This and following"
// splits a rule; removing one cancels the classes it made that have not started.
import { ForbiddenError, NotFoundError, RuleViolation } from '../domain/shared/errors.js';
import { localDateOf, type Weekday } from '../domain/enrollment/recurrence.js';
import type { GroupScheduleRule, GroupScheduleState } from '../domain/groupSchedule/groupSchedule.js';
import type { Db } from '../db/schema.js';
import type { Role } from '../db/people.table.js';
import type { EventStore } from './eventStore/port.js';
import { handleCommand, loadAggregate, type CommandContext } from './handleCommand.js';
import { courses, groupSchedules, liveSessions } from './aggregates.js';
import { withKey } from './liveSessionAccess.js';
import { cancelLiveSession } from './liveSessionMoves.js';
import { systemContext } from './scheduleRules.js';
import { generateGroupClasses } from './groupScheduleGeneration.js';

type Deps = { db: Db; eventStore: EventStore };
export type GroupActor = { personId: string; orgId: string; role: Role };

export type GroupRuleInput = {
  courseId: string;
  /** null: the actor teaches the classes. */
  teacherId: string | null;
  weekdays: Weekday[];
  localTime: string;
  timeZone: string;
  /** null: an hour. */
  durationMinutes: number | null;
  /** null: today in the rule's zone. */
  startsOn: string | null;
};

/** Classes last an hour unless the rule says otherwise. */
export const DEFAULT_CLASS_MINUTES = 60;

/**
 * The student group as the actor may see its rules: admins every group of their organisation, a teacher the
 * groups they teach (a class of theirs or a rule naming them), a student the groups they are in. Anything else
 * is "not found".
 */
export async function loadStudentGroupFor(db: Db, actor: GroupActor, groupId: string) {
  const group = await db
    .selectFrom('student_groups')
    .select(['id', 'kind'])
    .where('id', '=', groupId)
    .where('org_id', '=', actor.orgId)
    .executeTakeFirst();
  if (!group) throw new NotFoundError('group');
  if (actor.role === 'student') {
    const member = await db
      .selectFrom('student_group_members')
      .select('person_id')
      .where('group_id', '=', groupId)
      .where('person_id', '=', actor.personId)
      .executeTakeFirst();
    if (!member) throw new NotFoundError('group');
  }
  if (actor.role === 'teacher' && !(await teachesGroup(db, actor, groupId))) throw new NotFoundError('group');
  return group;
}

async function teachesGroup(db: Db, actor: GroupActor, groupId: string) {
  const session = await db
    .selectFrom('schedule_sessions')
    .select('id')
    .where('org_id', '=', actor.orgId)
    .where('student_group_id', '=', groupId)
    .where('teacher_id', '=', actor.personId)
    .where('status', '!=', 'canceled')
    .limit(1)
    .executeTakeFirst();
  if (session) return true;
  const rule = await db
    .selectFrom('group_schedule_rules')
    .select('id')
    .where('org_id', '=', actor.orgId)
    .where('group_id', '=', groupId)
    .where('teacher_id', '=', actor.personId)
    .where('removed', '=', false)
    .limit(1)
    .executeTakeFirst();
  return rule !== undefined;
}

/** The group's rules may be changed by admins and by teachers who teach the group; classes are for students. */
async function loadStudentGroupForStaff(db: Db, actor: GroupActor, groupId: string) {
  if (actor.role === 'student')
    throw new ForbiddenError('teacher_or_admin_only', 'only a teacher or an admin can do this');
  const group = await loadStudentGroupFor(db, actor, groupId);
  if (group.kind !== 'students')
    throw new RuleViolation('not_a_student_group', 'recurring classes are for student groups');
  return group;
}

/** The course and the teacher a rule names, of the organisation ("not found" otherwise); nothing is written. */
async function requireCourseAndTeacher(deps: Deps, actor: GroupActor, courseId: string, teacherId: string) {
  if (actor.role === 'teacher' && teacherId !== actor.personId)
    throw new ForbiddenError('own_classes_only', 'teachers schedule their own classes only');
  const course = (await loadAggregate(deps.eventStore, courses, courseId)).state;
  if (course.status === 'none' || course.orgId !== actor.orgId) throw new NotFoundError('course');
  const teacher = await deps.db
    .selectFrom('people')
    .select('id')
    .where('id', '=', teacherId)
    .where('org_id', '=', actor.orgId)
    .where('role', 'in', ['teacher', 'admin'])
    .where('active', '=', true)
    .executeTakeFirst();
  if (!teacher) throw new NotFoundError('teacher');
}

export async function addGroupScheduleRule(
  deps: Deps,
  actor: GroupActor,
  groupId: string,
  ruleId: string,
  input: GroupRuleInput,
  context: CommandContext,
) {
  await loadStudentGroupForStaff(deps.db, actor, groupId);
  const teacherId = input.teacherId ?? actor.personId;
  await requireCourseAndTeacher(deps, actor, input.courseId, teacherId);
  const result = await handleCommand(
    deps.eventStore,
    groupSchedules,
    groupId,
    {
      type: 'AddGroupScheduleRule',
      groupId,
      ruleId,
      now: context.now,
      courseId: input.courseId,
      teacherId,
      weekdays: input.weekdays,
      localTime: input.localTime,
      timeZone: input.timeZone,
      durationMinutes: input.durationMinutes ?? DEFAULT_CLASS_MINUTES,
      startsOn: input.startsOn ?? localDateOf(context.now, input.timeZone),
    },
    context,
  );
  const report = await generateGroupClasses(deps, groupId, systemContext(context));
  return { ...report, position: report.position ?? result.position };
}

/** "This and following": the rule ends at occurrence `from`; a successor with the new terms takes over. */
export async function splitGroupScheduleRule(
  deps: Deps,
  actor: GroupActor,
  groupId: string,
  ruleId: string,
  newRuleId: string,
  input: { from: string } & Partial<Omit<GroupRuleInput, 'startsOn'>>,
  context: CommandContext,
) {
  const state = await loadRulesForStaff(deps, actor, groupId);
  const rule = ruleOf(state, actor, ruleId);
  const courseId = input.courseId ?? rule.courseId;
  const teacherId = input.teacherId ?? rule.teacherId;
  await requireCourseAndTeacher(deps, actor, courseId, teacherId);
  const result = await handleCommand(
    deps.eventStore,
    groupSchedules,
    groupId,
    {
      type: 'SplitGroupScheduleRule',
      groupId,
      ruleId,
      newRuleId,
      now: context.now,
      from: input.from,
      courseId,
      teacherId,
      weekdays: input.weekdays ?? rule.weekdays,
      localTime: input.localTime ?? rule.localTime,
      timeZone: input.timeZone ?? rule.timeZone,
      durationMinutes: input.durationMinutes ?? rule.durationMinutes,
    },
    context,
  );
  const reason = 'the recurring class changed from this class on';
  const canceled = await cancelRuleClasses(deps, actor, state, ruleId, input.from, reason, context);
  const report = await generateGroupClasses(deps, groupId, systemContext(context));
  return { ...report, canceled, position: report.position ?? canceled.position ?? result.position };
}

/** Removing a rule cancels its classes that have not started yet; what took place stays. */
export async function removeGroupScheduleRule(
  deps: Deps,
  actor: GroupActor,
  groupId: string,
  ruleId: string,
  context: CommandContext,
) {
  const state = await loadRulesForStaff(deps, actor, groupId);
  ruleOf(state, actor, ruleId);
  const result = await handleCommand(
    deps.eventStore,
    groupSchedules,
    groupId,
    { type: 'RemoveGroupScheduleRule', groupId, ruleId, now: context.now },
    context,
  );
  const reason = 'the recurring class was removed';
  const canceled = await cancelRuleClasses(deps, actor, state, ruleId, context.now, reason, context);
  return { ...canceled, position: canceled.position ?? result.position };
}

/** Fills the horizon now, as the periodic top-up does, for a group the actor manages. */
export async function generateGroupClassesFor(
  deps: Deps,
  actor: GroupActor,
  groupId: string,
  context: CommandContext,
) {
  await loadStudentGroupForStaff(deps.db, actor, groupId);
  return generateGroupClasses(deps, groupId, systemContext(context));
}

async function loadRulesForStaff(deps: Deps, actor: GroupActor, groupId: string) {
  await loadStudentGroupForStaff(deps.db, actor, groupId);
  return (await loadAggregate(deps.eventStore, groupSchedules, groupId)).state;
}

/** An active rule of the group; a teacher changes only the rules they teach. */
function ruleOf(state: GroupScheduleState, actor: GroupActor, ruleId: string): GroupScheduleRule {
  const rule = state.rules[ruleId];
  if (!rule || rule.removed) throw new NotFoundError('schedule_rule');
  if (actor.role === 'teacher' && rule.teacherId !== actor.personId)
    throw new ForbiddenError('own_classes_only', 'teachers change the recurring classes they teach only');
  return rule;
}

async function cancelRuleClasses(
  deps: Deps,
  actor: GroupActor,
  state: GroupScheduleState,
  ruleId: string,
  from: string,
  reason: string,
  context: CommandContext,
) {
  const canceled: string[] = [];
  let position: string | null = null;
  for (const [key, occurrence] of Object.entries(state.occurrences)) {
    const [ofRule, start] = key.split('|') as [string, string];
    if (ofRule !== ruleId || occurrence.kind !== 'scheduled' || Date.parse(start) < Date.parse(from))
      continue;
    const id = occurrence.liveSessionId;
    const session = (await loadAggregate(deps.eventStore, liveSessions, id)).state;
    // Only classes still ahead: one that started, ended or was already canceled keeps its record.
    if (session.status !== 'scheduled' || Date.parse(session.start) <= Date.parse(context.now)) continue;
    const result = await cancelLiveSession(deps, actor, id, reason, withKey(context, `cancel:${id}`));
    position = result.position ?? position;
    canceled.push(id);
  }
  return { canceled, position };
}
