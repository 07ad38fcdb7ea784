// The audit projection: every event, whatever its type, with who did it, when, to which stream, under which
// correlation, and the ids it concerns. Events hold no personal data, so neither does the audit log.
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

function auditRow(event: RecordedEvent) {
  const refs = referencedIds(event.data);
  const streamUuid = idOfStream(event.streamId);
  if (isUuid(streamUuid)) refs.add(streamUuid.toLowerCase());
  const [seqMajor, seqMinor] = sequenceOf(event.position);
  const m = event.metadata;
  return {
    event_id: event.eventId,
    seq_major: seqMajor,
    seq_minor: seqMinor,
    org_id: isUuid(m?.orgId) ? m.orgId : null,
    at: m?.at ?? event.createdAt,
    actor_id: isUuid(m?.actorId) ? m.actorId : null,
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
  await db
    .insertInto('audit_events')
    .values(auditRow(event))
    .onConflict((oc) => oc.column('event_id').doNothing())
    .execute();
}

const CHUNK = 1000;

export const auditProjection: Projection = {
  ...projectionOfAll('audit', ['audit_events'], recordAuditEvent),
  // Every event is one independent row: a batch is a few multi-row inserts instead of a round trip per event.
  async applyBatch(db, events) {
    for (let i = 0; i < events.length; i += CHUNK) {
      await db
        .insertInto('audit_events')
        .values(events.slice(i, i + CHUNK).map(auditRow))
        .onConflict((oc) => oc.column('event_id').doNothing())
        .execute();
    }
  },
};
