// The outbox's handlers for live sessions: keep the calendar entry and its attendees, and mail the participants
// on schedule, reschedule, cancel and when they are added or removed (scheduling: every participant is
// notified automatically).
import { addMinutes } from '../../domain/shared/time.js';
import type { RecordedEvent } from '../../commands/eventStore/port.js';
import type { Handlers, ProjectionDb } from '../projection.js';
import { enqueue } from './enqueue.js';
import { attendeesOf, itemOf } from './items.js';

/** A change invitees' calendars must apply: SEQUENCE becomes the stream revision, which only grows and
 * stays the same when an event is applied again. */
async function change(db: ProjectionDb, event: RecordedEvent, id: string, values: Record<string, unknown>) {
  await db
    .updateTable('calendar_entries')
    .set({ ...values, sequence: event.streamRevision })
    .where('id', '=', id)
    .execute();
}

/** Mails every participant about the session's state after `event`. */
async function mailAll(
  db: ProjectionDb,
  event: RecordedEvent,
  id: string,
  template: Parameters<typeof enqueue>[2],
  extra: Record<string, unknown> = {},
) {
  const item = await itemOf(db, id);
  if (!item) return;
  await enqueue(db, event, template, await attendeesOf(db, id), { item, ...extra });
}

export const liveSessionHandlers = {
  async LiveSessionScheduled(db, event) {
    const d = event.data;
    await db
      .insertInto('calendar_entries')
      .values({
        id: d.liveSessionId,
        org_id: d.orgId,
        kind: 'live',
        group_id: d.liveSessionId,
        training_id: null,
        course_id: d.courseId,
        host_id: d.teacherId,
        title: d.title,
        starts_at: d.start,
        ends_at: addMinutes(d.start, d.durationMinutes),
        time_zone: d.timeZone,
        location: null,
        link: null,
        notes: d.notes,
        status: 'scheduled',
        sequence: 0,
        changed_at: event.metadata.at,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    if (d.participants.length > 0) {
      await db
        .insertInto('calendar_attendees')
        .values(
          d.participants.map((p) => ({
            group_id: d.liveSessionId,
            person_id: p.studentId,
            added_at: event.metadata.at,
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await mailAll(db, event, d.liveSessionId, 'live-session-scheduled');
  },
  async LiveSessionRescheduled(db, event) {
    const d = event.data;
    await change(db, event, d.liveSessionId, {
      starts_at: d.start,
      ends_at: addMinutes(d.start, d.durationMinutes),
      time_zone: d.timeZone,
      changed_at: event.metadata.at,
    });
    await mailAll(db, event, d.liveSessionId, 'live-session-rescheduled');
  },
  async LiveSessionDetailsChanged(db, event) {
    const d = event.data;
    await change(db, event, d.liveSessionId, { title: d.title, notes: d.notes });
  },
  async LiveSessionParticipantAdded(db, event) {
    const d = event.data;
    await db
      .insertInto('calendar_attendees')
      .values({ group_id: d.liveSessionId, person_id: d.studentId, added_at: event.metadata.at })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const item = await itemOf(db, d.liveSessionId);
    if (item?.status === 'scheduled')
      await enqueue(db, event, 'live-session-scheduled', [d.studentId], { item });
  },
  async LiveSessionParticipantRemoved(db, event) {
    const d = event.data;
    await db
      .deleteFrom('calendar_attendees')
      .where('group_id', '=', d.liveSessionId)
      .where('person_id', '=', d.studentId)
      .execute();
    const item = await itemOf(db, d.liveSessionId);
    if (item?.status === 'scheduled')
      await enqueue(db, event, 'live-session-removed', [d.studentId], { item });
  },
  async LiveSessionCanceled(db, event) {
    const d = event.data;
    await change(db, event, d.liveSessionId, { status: 'canceled' });
    await mailAll(db, event, d.liveSessionId, 'live-session-canceled', {
      reason: d.reason,
      reasonBy: event.metadata.actorId,
    });
  },
  /** A record created by mistake: it leaves the calendars; a future one is withdrawn from the invitees'. */
  async LiveSessionDeleted(db, event) {
    const { liveSessionId } = event.data;
    const item = await itemOf(db, liveSessionId);
    if (item?.status === 'scheduled' && item.start > event.metadata.at) {
      await change(db, event, liveSessionId, { status: 'canceled' });
      await mailAll(db, event, liveSessionId, 'live-session-canceled', { reason: null });
    }
    await db.deleteFrom('calendar_attendees').where('group_id', '=', liveSessionId).execute();
    await db.deleteFrom('calendar_entries').where('id', '=', liveSessionId).execute();
  },
} satisfies Handlers;
