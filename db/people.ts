// Creating organisations and people. (Admin routes for people live in api/routes/people.ts.)
import { randomUUID } from 'node:crypto';
import type { DbOrTrx } from './schema.js';
import type { Role } from './people.table.js';

export async function createOrganisation(
  db: DbOrTrx,
  name: string,
  settings: Record<string, unknown> = {},
  id: string = randomUUID(),
) {
  await db
    .insertInto('organisations')
    .values({ id, name, settings: JSON.stringify(settings) as never, created_at: new Date() })
    .execute();
  return id;
}

export type NewPerson = {
  orgId: string;
  role: Role;
  name: string;
  email: string;
  timeZone?: string;
  language?: string;
  passwordHash?: string | null;
  id?: string;
};

export async function createPerson(db: DbOrTrx, person: NewPerson) {
  const id = person.id ?? randomUUID();
  await db
    .insertInto('people')
    .values({
      id,
      org_id: person.orgId,
      role: person.role,
      name: person.name,
      email: person.email,
      time_zone: person.timeZone ?? 'UTC',
      language: person.language ?? 'en',
      password_hash: person.passwordHash ?? null,
      active: true,
      erased_at: null,
      created_at: new Date(),
    })
    .execute();
  return id;
}

export async function createGroup(
  db: DbOrTrx,
  orgId: string,
  name: string,
  memberIds: string[],
  kind: 'students' | 'trainers' = 'students',
) {
  const id = randomUUID();
  await db
    .insertInto('student_groups')
    .values({ id, org_id: orgId, kind, name, created_at: new Date() })
    .execute();
  if (memberIds.length > 0)
    await db
      .insertInto('student_group_members')
      .values(memberIds.map((person_id) => ({ group_id: id, person_id })))
      .execute();
  return id;
}
