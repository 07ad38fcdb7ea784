// Who may see which person, and the person as the API shows it. People live in the mutable `people` table.
import { z } from 'zod';
import { NotFoundError, RuleViolation } from '../domain/shared/errors.js';
import type { DbOrTrx } from '../db/schema.js';
import type { Person } from '../db/people.table.js';
import type { Actor } from './sessions.js';

export const PersonSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  role: z.enum(['admin', 'teacher', 'student']),
  name: z.string(),
  email: z.string(),
  timeZone: z.string(),
  language: z.string(),
  active: z.boolean(),
  erased: z.boolean(),
  hasPassword: z.boolean(),
});

export const toPerson = (p: Person): z.infer<typeof PersonSchema> => ({
  id: p.id,
  orgId: p.org_id,
  role: p.role,
  name: p.name,
  email: p.email,
  timeZone: p.time_zone,
  language: p.language,
  active: p.active,
  erased: p.erased_at !== null,
  hasPassword: p.password_hash !== null,
});

/**
 * The people an actor may see: an admin everyone in the organisation, a teacher themselves and the students
 * enrolled with them, a student only themselves. Everyone else answers 404.
 */
export function visiblePeople(db: DbOrTrx, actor: Actor) {
  let q = db.selectFrom('people').selectAll().where('org_id', '=', actor.orgId);
  if (actor.role === 'student') q = q.where('id', '=', actor.personId);
  if (actor.role === 'teacher')
    q = q.where((eb) =>
      eb.or([
        eb('id', '=', actor.personId),
        eb(
          'id',
          'in',
          eb
            .selectFrom('enrollments')
            .select('student_id')
            .where('teacher_id', '=', actor.personId)
            .where('org_id', '=', actor.orgId),
        ),
      ]),
    );
  return q;
}

export async function visiblePerson(db: DbOrTrx, actor: Actor, id: string) {
  const person = await visiblePeople(db, actor).where('id', '=', id).executeTakeFirst();
  if (!person) throw new NotFoundError('person');
  return person;
}

/** A person of the actor's organisation, whoever they are (for admin actions). */
export async function personInOrg(db: DbOrTrx, orgId: string, id: string) {
  const person = await db
    .selectFrom('people')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!person) throw new NotFoundError('person');
  return person;
}

/** Runs a write that may hit the unique e-mail index, turning that into a stable 409. */
export async function uniqueEmail<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '23505')
      throw new RuleViolation('email_taken', 'someone already uses this e-mail address', {});
    throw error;
  }
}
