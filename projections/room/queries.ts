// Queries on the live rooms' read model: a room's chat transcript and poll results after the session.
import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';

const iso = (value: Date | string) => new Date(value).toISOString();

/** The chat of a room as it stands (removed messages left out), oldest first. */
export async function chatTranscript(db: Db, orgId: string, roomId: string) {
  const rows = await db
    .selectFrom('room_chat_messages as m')
    .leftJoin('people as p', 'p.id', 'm.person_id')
    .select(['m.message_id', 'm.person_id', 'p.name', 'm.text', 'm.at'])
    .where('m.org_id', '=', orgId)
    .where('m.room_id', '=', roomId)
    .where('m.removed_at', 'is', null)
    // The order the room recorded (its stream's revisions); time only for rows the log could not number.
    .orderBy(sql`m.seq NULLS LAST`)
    .orderBy('m.at')
    .orderBy('m.message_id')
    .execute();
  return rows.map((r) => ({
    messageId: r.message_id,
    personId: r.person_id,
    name: r.name ?? 'someone',
    text: r.text,
    at: iso(r.at),
  }));
}

/** Poll results of a room: counts per option and, for named polls, who answered what. */
export async function pollResults(db: Db, orgId: string, roomId: string) {
  const polls = await db
    .selectFrom('room_polls')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('room_id', '=', roomId)
    .orderBy('opened_at')
    .execute();
  const answers = await db
    .selectFrom('room_poll_answers')
    .select(['poll_id', 'person_id', 'option'])
    .where('room_id', '=', roomId)
    .execute();
  return polls.map((p) => {
    const mine = answers.filter((a) => a.poll_id === p.poll_id);
    const counts = p.options.map((_, i) => mine.filter((a) => a.option === i).length);
    return {
      pollId: p.poll_id,
      question: p.question,
      options: p.options,
      anonymous: p.anonymous,
      status: p.status,
      counts,
      answers: p.anonymous ? [] : mine.map((a) => ({ personId: a.person_id, option: a.option })),
    };
  });
}

/**
 * A room's polls with every person's latest answer (personId -> option), in the order they were opened: what
 * the per-viewer poll views (commands/rooms.ts pollView) are made from.
 */
export async function roomPolls(db: Db, orgId: string, roomId: string) {
  const polls = await db
    .selectFrom('room_polls')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('room_id', '=', roomId)
    .orderBy('opened_at')
    .orderBy('poll_id')
    .execute();
  const answers = await db
    .selectFrom('room_poll_answers')
    .select(['poll_id', 'person_id', 'option'])
    .where('room_id', '=', roomId)
    .orderBy('answered_at')
    .orderBy('person_id')
    .execute();
  return polls.map((p) => ({
    pollId: p.poll_id,
    question: p.question,
    options: p.options,
    anonymous: p.anonymous,
    status: p.status,
    openedAt: iso(p.opened_at),
    closedAt: p.closed_at === null ? null : iso(p.closed_at),
    answers: Object.fromEntries(
      answers.filter((a) => a.poll_id === p.poll_id).map((a) => [a.person_id, a.option] as const),
    ) as Record<string, number>,
  }));
}

/** Who in a room has been allowed (true) or stopped (false) editing the lesson document; absent: never set. */
export async function roomPermissions(db: Db, orgId: string, roomId: string): Promise<Map<string, boolean>> {
  const rows = await db
    .selectFrom('room_permissions')
    .select(['person_id', 'can_edit'])
    .where('org_id', '=', orgId)
    .where('room_id', '=', roomId)
    .execute();
  return new Map(rows.map((r) => [r.person_id, r.can_edit]));
}
