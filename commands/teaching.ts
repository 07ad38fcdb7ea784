// Who a teacher teaches, for the rules on who may bill whom: a teacher adds to sessions only their own students,
// and sees only the groups they teach. Admins reach everyone of their organisation.
//
// - A teacher's own students: those enrolled with them (in any course), and the members of groups they teach.
// - A group a teacher teaches: a student group that one of their sessions (not canceled) is scheduled for.
import { ForbiddenError } from '../domain/shared/errors.js';
import type { Db } from '../db/schema.js';
import type { Role } from '../db/people.table.js';

type Actor = { personId: string; orgId: string; role: Role };

/** The student groups the teacher teaches (a session of theirs, not canceled, names the group). */
export function groupsTaughtBy(db: Db, orgId: string, teacherId: string) {
  return db
    .selectFrom('schedule_sessions')
    .select('student_group_id')
    .distinct()
    .where('org_id', '=', orgId)
    .where('teacher_id', '=', teacherId)
    .where('status', '!=', 'canceled')
    .where('student_group_id', 'is not', null);
}

/** Of `studentIds`, those who are not the teacher's own students. */
export async function notOwnStudents(db: Db, actor: Actor, studentIds: string[]): Promise<string[]> {
  if (studentIds.length === 0) return [];
  const enrolled = await db
    .selectFrom('enrollments')
    .select('student_id')
    .where('org_id', '=', actor.orgId)
    .where('teacher_id', '=', actor.personId)
    .where('student_id', 'in', studentIds)
    .execute();
  const members = await db
    .selectFrom('student_group_members')
    .select('person_id')
    .where('person_id', 'in', studentIds)
    .where('group_id', 'in', (eb) =>
      eb
        .selectFrom('schedule_sessions')
        .select((s) => s.ref('student_group_id').$notNull().as('group_id'))
        .where('org_id', '=', actor.orgId)
        .where('teacher_id', '=', actor.personId)
        .where('status', '!=', 'canceled')
        .where('student_group_id', 'is not', null),
    )
    .execute();
  const own = new Set([...enrolled.map((r) => r.student_id), ...members.map((r) => r.person_id)]);
  return studentIds.filter((id) => !own.has(id));
}

/** Teachers add only their own students to a session; admins anyone of the organisation. */
export async function requireOwnStudents(db: Db, actor: Actor, studentIds: string[]): Promise<void> {
  if (actor.role !== 'teacher') return;
  const others = await notOwnStudents(db, actor, studentIds);
  if (others.length > 0)
    throw new ForbiddenError(
      'own_students_only',
      'teachers add only their own students (enrolled with them, or in a group they teach)',
      { studentIds: others },
    );
}
