// The participants of a live session: who may be added (students of the organisation, with their enrollment
// in the session's course when they have one), adding and removing them.
import { NotFoundError } from '../domain/shared/errors.js';
import type { Participant } from '../domain/liveSession/events.js';
import type { Db } from '../db/schema.js';
import type { EventStore } from './eventStore/port.js';
import { handleCommand, type CommandContext } from './handleCommand.js';
import { liveSessions } from './aggregates.js';

type Deps = { db: Db; eventStore: EventStore };

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
    throw new NotFoundError('student', `student not found: ${missing.join(', ')}`, {
      studentIds: missing,
      ids: missing,
    });
  const rows = await db
    .selectFrom('enrollments')
    .select(['id', 'student_id'])
    .where('course_id', '=', courseId)
    .where('student_id', 'in', studentIds)
    .execute();
  const enrollmentOf = new Map(rows.map((r) => [r.student_id, r.id]));
  return studentIds.map((studentId) => ({ studentId, enrollmentId: enrollmentOf.get(studentId) ?? null }));
}

export async function groupMembers(db: Db, orgId: string, groupId: string): Promise<string[]> {
  const group = await db
    .selectFrom('student_groups')
    .select('id')
    .where('id', '=', groupId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!group) throw new NotFoundError('student_group');
  const rows = await db
    .selectFrom('student_group_members')
    .select('person_id')
    .where('group_id', '=', groupId)
    .execute();
  return rows.map((r) => r.person_id);
}
