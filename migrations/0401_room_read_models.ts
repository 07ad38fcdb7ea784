// Read models of live rooms: the chat, the polls with every answer, and the students' edit permissions.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE room_chat_messages (
      message_id text PRIMARY KEY,
      room_id text NOT NULL,
      org_id uuid NOT NULL,
      person_id uuid NOT NULL,
      text text NOT NULL,
      at timestamptz NOT NULL,
      removed_by uuid,
      removed_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX room_chat_messages_room ON room_chat_messages (room_id, at)`.execute(db);
  await sql`
    CREATE TABLE room_polls (
      poll_id text PRIMARY KEY,
      room_id text NOT NULL,
      org_id uuid NOT NULL,
      question text NOT NULL,
      options jsonb NOT NULL,
      anonymous boolean NOT NULL,
      status text NOT NULL,
      opened_at timestamptz NOT NULL,
      closed_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX room_polls_room ON room_polls (room_id, opened_at)`.execute(db);
  await sql`
    CREATE TABLE room_poll_answers (
      poll_id text NOT NULL,
      person_id uuid NOT NULL,
      room_id text NOT NULL,
      option integer NOT NULL,
      answered_at timestamptz NOT NULL,
      PRIMARY KEY (poll_id, person_id)
    )`.execute(db);
  await sql`CREATE INDEX room_poll_answers_person ON room_poll_answers (person_id)`.execute(db);
  await sql`
    CREATE TABLE room_permissions (
      room_id text NOT NULL,
      person_id uuid NOT NULL,
      org_id uuid NOT NULL,
      can_edit boolean NOT NULL,
      changed_at timestamptz NOT NULL,
      PRIMARY KEY (room_id, person_id)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['room_permissions', 'room_poll_answers', 'room_polls', 'room_chat_messages'])
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
}
