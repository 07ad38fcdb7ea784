// Scheduling live sessions: checks the references a command names, keeps the teacher's calendar free of
// overlaps (the teacherCalendar stream), then records the session.
import { NotFoundError, ForbiddenError, PreconditionFailed, RuleViolation } from '../domain/shared/errors.js';
import { addMinutes } from '../domain/shared/time.js';
import type { Participant } from '../domain/liveSession/events.js';
import type { ScheduleLiveSession } from '../domain/liveSession/commands.js';
import { liveSessionDecider } from '../domain/liveSession/decider.js';
import type { Db } from '../db/schema.js';
import type { EventStore } from './eventStore/port.js';
import { handleCommand, loadAggregate, type CommandContext } from './handleCommand.js';
import { courses, enrollments, liveSessions, teacherCalendars } from './aggregates.js';
import type { Role } from '../db/people.table.js';
import { requireOwnStudents } from './teaching.js';

export type Scheduler = { personId: string; orgId: string; role: Role };

export type ScheduleInput = {
  kind: 'individual' | 'group';
  courseId: string;
  courseLessonId: string | null;
  enrollmentId: string | null;
  studentIds: string[];
  studentGroupId: string | null;
  teacherId: string | null;
  start: string;
  durationMinutes: number | null;
  timeZone: string;
  title: string | null;
  notes: string | null;
};

type Deps = { db: Db; eventStore: EventStore };

export async function scheduleLiveSession(
  deps: Deps,
  actor: Scheduler,
  liveSessionId: string,
  input: ScheduleInput,
  context: CommandContext,
) {
  if (actor.role === 'student') throw new ForbiddenError('students cannot schedule live sessions');
  const course = (await loadAggregate(deps.eventStore, courses, input.courseId)).state;
  if (course.status === 'none' || course.orgId !== actor.orgId) throw new NotFoundError('course not found');
  if (input.courseLessonId && !course.lessons.some((l) => l.lessonId === input.courseLessonId))
    throw lessonNotInCourse();

  let teacherId: string;
  let participants: Participant[];
  let durationMinutes = input.durationMinutes;
  if (input.kind === 'individual') {
    if (!input.enrollmentId)
      throw new RuleViolation('individual_session', 'an individual session is for exactly one enrollment');
    const enrollment = (await loadAggregate(deps.eventStore, enrollments, input.enrollmentId)).state;
    if (enrollment.status === 'none' || enrollment.orgId !== actor.orgId)
      throw new NotFoundError('enrollment not found');
    if (enrollment.courseId !== input.courseId)
      throw new RuleViolation('enrollment_not_in_course', 'the enrollment is for another course');
    teacherId = enrollment.teacherId;
    participants = [{ studentId: enrollment.studentId, enrollmentId: enrollment.enrollmentId }];
    durationMinutes ??= enrollment.defaultLessonMinutes;
  } else {
    teacherId = input.teacherId ?? actor.personId;
    const studentIds = new Set(input.studentIds);
    if (input.studentGroupId)
      for (const id of await groupMembers(deps.db, actor.orgId, input.studentGroupId)) studentIds.add(id);
    participants = await participantsFor(deps.db, actor.orgId, input.courseId, [...studentIds]);
    await requireOwnStudents(deps.db, actor, [...studentIds]);
  }
  if (actor.role === 'teacher' && teacherId !== actor.personId)
    throw new ForbiddenError('teachers schedule their own sessions only');
  await requireTeacher(deps.db, actor.orgId, teacherId);
  durationMinutes ??= 60;

  const command: ScheduleLiveSession = {
    type: 'ScheduleLiveSession',
    liveSessionId,
    now: context.now,
    orgId: actor.orgId,
    kind: input.kind,
    courseId: input.courseId,
    courseLessonId: input.courseLessonId,
    teacherId,
    enrollmentId: input.kind === 'individual' ? input.enrollmentId : null,
    studentGroupId: input.studentGroupId,
    participants,
    start: input.start,
    durationMinutes,
    timeZone: input.timeZone,
    title: input.title,
    notes: input.notes,
  };
  // The session's own rules first (pure, so free to ask): a refused command books no slot.
  liveSessionDecider.decide(command, liveSessionDecider.initialState());
  // Then the calendar: if the teacher is busy, nothing else is written.
  const end = addMinutes(input.start, durationMinutes);
  const slot = { type: 'BookTeachingSlot' as const, teacherId, liveSessionId, start: input.start, end };
  await handleCommand(deps.eventStore, teacherCalendars, teacherId, slot, withKey(context, 'calendar'));
  try {
    return await handleCommand(deps.eventStore, liveSessions, liveSessionId, command, context);
  } catch (error) {
    await handleCommand(
      deps.eventStore,
      teacherCalendars,
      teacherId,
      { type: 'ReleaseTeachingSlot', teacherId, liveSessionId },
      withKey(context, undefined),
    );
    throw error;
  }
}

