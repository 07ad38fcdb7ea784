// Organisations, people and sign-in sessions: mutable tables, outside the event log (people can be erased).
import type { Selectable } from 'kysely';

export type Role = 'admin' | 'teacher' | 'student';

export interface OrganisationsTable {
  id: string;
  name: string;
  settings: Record<string, unknown>;
  created_at: Date | string;
}

export interface PeopleTable {
  id: string;
  org_id: string;
  role: Role;
  name: string;
  email: string;
  time_zone: string;
  language: string;
  password_hash: string | null;
  active: boolean;
  erased_at: Date | string | null;
  created_at: Date | string;
}

export interface AuthSessionsTable {
  token_hash: string;
  person_id: string;
  org_id: string;
  created_at: Date | string;
  last_seen_at: Date | string;
  expires_at: Date | string;
}

export interface StudentGroupsTable {
  id: string;
  org_id: string;
  kind: 'students' | 'trainers';
  name: string;
  created_at: Date | string;
}

export interface StudentGroupMembersTable {
  group_id: string;
  person_id: string;
}

export type Person = Selectable<PeopleTable>;
