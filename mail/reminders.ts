// The time-based part of the outbox: reminders for live sessions starting within 24 hours (scheduling) and for
// training events within the organisation's reminder lead (setting `trainingReminderMinutes`, default 24 h).
// Each reminder's id names the entry, its start and the recipient, so it is enqueued once however often this
// runs and on however many nodes; a rescheduled entry gets a reminder for its new time.
import { sql } from 'kysely';
import type { Db } from '../db/schema.js';
import { itemsWhere } from '../projections/outbox/items.js';
import { DEFAULT_TRAINING_REMINDER_MINUTES, TRAINING_REMINDER_SETTING } from './settings.js';

export const LIVE_SESSION_REMINDER_MINUTES = 24 * 60;

/** `reminder:<entry>:<start as ISO>:<person>`, built in SQL so the lookup of sent ones uses the same text. */
const reminderIdSql = sql<string>`'reminder:' || e.id::text || ':' || to_char(e.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || ':' || a.person_id::text`;

/** Enqueues the reminders due at `now` that are not enqueued yet; returns how many it added. */
export async function enqueueReminders(db: Db, now: Date): Promise<number> {
  const setting = sql`o.settings->>${TRAINING_REMINDER_SETTING}`;
  const trainingLead = sql<number>`CASE WHEN ${setting} ~ '^[0-9]{1,6}$' THEN (${setting})::int ELSE ${DEFAULT_TRAINING_REMINDER_MINUTES} END`;
  const lead = sql`make_interval(mins => CASE WHEN e.kind = 'live' THEN ${LIVE_SESSION_REMINDER_MINUTES} ELSE ${trainingLead} END)`;
  // Already-enqueued ones are left out here, so a large backlog is worked through in batches.
  const fresh = await db
    .selectFrom('calendar_entries as e')
    .innerJoin('organisations as o', 'o.id', 'e.org_id')
    .innerJoin('calendar_attendees as a', 'a.group_id', 'e.group_id')
    .select(['e.id', 'e.kind', 'e.org_id', 'a.person_id', reminderIdSql.as('reminder_id')])
    .where('e.status', '=', 'scheduled')
    .where('e.starts_at', '>', now)
    .where(sql<boolean>`e.starts_at <= ${now}::timestamptz + ${lead}`)
    // Someone told of it (invited, registered, updated) inside the window already has their reminder.
    .where(sql<boolean>`coalesce(e.changed_at, '-infinity') <= e.starts_at - ${lead}`)
    .where(sql<boolean>`coalesce(a.added_at, '-infinity') <= e.starts_at - ${lead}`)
    .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM mail_deliveries d WHERE d.id = ${reminderIdSql})`)
    .orderBy('e.starts_at')
    .limit(2000)
    .execute();
  if (fresh.length === 0) return 0;
  const items = new Map(
    (await itemsWhere(db, { ids: [...new Set(fresh.map((r) => r.id))] })).map((i) => [i.id, i]),
  );
  const rows = fresh.flatMap((r) => {
    const item = items.get(r.id);
    if (!item) return [];
    return [
      {
        id: r.reminder_id,
        org_id: r.org_id,
        recipient_id: r.person_id,
        template: r.kind === 'live' ? 'live-session-reminder' : 'training-reminder',
        params: JSON.stringify({ item, trainingName: item.trainingName, sectionName: item.sectionName }),
        status: 'pending' as const,
        attempts: 0,
        next_attempt_at: now,
        created_at: now,
      },
    ];
  });
  if (rows.length === 0) return 0;
  const inserted = await db
    .insertInto('mail_deliveries')
    .values(rows)
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}
