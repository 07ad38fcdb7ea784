// The room chat keeps the order the room recorded: each message carries its event's revision in the room's
// stream, so messages posted in the same millisecond never swap places. Existing rows get it from the log.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE room_chat_messages ADD COLUMN seq bigint`.execute(db);
  await sql`
    UPDATE room_chat_messages m SET seq = e.stream_revision
    FROM events e
    WHERE e.type = 'RoomChatMessagePosted' AND e.data->>'messageId' = m.message_id`.execute(db);
  await sql`CREATE INDEX room_chat_messages_room_seq ON room_chat_messages (room_id, seq)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX room_chat_messages_room_seq`.execute(db);
  await sql`ALTER TABLE room_chat_messages DROP COLUMN seq`.execute(db);
}
