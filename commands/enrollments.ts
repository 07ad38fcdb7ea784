// Enrollment access for the follow-up features: who may see or change an enrollment's homework and rules.
// Anything an actor may not see is "not found", so ids of other organisations or students reveal nothing.
import { ForbiddenError, NotFoundError } from '../domain/shared/errors.js';
import type { EnrollmentState } from '../domain/enrollment/enrollment.js';
import type { Role } from '../db/people.table.js';
import type { EventStore } from './eventStore/port.js';
import { loadAggregate } from './handleCommand.js';
import { enrollments } from './aggregates.js';

export type EnrollmentActor = { personId: string; orgId: string; role: Role };
export type ActiveEnrollment = Extract<EnrollmentState, { status: 'active' }>;

/** Admins see their organisation's enrollments, teachers those they teach, students their own. */
export async function loadEnrollmentFor(
  store: EventStore,
  actor: EnrollmentActor,
  enrollmentId: string,
): Promise<ActiveEnrollment> {
  const { state } = await loadAggregate(store, enrollments, enrollmentId);
  if (state.status === 'none' || state.orgId !== actor.orgId) throw new NotFoundError('enrollment not found');
  if (actor.role === 'teacher' && state.teacherId !== actor.personId)
    throw new NotFoundError('enrollment not found');
  if (actor.role === 'student' && state.studentId !== actor.personId)
    throw new NotFoundError('enrollment not found');
  return state;
}

/** The enrollment's teacher or an admin: assigning homework, verifying it, managing schedule rules. */
export async function loadEnrollmentForStaff(
  store: EventStore,
  actor: EnrollmentActor,
  enrollmentId: string,
): Promise<ActiveEnrollment> {
  const state = await loadEnrollmentFor(store, actor, enrollmentId);
  if (actor.role === 'student') throw new ForbiddenError('only the teacher or an admin can do this');
  return state;
}
