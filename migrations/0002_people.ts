// Organisations, people (mutable: personal data never goes into events), sign-in sessions and groups.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE organisations (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      settings jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TABLE people (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES organisations(id),
      role text NOT NULL CHECK (role IN ('admin', 'teacher', 'student')),
      name text NOT NULL,
      email text NOT NULL,
      time_zone text NOT NULL DEFAULT 'UTC',
      language text NOT NULL DEFAULT 'en',
      password_hash text,
      active boolean NOT NULL DEFAULT true,
      erased_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX people_email ON people (lower(email)) WHERE erased_at IS NULL`.execute(db);
  await sql`CREATE INDEX people_org ON people (org_id, role)`.execute(db);
  await sql`
    CREATE TABLE auth_sessions (
      token_hash text PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
      org_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX auth_sessions_person ON auth_sessions (person_id)`.execute(db);
  await sql`
    CREATE TABLE student_groups (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES organisations(id),
      kind text NOT NULL DEFAULT 'students' CHECK (kind IN ('students', 'trainers')),
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TABLE student_group_members (
      group_id uuid NOT NULL REFERENCES student_groups(id) ON DELETE CASCADE,
      person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
      PRIMARY KEY (group_id, person_id)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE student_group_members, student_groups, auth_sessions, people, organisations`.execute(
    db,
  );
}
