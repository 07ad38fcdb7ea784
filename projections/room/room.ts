// Live rooms as read models: chat (with removals), polls with every answer (the latest per person) and the
// students' edit permissions, for reviewing sessions and reporting across them. Idempotent: replays are no-ops.
import { sql } from 'kysely';
import { projection, type ProjectionDb } from '../projection.js';
import { ERASED_TEXT } from '../../commands/eventStore/personalData/fields.js';

/** An erased person's chat messages and polls read as ERASED_TEXT (their options too; the counts stay). */
async function erasePersonalData(db: ProjectionDb, personId: string) {
  await db
    .updateTable('room_chat_messages')
    .set({ text: ERASED_TEXT })
    .where('person_id', '=', personId)
    .execute();
  await db
    .updateTable('room_polls')
    .set({
      question: ERASED_TEXT,
      options: sql`(SELECT coalesce(jsonb_agg(to_jsonb(${ERASED_TEXT}::text)), '[]'::jsonb) FROM jsonb_array_elements(options))`,
    })
    .where('opened_by', '=', personId)
    .execute();
}

export const roomProjection = projection(
  'rooms',
  ['room_chat_messages', 'room_polls', 'room_poll_answers', 'room_permissions'],
  {
    async RoomChatMessagePosted(db, event) {
      const d = event.data;
      await db
        .insertInto('room_chat_messages')
        .values({
          message_id: d.messageId,
          room_id: d.roomId,
          org_id: event.metadata.orgId,
          person_id: d.personId,
          text: d.text,
          at: d.at,
          seq: event.streamRevision,
          removed_by: null,
          removed_at: null,
        })
        .onConflict((oc) => oc.column('message_id').doNothing())
        .execute();
    },
    async RoomChatMessageRemoved(db, event) {
      const d = event.data;
      await db
        .updateTable('room_chat_messages')
        .set({ removed_by: d.removedBy, removed_at: d.at })
        .where('message_id', '=', d.messageId)
        .execute();
    },
    async RoomPollOpened(db, event) {
      const d = event.data;
      await db
        .insertInto('room_polls')
        .values({
          poll_id: d.pollId,
          room_id: d.roomId,
          org_id: event.metadata.orgId,
          question: d.question,
          options: JSON.stringify(d.options) as never,
          anonymous: d.anonymous,
          opened_by: d.openedBy,
          status: 'open',
          opened_at: d.at,
          closed_at: null,
        })
        .onConflict((oc) => oc.column('poll_id').doNothing())
        .execute();
    },
    async RoomPollAnswered(db, event) {
      const d = event.data;
      await db
        .insertInto('room_poll_answers')
        .values({
          poll_id: d.pollId,
          person_id: d.personId,
          room_id: d.roomId,
          option: d.option,
          answered_at: d.at,
        })
        .onConflict((oc) =>
          oc.columns(['poll_id', 'person_id']).doUpdateSet({ option: d.option, answered_at: d.at }),
        )
        .execute();
    },
    async RoomPollClosed(db, event) {
      const d = event.data;
      await db
        .updateTable('room_polls')
        .set({ status: 'closed', closed_at: d.at })
        .where('poll_id', '=', d.pollId)
        .execute();
    },
    async RoomEditPermissionChanged(db, event) {
      const d = event.data;
      await db
        .insertInto('room_permissions')
        .values({
          room_id: d.roomId,
          person_id: d.personId,
          org_id: event.metadata.orgId,
          can_edit: d.canEdit,
          changed_at: d.at,
        })
        .onConflict((oc) =>
          oc.columns(['room_id', 'person_id']).doUpdateSet({ can_edit: d.canEdit, changed_at: d.at }),
        )
        .execute();
    },
  },
  { erasePersonalData },
);
