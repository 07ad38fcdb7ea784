// Scheduling live sessions: checks the references a command names, keeps the teacher's calendar free of
// overlaps (the teacherCalendar stream), then records the session; and changing a session's details.
import { NotFoundError, ForbiddenError, RuleViolation } from '../domain/shared/errors.js';
import { addMinutes } from '../domain/shared/time.js';
import type { Participant } from '../domain/liveSession/events.js';
import type { ScheduleLiveSession } from '../domain/liveSession/commands.js';
import { liveSessionDecider } from '../domain/liveSession/decider.js';
import type { Db } from '../db/schema.js';
import type { EventStore } from './eventStore/port.js';
import { handleCommand, loadAggregate, type CommandContext } from './handleCommand.js';
import { courses, enrollments, liveSessions, teacherCalendars } from './aggregates.js';
import { requireOwnStudents } from './teaching.js';
import { withKey, type Scheduler } from './liveSessionAccess.js';
import { groupMembers, participantsFor } from './liveSessionParticipants.js';

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
  if (actor.role === 'student')
    throw new ForbiddenError('teacher_or_admin_only', 'students cannot schedule live sessions');
  const course = (await loadAggregate(deps.eventStore, courses, input.courseId)).state;
  if (course.status === 'none' || course.orgId !== actor.orgId) throw new NotFoundError('course');
  if (input.courseLessonId && !course.lessons.some((l) => l.lessonId === input.courseLessonId))
    throw lessonNotInCourse();

  let teacherId: string;
  let participants: Participant[];
  let durationMinutes = input.durationMinutes;
  if (input.kind === 'individual') {
    if (!input.enrollmentId)
      throw new RuleViolation(
        'individual_session',
        'an individual session is for exactly one student and their enrollment',
      );
    const enrollment = (await loadAggregate(deps.eventStore, enrollments, input.enrollmentId)).state;
    if (enrollment.status === 'none' || enrollment.orgId !== actor.orgId)
      throw new NotFoundError('enrollment');
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
    throw new ForbiddenError('own_sessions_only', 'teachers schedule their own sessions only');
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

const lessonNotInCourse = () =>
  new RuleViolation('lesson_not_in_course', 'the lesson does not belong to this course', {
    field: 'courseLessonId',
  });

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

async function requireTeacher(db: Db, orgId: string, teacherId: string) {
  const teacher = await db
    .selectFrom('people')
    .select('id')
    .where('id', '=', teacherId)
    .where('org_id', '=', orgId)
    .where('role', 'in', ['teacher', 'admin'])
    .where('active', '=', true)
    .executeTakeFirst();
  if (!teacher) throw new NotFoundError('teacher');
}
