// Enrollments: enrolling students and changing terms, and the access for the follow-up features (who may see
// or change an enrollment's homework and rules).
// Anything an actor may not see is "not found", so ids of other organisations or students reveal nothing.
import { ForbiddenError, NotFoundError } from '../domain/shared/errors.js';
import type { EnrollmentState, NoShowPolicy } from '../domain/enrollment/enrollment.js';
import type { Role } from '../db/people.table.js';
import type { Db } from '../db/schema.js';
import type { EventStore } from './eventStore/port.js';
import { handleCommand, loadAggregate, type CommandContext } from './handleCommand.js';
import { courses, enrollments } from './aggregates.js';

export type EnrollmentActor = { personId: string; orgId: string; role: Role };
export type ActiveEnrollment = Extract<EnrollmentState, { status: 'active' }>;

/** Admins see their organisation's enrollments, teachers those they teach, students their own. */
export async function loadEnrollmentFor(
  store: EventStore,
  actor: EnrollmentActor,
  enrollmentId: string,
): Promise<ActiveEnrollment> {
  const { state } = await loadAggregate(store, enrollments, enrollmentId);
  if (state.status === 'none' || state.orgId !== actor.orgId) throw new NotFoundError('enrollment');
  if (actor.role === 'teacher' && state.teacherId !== actor.personId) throw new NotFoundError('enrollment');
  if (actor.role === 'student' && state.studentId !== actor.personId) throw new NotFoundError('enrollment');
  return state;
}

/** The enrollment's teacher or an admin: assigning homework, verifying it, managing schedule rules. */
export async function loadEnrollmentForStaff(
  store: EventStore,
  actor: EnrollmentActor,
  enrollmentId: string,
): Promise<ActiveEnrollment> {
  const state = await loadEnrollmentFor(store, actor, enrollmentId);
  if (actor.role === 'student')
    throw new ForbiddenError('teacher_or_admin_only', 'only the teacher or an admin can do this');
  return state;
}

type Deps = { db: Db; eventStore: EventStore };
type Parties = { courseId: string; studentId: string; teacherId: string };

/** The course, student and teacher a new enrollment names, all of the organisation ("not found" otherwise). */
export async function requireEnrollmentParties(deps: Deps, orgId: string, parties: Parties) {
  const course = (await loadAggregate(deps.eventStore, courses, parties.courseId)).state;
  if (course.status === 'none' || course.orgId !== orgId) throw new NotFoundError('course');
  const people = await deps.db
    .selectFrom('people')
    .select(['id', 'role'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [parties.studentId, parties.teacherId])
    .execute();
  if (!people.some((p) => p.id === parties.studentId && p.role === 'student'))
    throw new NotFoundError('student');
  if (!people.some((p) => p.id === parties.teacherId && p.role !== 'student'))
    throw new NotFoundError('teacher');
}

/** Enrolls a student; the caller has checked the parties (requireEnrollmentParties). */
export function enrollStudent(
  deps: Deps,
  orgId: string,
  enrollmentId: string,
  input: Parties & { defaultLessonMinutes: number; lessonCostTokens: number },
  context: CommandContext,
) {
  return handleCommand(
    deps.eventStore,
    enrollments,
    enrollmentId,
    { type: 'EnrollStudent', enrollmentId, orgId, ...input },
    context,
  );
}

export function changeEnrollmentTerms(
  deps: Deps,
  enrollmentId: string,
  terms: { defaultLessonMinutes: number; lessonCostTokens: number; noShowPolicy?: NoShowPolicy },
  context: CommandContext,
) {
  return handleCommand(
    deps.eventStore,
    enrollments,
    enrollmentId,
    { type: 'ChangeEnrollmentTerms', enrollmentId, ...terms },
    context,
  );
}

/** The no-show policy is not in the catalog read model: the enrollment's stream is the one place holding it. */
export async function noShowPolicyOf(deps: Deps, enrollmentId: string): Promise<NoShowPolicy> {
  const { state } = await loadAggregate(deps.eventStore, enrollments, enrollmentId);
  return state.status === 'active' ? state.noShowPolicy : 'free';
}
