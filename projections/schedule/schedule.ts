// The schedule read model: every live session with its time, teacher and participants, for calendars.
import { addMinutes } from '../../domain/shared/time.js';
import { batched, projection, type ProjectionDb } from '../projection.js';
import { applyScheduleBatch, BATCH_TYPES } from './scheduleBatch.js';
import { participantRows, scheduledSessionRow } from './rows.js';
import type { RecordedEvent } from '../../commands/eventStore/port.js';
import { ERASED_TEXT } from '../../commands/eventStore/personalData/fields.js';

async function touch(
  db: ProjectionDb,
  id: string,
  event: RecordedEvent,
  values: Record<string, unknown> = {},
) {
  await db
    .updateTable('schedule_sessions')
    .set({ ...values, last_revision: event.streamRevision })
    .where('id', '=', id)
    .execute();
}

/** The reasons an erased person gave for canceling sessions read as ERASED_TEXT. */
async function erasePersonalData(db: ProjectionDb, personId: string) {
  await db
    .updateTable('schedule_sessions')
    .set({ cancel_reason: ERASED_TEXT })
    .where('canceled_by', '=', personId)
    .where('cancel_reason', 'is not', null)
    .execute();
}

const perEvent = projection(
  'schedule',
  ['schedule_sessions', 'schedule_participants'],
  {
    async LiveSessionScheduled(db, event) {
      const d = event.data;
      await db
        .insertInto('schedule_sessions')
        .values(scheduledSessionRow(d, event.streamRevision))
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      if (d.participants.length === 0) return;
      await db
        .insertInto('schedule_participants')
        .values(participantRows(d))
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
    async LiveSessionRescheduled(db, event) {
      const d = event.data;
      await touch(db, d.liveSessionId, event, {
        starts_at: d.start,
        ends_at: addMinutes(d.start, d.durationMinutes),
        duration_minutes: d.durationMinutes,
        time_zone: d.timeZone,
      });
      await db
        .updateTable('schedule_participants')
        .set({ starts_at: d.start })
        .where('session_id', '=', d.liveSessionId)
        .execute();
    },
    async LiveSessionDetailsChanged(db, event) {
      const d = event.data;
      await touch(db, d.liveSessionId, event, {
        title: d.title,
        notes: d.notes,
        course_lesson_id: d.courseLessonId,
      });
    },
    async LiveSessionParticipantAdded(db, event) {
      const d = event.data;
      const session = await db
        .selectFrom('schedule_sessions')
        .select('starts_at')
        .where('id', '=', d.liveSessionId)
        .executeTakeFirst();
      if (!session) return;
      await db
        .insertInto('schedule_participants')
        .values({
          session_id: d.liveSessionId,
          student_id: d.studentId,
          enrollment_id: d.enrollmentId,
          starts_at: session.starts_at,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await touch(db, d.liveSessionId, event);
    },
    async LiveSessionParticipantRemoved(db, event) {
      const d = event.data;
      await db
        .deleteFrom('schedule_participants')
        .where('session_id', '=', d.liveSessionId)
        .where('student_id', '=', d.studentId)
        .execute();
      await touch(db, d.liveSessionId, event);
    },
    async LiveSessionStarted(db, event) {
      await touch(db, event.data.liveSessionId, event, { status: 'active' });
    },
    async LiveSessionEnded(db, event) {
      await touch(db, event.data.liveSessionId, event, { status: 'ended' });
    },
    async LiveSessionCompleted(db, event) {
      await touch(db, event.data.liveSessionId, event, { status: 'ended' });
    },
    // A record created by mistake leaves the schedule; its events stay in the log for the audit trail.
    async LiveSessionDeleted(db, event) {
      const id = event.data.liveSessionId;
      await db.deleteFrom('schedule_participants').where('session_id', '=', id).execute();
      await db.deleteFrom('schedule_sessions').where('id', '=', id).execute();
    },
    async LiveSessionCanceled(db, event) {
      const d = event.data;
      await touch(db, d.liveSessionId, event, {
        status: 'canceled',
        cancel_reason: d.reason,
        canceled_by: event.metadata.actorId,
      });
    },
  },
  { erasePersonalData },
);

/** Set-based per batch (live projector, catch-up and rebuild alike); perEvent is the reference it must match. */
/** Its statements never read what a write returns, so a rebuild may pipeline them. */
export const scheduleProjection = {
  ...batched(perEvent, BATCH_TYPES, applyScheduleBatch),
  pipelinedReplay: true,
};
export const scheduleProjectionPerEvent = perEvent;
