// The schedule projection, a batch at a time: load the sessions a batch touches (two queries), fold the batch
// in memory with the same rules as schedule.ts, and write the result back (an upsert and a participant swap).
// A batch of thousands of events costs a handful of round trips instead of one or two per event. A session the
// batch creates (its stream's first event is in it) cannot have rows yet: it is neither looked up nor has
// participants to swap, which in a replay is nearly every session.
import { sql } from 'kysely';
import { addMinutes } from '../../domain/shared/time.js';
import { memorySlot, type ProjectionDb, type RecordedOf, type ReplayMemory } from '../projection.js';
import { insertRows, opensStream, rowsOf } from '../setBased.js';
import { participantRows, scheduledSessionRow } from './rows.js';
import type { ScheduleParticipantsTable, ScheduleSessionsTable } from './schedule.table.js';

type Session = ScheduleSessionsTable;
type Participant = ScheduleParticipantsTable;
type Touched = {
  session: Session;
  participants: Map<string, Participant>;
  deleted?: boolean;
  /** Created by this batch: no rows of it exist before the write. */
  created?: boolean;
};

/** The event types the batch path folds; others go one by one through schedule.ts. */
export const BATCH_TYPES = new Set([
  'LiveSessionScheduled',
  'LiveSessionRescheduled',
  'LiveSessionDetailsChanged',
  'LiveSessionParticipantAdded',
  'LiveSessionParticipantRemoved',
  'LiveSessionCanceled',
  'LiveSessionStarted',
  'LiveSessionEnded',
  'LiveSessionCompleted',
  'LiveSessionDeleted',
] as const);
type BatchType = typeof BATCH_TYPES extends Set<infer T> ? T : never;
type BatchEvent = RecordedOf<BatchType>;

const sessionIdOf = (event: BatchEvent) => event.data.liveSessionId;

/** A replay's sessions of the previous batch, as written (see ReplayMemory). */
const lastWritten = memorySlot<Map<string, Touched>>('schedule: sessions of the previous batch');

export async function applyScheduleBatch(db: ProjectionDb, events: BatchEvent[], memory?: ReplayMemory) {
  const touched = await loadTouched(db, events, memory?.recall(lastWritten));
  for (const event of events) fold(touched, event);
  await write(db, touched);
  if (memory) {
    const written = [...touched.values()].filter((t) => !t.deleted);
    for (const t of written) t.created = false; // its rows exist now
    memory.remember(lastWritten, new Map(written.map((t) => [t.session.id, t])));
  }
}

async function loadTouched(db: ProjectionDb, events: BatchEvent[], remembered?: Map<string, Touched>) {
  const created = new Set(events.filter(opensStream).map(sessionIdOf));
  const touched = new Map<string, Touched>();
  const ids: string[] = [];
  for (const id of new Set(events.map(sessionIdOf))) {
    if (created.has(id)) continue;
    // A session the previous batch of a replay wrote (the one a page boundary cut) is not read back.
    const known = remembered?.get(id);
    if (known) touched.set(id, known);
    else ids.push(id);
  }
  if (ids.length === 0) return touched;
  const sessions = await db
    .selectFrom('schedule_sessions')
    .selectAll()
    .where('id', '=', sql<string>`any(${ids}::uuid[])`)
    .execute();
  for (const session of sessions) touched.set(session.id, { session, participants: new Map() });
  if (sessions.length > 0) {
    const found = sessions.map((s) => s.id);
    const participants = await db
      .selectFrom('schedule_participants')
      .selectAll()
      .where('session_id', '=', sql<string>`any(${found}::uuid[])`)
      .execute();
    for (const p of participants) touched.get(p.session_id)?.participants.set(p.student_id, p);
  }
  return touched;
}

