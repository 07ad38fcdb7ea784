// The lesson analyses read model: each analysis with its status, attempts, report and what it cost.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE lesson_analyses (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      enrollment_id uuid NOT NULL,
      course_id uuid NOT NULL,
      student_id uuid NOT NULL,
      scope text NOT NULL,
      status text NOT NULL,
      lessons jsonb NOT NULL,
      language text,
      tokens integer NOT NULL,
      debit_entry_id text NOT NULL,
      refund_entry_id text,
      attempts integer NOT NULL,
      retry_at timestamptz,
      deadline timestamptz,
      last_error text,
      report jsonb,
      requested_by uuid,
      requested_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      last_revision integer NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX lesson_analyses_enrollment ON lesson_analyses (enrollment_id, requested_at DESC)`.execute(
    db,
  );
  await sql`CREATE INDEX lesson_analyses_open ON lesson_analyses (status) WHERE status IN ('requested', 'running')`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE lesson_analyses`.execute(db);
}