/** Loads a session the actor may see; anything else is "not found" (never reveal another organisation's ids). */
export async function loadLiveSessionFor(deps: Deps, actor: Scheduler, liveSessionId: string) {
  const loaded = await loadAggregate(deps.eventStore, liveSessions, liveSessionId);
  const state = loaded.state;
  if (state.status === 'none' || state.status === 'deleted' || state.orgId !== actor.orgId)
    throw new NotFoundError('live session not found');
  const isParticipant = state.participants.some((p) => p.studentId === actor.personId);
  if (actor.role === 'student' && !isParticipant) throw new NotFoundError('live session not found');
  if (actor.role === 'teacher' && state.teacherId !== actor.personId)
    throw new NotFoundError('live session not found');
  return { ...loaded, state };
}

/**
 * Moves a session and its slot in the teacher's calendar, which must never disagree. The session's own rules
 * and the caller's If-Match are checked before the slot moves (a refusal moves nothing); if the session still
 * refuses after the slot moved (someone changed it in between), the slot is moved back.
 */
export async function rescheduleLiveSession(
  deps: Deps,
  actor: Scheduler,
  liveSessionId: string,
  input: { start: string; durationMinutes: number; timeZone: string },
  context: CommandContext,
) {
  const { state, revision } = await requireManager(deps, actor, liveSessionId);
  const command = { type: 'RescheduleLiveSession' as const, liveSessionId, now: context.now, ...input };
  if (context.ifMatch !== undefined && context.ifMatch !== revision)
    throw new PreconditionFailed(`the resource is at revision ${revision}, not ${context.ifMatch}`, {
      revision,
    });
  liveSessionDecider.decide(command, state);
  const end = addMinutes(input.start, input.durationMinutes);
  const teacherId = state.teacherId;
  const before =
    state.status === 'scheduled'
      ? (await loadAggregate(deps.eventStore, teacherCalendars, teacherId)).state.slots.get(liveSessionId)
      : undefined;
  if (state.status === 'scheduled') {
    await handleCommand(
      deps.eventStore,
      teacherCalendars,
      teacherId,
      { type: 'MoveTeachingSlot', teacherId, liveSessionId, start: input.start, end },
      withKey(context, 'calendar'),
    );
  }
  try {
    return await handleCommand(deps.eventStore, liveSessions, liveSessionId, command, context);
  } catch (error) {
    if (state.status === 'scheduled')
      await handleCommand(
        deps.eventStore,
        teacherCalendars,
        teacherId,
        before
          ? { type: 'MoveTeachingSlot', teacherId, liveSessionId, start: before.start, end: before.end }
          : { type: 'ReleaseTeachingSlot', teacherId, liveSessionId },
        withKey(context, undefined),
      );
    throw error;
  }
}

export async function cancelLiveSession(
  deps: Deps,
  actor: Scheduler,
  liveSessionId: string,
  reason: string,
  context: CommandContext,
) {
  const { state } = await requireManager(deps, actor, liveSessionId);
  const result = await handleCommand(
    deps.eventStore,
    liveSessions,
    liveSessionId,
    { type: 'CancelLiveSession', liveSessionId, now: context.now, reason },
    context,
  );
  await handleCommand(
    deps.eventStore,
    teacherCalendars,
    state.teacherId,
    { type: 'ReleaseTeachingSlot', teacherId: state.teacherId, liveSessionId },
    withKey(context, 'calendar'),
  );
  return result;
}

const lessonNotInCourse = () =>
  new RuleViolation(
    'lesson_not_in_course',
    "courseLessonId: the lesson does not belong to the session's course",
    {
      field: 'courseLessonId',
    },
  );

