// Read models of the first feature: courses, enrollments and the schedule of live sessions.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE courses (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      name text NOT NULL,
      last_revision integer NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE course_lessons (
      id uuid PRIMARY KEY,
      course_id uuid NOT NULL,
      org_id uuid NOT NULL,
      title text NOT NULL,
      kind text NOT NULL,
      position integer NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX course_lessons_course ON course_lessons (course_id, position)`.execute(db);
  await sql`
    CREATE TABLE enrollments (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      course_id uuid NOT NULL,
      student_id uuid NOT NULL,
      teacher_id uuid NOT NULL,
      default_lesson_minutes integer NOT NULL,
      lesson_cost_tokens integer NOT NULL,
      last_revision integer NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX enrollments_student ON enrollments (student_id)`.execute(db);
  await sql`CREATE INDEX enrollments_teacher ON enrollments (teacher_id)`.execute(db);
  await sql`
    CREATE TABLE schedule_sessions (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      kind text NOT NULL,
      status text NOT NULL,
      course_id uuid NOT NULL,
      course_lesson_id uuid,
      enrollment_id uuid,
      student_group_id uuid,
      teacher_id uuid NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      duration_minutes integer NOT NULL,
      time_zone text NOT NULL,
      title text,
      notes text,
      cancel_reason text,
      last_revision integer NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX schedule_sessions_teacher ON schedule_sessions (teacher_id, starts_at)`.execute(db);
  await sql`CREATE INDEX schedule_sessions_org ON schedule_sessions (org_id, starts_at)`.execute(db);
  await sql`
    CREATE TABLE schedule_participants (
      session_id uuid NOT NULL,
      student_id uuid NOT NULL,
      enrollment_id uuid,
      starts_at timestamptz NOT NULL,
      PRIMARY KEY (session_id, student_id)
    )`.execute(db);
  await sql`CREATE INDEX schedule_participants_student ON schedule_participants (student_id, starts_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE schedule_participants, schedule_sessions, enrollments, course_lessons, courses`.execute(
    db,
  );
}