function fold(touched: Map<string, Touched>, event: BatchEvent) {
  const id = sessionIdOf(event);
  const current = touched.get(id);
  if (event.type === 'LiveSessionScheduled') {
    if (current) return; // already projected: the insert would do nothing
    const d = event.data;
    const participants = new Map<string, Participant>(participantRows(d).map((p) => [p.student_id, p]));
    touched.set(id, {
      session: scheduledSessionRow(d, event.streamRevision),
      participants,
      created: opensStream(event),
    });
    return;
  }
  if (!current) return; // an update of a session the read model never had: the per-event UPDATE touches no row
  if (current.deleted) return; // deleted rows take no later updates either
  const s = current.session;
  s.last_revision = event.streamRevision;
  switch (event.type) {
    case 'LiveSessionRescheduled':
      s.starts_at = event.data.start;
      s.ends_at = addMinutes(event.data.start, event.data.durationMinutes);
      s.duration_minutes = event.data.durationMinutes;
      s.time_zone = event.data.timeZone;
      for (const p of current.participants.values()) p.starts_at = event.data.start;
      return;
    case 'LiveSessionDetailsChanged':
      s.title = event.data.title;
      s.notes = event.data.notes;
      s.course_lesson_id = event.data.courseLessonId;
      return;
    case 'LiveSessionParticipantAdded':
      if (!current.participants.has(event.data.studentId)) {
        current.participants.set(event.data.studentId, {
          session_id: id,
          student_id: event.data.studentId,
          enrollment_id: event.data.enrollmentId,
          starts_at: s.starts_at,
        });
      }
      return;
    case 'LiveSessionParticipantRemoved':
      current.participants.delete(event.data.studentId);
      return;
    case 'LiveSessionCanceled':
      s.status = 'canceled';
      s.cancel_reason = event.data.reason;
      s.canceled_by = event.metadata.actorId;
      return;
    case 'LiveSessionStarted':
      s.status = 'active';
      return;
    case 'LiveSessionEnded':
    case 'LiveSessionCompleted':
      s.status = 'ended';
      return;
    case 'LiveSessionDeleted':
      current.deleted = true;
      return;
    default:
      // Only BATCH_TYPES reach this function (see `batched` in projection.ts).
      return;
  }
}

const CHUNK = 5000;

async function write(db: ProjectionDb, touched: Map<string, Touched>) {
  const deleted = [...touched.values()].filter((t) => t.deleted).map((t) => t.session.id);
  if (deleted.length > 0) {
    await db
      .deleteFrom('schedule_participants')
      .where('session_id', '=', sql<string>`any(${deleted}::uuid[])`)
      .execute();
    await db
      .deleteFrom('schedule_sessions')
      .where('id', '=', sql<string>`any(${deleted}::uuid[])`)
      .execute();
  }
  const all = [...touched.values()].filter((t) => !t.deleted);
  for (let i = 0; i < all.length; i += CHUNK) {
    const chunk = all.slice(i, i + CHUNK);
    const created = chunk.filter((t) => t.created);
    const existing = chunk.filter((t) => !t.created);
    // Sessions created by this batch are plain inserts; those that had rows are updated in place.
    await insertRows(
      db,
      'schedule_sessions',
      created.map((t) => t.session),
    );
    if (existing.length > 0) {
      await upsertSessions(
        db,
        existing.map((t) => t.session),
      );
      await db
        .deleteFrom('schedule_participants')
        .where('session_id', '=', sql<string>`any(${existing.map((t) => t.session.id)}::uuid[])`)
        .execute();
    }
    const participants = chunk.flatMap((t) => [...t.participants.values()]);
    await insertRows(db, 'schedule_participants', participants);
  }
}

async function upsertSessions(db: ProjectionDb, sessions: Session[]) {
  await db
    .insertInto('schedule_sessions')
    .expression((eb) => eb.selectFrom(rowsOf('schedule_sessions', sessions)).selectAll())
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        status: eb.ref('excluded.status'),
        course_lesson_id: eb.ref('excluded.course_lesson_id'),
        starts_at: eb.ref('excluded.starts_at'),
        ends_at: eb.ref('excluded.ends_at'),
        duration_minutes: eb.ref('excluded.duration_minutes'),
        time_zone: eb.ref('excluded.time_zone'),
        title: eb.ref('excluded.title'),
        notes: eb.ref('excluded.notes'),
        cancel_reason: eb.ref('excluded.cancel_reason'),
        canceled_by: eb.ref('excluded.canceled_by'),
        last_revision: eb.ref('excluded.last_revision'),
      })),
    )
    .execute();
}