/**
 * Title, notes and course lesson; the caller has checked the actor manages the session (requireManager). The
 * lesson must be one of the session's course (409 lesson_not_in_course).
 */
export async function changeLiveSessionDetails(
  deps: Deps,
  liveSessionId: string,
  details: { title: string | null; notes: string | null; courseLessonId: string | null },
  context: CommandContext,
) {
  if (details.courseLessonId) {
    const session = (await loadAggregate(deps.eventStore, liveSessions, liveSessionId)).state;
    const courseId = session.status === 'none' ? null : session.courseId;
    const course = courseId ? (await loadAggregate(deps.eventStore, courses, courseId)).state : null;
    if (
      !course ||
      course.status === 'none' ||
      !course.lessons.some((l) => l.lessonId === details.courseLessonId)
    )
      throw lessonNotInCourse();
  }
  return handleCommand(
    deps.eventStore,
    liveSessions,
    liveSessionId,
    { type: 'ChangeLiveSessionDetails', liveSessionId, now: context.now, ...details },
    context,
  );
}

/** Adds a student (found with participantsFor); the caller has checked the actor manages the session. */
export function addParticipant(
  deps: Deps,
  liveSessionId: string,
  participant: Participant,
  context: CommandContext,
) {
  return handleCommand(
    deps.eventStore,
    liveSessions,
    liveSessionId,
    { type: 'AddParticipant', liveSessionId, now: context.now, participant },
    context,
  );
}

/** Removes a student; the caller has checked the actor manages the session. */
export function removeParticipant(
  deps: Deps,
  liveSessionId: string,
  studentId: string,
  context: CommandContext,
) {
  return handleCommand(
    deps.eventStore,
    liveSessions,
    liveSessionId,
    { type: 'RemoveParticipant', liveSessionId, now: context.now, studentId },
    context,
  );
}

export async function requireManager(deps: Deps, actor: Scheduler, liveSessionId: string) {
  const loaded = await loadLiveSessionFor(deps, actor, liveSessionId);
  if (actor.role === 'student')
    throw new ForbiddenError('only the teacher or an admin can change this live session');
  return loaded;
}

export async function participantsFor(
  db: Db,
  orgId: string,
  courseId: string,
  studentIds: string[],
): Promise<Participant[]> {
  if (studentIds.length === 0) return [];
  const students = await db
    .selectFrom('people')
    .select('id')
    .where('org_id', '=', orgId)
    .where('role', '=', 'student')
    .where('id', 'in', studentIds)
    .execute();
  const found = new Set(students.map((s) => s.id));
  const missing = studentIds.filter((id) => !found.has(id));
  if (missing.length > 0)
    throw new NotFoundError(`student not found: ${missing.join(', ')}`, { studentIds: missing });
  const rows = await db
    .selectFrom('enrollments')
    .select(['id', 'student_id'])
    .where('course_id', '=', courseId)
    .where('student_id', 'in', studentIds)
    .execute();
  const enrollmentOf = new Map(rows.map((r) => [r.student_id, r.id]));
  return studentIds.map((studentId) => ({ studentId, enrollmentId: enrollmentOf.get(studentId) ?? null }));
}

async function groupMembers(db: Db, orgId: string, groupId: string): Promise<string[]> {
  const group = await db
    .selectFrom('student_groups')
    .select('id')
    .where('id', '=', groupId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!group) throw new NotFoundError('student group not found');
  const rows = await db
    .selectFrom('student_group_members')
    .select('person_id')
    .where('group_id', '=', groupId)
    .execute();
  return rows.map((r) => r.person_id);
}

async function requireTeacher(db: Db, orgId: string, teacherId: string) {
  const teacher = await db
    .selectFrom('people')
    .select('id')
    .where('id', '=', teacherId)
    .where('org_id', '=', orgId)
    .where('role', 'in', ['teacher', 'admin'])
    .where('active', '=', true)
    .executeTakeFirst();
  if (!teacher) throw new NotFoundError('teacher not found');
}

/** A step of a multi-stream command gets its own idempotency key derived from the request's. */
export function withKey(context: CommandContext, suffix: string | undefined): CommandContext {
  const { idempotencyKey, ifMatch: _ignored, ...rest } = context;
  return suffix && idempotencyKey ? { ...rest, idempotencyKey: `${idempotencyKey}:${suffix}` } : rest;
}
