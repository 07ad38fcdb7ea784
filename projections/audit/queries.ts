// Reads of the audit log: filtered, in commit order, paged by keyset (a cursor names the last row seen).
import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';

export type AuditFilter = {
  orgId: string;
  /** Acting on, or mentioned by, the event. */
  personId?: string;
  liveSessionId?: string;
  trainingId?: string;
  types?: string[];
  from?: Date;
  to?: Date;
  order: 'asc' | 'desc';
  after?: { major: string; minor: string };
  limit: number;
};

export type AuditRow = {
  eventId: string;
  at: string;
  type: string;
  streamId: string;
  streamRevision: number;
  actorId: string | null;
  actorName: string | null;
  correlationId: string | null;
  causationId: string | null;
  liveSessionId: string | null;
  trainingId: string | null;
};

export const encodeCursor = (major: string, minor: string) =>
  Buffer.from(`${major}:${minor}`).toString('base64url');

export function decodeCursor(cursor: string): { major: string; minor: string } | null {
  const m = /^(\d{1,30}):(\d{1,30})$/.exec(Buffer.from(cursor, 'base64url').toString());
  return m ? { major: m[1]!, minor: m[2]! } : null;
}

export async function auditPage(db: Db, f: AuditFilter) {
  let q = db
    .selectFrom('audit_events as a')
    .leftJoin('people as p', (j) => j.onRef('p.id', '=', 'a.actor_id').on('p.org_id', '=', f.orgId))
    .select([
      'a.event_id',
      'a.seq_major',
      'a.seq_minor',
      'a.at',
      'a.type',
      'a.stream_id',
      'a.stream_revision',
      'a.actor_id',
      'p.name as actor_name',
      'a.correlation_id',
      'a.causation_id',
      'a.live_session_id',
      'a.training_id',
    ])
    .where('a.org_id', '=', f.orgId);
  if (f.personId) {
    const id = f.personId;
    q = q.where((eb) =>
      eb.or([eb('a.actor_id', '=', id), eb(sql`${id}::uuid`, '=', eb.fn.any('a.ref_ids'))]),
    );
  }
  if (f.liveSessionId) {
    const id = f.liveSessionId;
    q = q.where((eb) =>
      eb.or([eb('a.live_session_id', '=', id), eb(sql`${id}::uuid`, '=', eb.fn.any('a.ref_ids'))]),
    );
  }
  if (f.trainingId) {
    const id = f.trainingId;
    q = q.where((eb) =>
      eb.or([eb('a.training_id', '=', id), eb(sql`${id}::uuid`, '=', eb.fn.any('a.ref_ids'))]),
    );
  }
  if (f.types && f.types.length > 0) q = q.where('a.type', 'in', f.types);
  if (f.from) q = q.where('a.at', '>=', f.from);
  if (f.to) q = q.where('a.at', '<', f.to);
  if (f.after) {
    const cmp = f.order === 'asc' ? '>' : '<';
    q = q.where(
      sql<boolean>`(a.seq_major, a.seq_minor) ${sql.raw(cmp)} (${f.after.major}::numeric, ${f.after.minor}::numeric)`,
    );
  }
  const rows = await q
    .orderBy('a.seq_major', f.order)
    .orderBy('a.seq_minor', f.order)
    .limit(f.limit + 1)
    .execute();
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return {
    events: page.map((r): AuditRow => ({
      eventId: r.event_id,
      at: new Date(r.at).toISOString(),
      type: r.type,
      streamId: r.stream_id,
      streamRevision: r.stream_revision,
      actorId: r.actor_id,
      actorName: r.actor_name ?? null,
      correlationId: r.correlation_id,
      causationId: r.causation_id,
      liveSessionId: r.live_session_id,
      trainingId: r.training_id,
    })),
    next: rows.length > f.limit && last ? encodeCursor(String(last.seq_major), String(last.seq_minor)) : null,
  };
}
