// The audit projection: every event, whatever its type, with who did it, when, to which stream, under which
// correlation, and the ids it concerns. Events hold no personal data, so neither does the audit log. Answers to
// anonymous polls are recorded without who answered.
import type { RecordedEvent } from '../../commands/eventStore/port.js';
import { categoryOfStream, idOfStream } from '../../commands/eventStore/streams.js';
import { projectionOfAll, type Projection, type ProjectionDb } from '../projection.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

/** Every uuid under a key ending in `Id`/`Ids` (or `id`), at any depth of the event's data. */
export function referencedIds(data: unknown, found = new Set<string>(), depth = 0): Set<string> {
  if (depth > 6 || data === null || typeof data !== 'object') return found;
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const idKey = /(^id|Id|Ids|By)$/.test(key);
    if (idKey && isUuid(value)) found.add(value.toLowerCase());
    else if (idKey && Array.isArray(value)) value.filter(isUuid).forEach((v) => found.add(v.toLowerCase()));
    else if (typeof value === 'object') referencedIds(value, found, depth + 1);
  }
  return found;
}

/** Positions are `<major>:<minor>` (Postgres `<tx>:<n>`, EventStoreDB `<commit>:<prepare>`): two numbers. */
export function sequenceOf(position: string): [string, string] {
  const m = /^(\d+):(\d+)$/.exec(position);
  if (m) return [m[1]!, m[2]!];
  const digits = position.replace(/\D/g, '').slice(0, 30) || '0';
  return [digits, '0'];
}

function concerns(event: RecordedEvent, key: string, category: string) {
  const data = event.data as Record<string, unknown> | null;
  if (categoryOfStream(event.streamId) === category && isUuid(idOfStream(event.streamId)))
    return idOfStream(event.streamId);
  const value = data?.[key];
  return isUuid(value) ? value : null;
}

/** The poll an answer is to, when the event is an answer. */
const answeredPoll = (event: RecordedEvent) =>
  event.type === 'RoomPollAnswered' ? String((event.data as { pollId?: unknown }).pollId) : null;

/**
 * Notes the anonymous polls the events open and returns which of the polls they answer are anonymous: nobody, an
 * admin reading the audit log included, may tell who answered one.
 */
async function anonymousPolls(db: ProjectionDb, events: RecordedEvent[]): Promise<Set<string>> {
  const opened = events
    .filter((e) => e.type === 'RoomPollOpened' && (e.data as { anonymous?: unknown }).anonymous === true)
    .map((e) => ({ poll_id: String((e.data as { pollId: unknown }).pollId) }));
  if (opened.length > 0)
    await db
      .insertInto('audit_anonymous_polls')
      .values(opened)
      .onConflict((oc) => oc.column('poll_id').doNothing())
      .execute();
  const answered = [...new Set(events.map(answeredPoll).filter((p): p is string => p !== null))];
  if (answered.length === 0) return new Set();
  const rows = await db
    .selectFrom('audit_anonymous_polls')
    .select('poll_id')
    .where('poll_id', 'in', answered)
    .execute();
  return new Set(rows.map((r) => r.poll_id));
}

function auditRow(event: RecordedEvent, anonymous: Set<string>) {
  const refs = referencedIds(event.data);
  const streamUuid = idOfStream(event.streamId);
  if (isUuid(streamUuid)) refs.add(streamUuid.toLowerCase());
  const [seqMajor, seqMinor] = sequenceOf(event.position);
  const m = event.metadata;
  // An answer to an anonymous poll: recorded, but neither as the person's act nor as concerning them.
  const poll = answeredPoll(event);
  const hideWho = poll !== null && anonymous.has(poll);
  if (hideWho) {
    const personId = (event.data as { personId?: unknown }).personId;
    if (typeof personId === 'string') refs.delete(personId.toLowerCase());
  }
  return {
    event_id: event.eventId,
    seq_major: seqMajor,
    seq_minor: seqMinor,
    org_id: isUuid(m?.orgId) ? m.orgId : null,
    at: m?.at ?? event.createdAt,
    actor_id: !hideWho && isUuid(m?.actorId) ? m.actorId : null,
    stream_id: event.streamId,
    stream_revision: event.streamRevision,
    type: event.type,
    correlation_id: m?.correlationId ?? null,
    causation_id: m?.causationId ?? null,
    live_session_id: concerns(event, 'liveSessionId', 'liveSession'),
    training_id: concerns(event, 'trainingId', 'training'),
    ref_ids: [...refs],
  };
}

export async function recordAuditEvent(db: ProjectionDb, event: RecordedEvent) {
  const anonymous = await anonymousPolls(db, [event]);
  await db
    .insertInto('audit_events')
    .values(auditRow(event, anonymous))
    .onConflict((oc) => oc.column('event_id').doNothing())
    .execute();
}

const CHUNK = 1000;

export const auditProjection: Projection = {
  ...projectionOfAll('audit', ['audit_events', 'audit_anonymous_polls'], recordAuditEvent),
  // Its statements never read what a write returns, so a rebuild may pipeline them (projections/replayWriter.ts).
  pipelinedReplay: true,
  // Every event is one independent row: a batch is a few multi-row inserts instead of a round trip per event.
  async applyBatch(db, events) {
    for (let i = 0; i < events.length; i += CHUNK) {
      const chunk = events.slice(i, i + CHUNK);
      const anonymous = await anonymousPolls(db, chunk);
      await db
        .insertInto('audit_events')
        .values(chunk.map((event) => auditRow(event, anonymous)))
        .onConflict((oc) => oc.column('event_id').doNothing())
        .execute();
    }
  },
};
