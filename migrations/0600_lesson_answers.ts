// The lesson answers read model: each student's current answer per exercise in a context (a live session or a
// homework item), and the attempts handed in.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE lesson_answers (
      context_kind text NOT NULL,
      context_id uuid NOT NULL,
      student_id uuid NOT NULL,
      exercise_id text NOT NULL,
      org_id uuid NOT NULL,
      lesson_id uuid NOT NULL,
      revision integer NOT NULL,
      attempt integer NOT NULL,
      exercise_type text NOT NULL,
      answer jsonb NOT NULL,
      points double precision,
      max_points double precision NOT NULL,
      correct boolean,
      word_count integer,
      comment text,
      answered_at timestamptz NOT NULL,
      graded_at timestamptz,
      PRIMARY KEY (context_kind, context_id, student_id, exercise_id)
    )`.execute(db);
  await sql`
    CREATE TABLE lesson_answer_attempts (
      context_kind text NOT NULL,
      context_id uuid NOT NULL,
      student_id uuid NOT NULL,
      attempt integer NOT NULL,
      org_id uuid NOT NULL,
      lesson_id uuid NOT NULL,
      score double precision NOT NULL,
      max_score double precision NOT NULL,
      percent double precision NOT NULL,
      pass_mark integer NOT NULL,
      outcome text NOT NULL,
      submitted_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (context_kind, context_id, student_id, attempt)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE lesson_answer_attempts`.execute(db);
  await sql`DROP TABLE lesson_answers`.execute(db);
}
