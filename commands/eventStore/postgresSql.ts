// The Postgres event store's SQL: the readers' horizon and the append statement.
//
// Why the xid8 horizon: global_position is assigned when a row is inserted, not when its transaction commits.
// A slow transaction can commit position 10 after a reader has already seen 11 and checkpointed past it. So
// readers only see rows whose transaction id is below the oldest transaction still running
// (pg_snapshot_xmin), and order and checkpoint by (tx_id, global_position): every row a reader could still
// miss belongs to a transaction at or above that horizon, and so sorts after the checkpoint once it commits.
//
// The horizon is narrowed to transactions that can write this event store. pg_snapshot_xmin covers the whole
// cluster, so one long transaction in another database (a report, a migration, another application) used to
// hold back every reader here. READ_HORIZON takes the oldest transaction of the statement's snapshot that is not
// known to belong elsewhere: a backend connected to another database, or a transaction prepared in another
// database, can never write this database's events. Anything it cannot place (a backend that just finished, a
// background process, a transaction prepared here) still holds the readers back, so the narrowing only ever
// drops transactions that provably cannot insert a row here. Transaction ids are unique, so a stale look at
// pg_stat_activity can only miss a placement, never make a wrong one.
import { sql } from 'kysely';
import type { ExpectedRevision } from './port.js';

/**
 * The oldest transaction still running that could write this database's events (an xid8), or the snapshot's
 * xmax when there is none: every row below it is committed or rolled back for good.
 */
export const READ_HORIZON = sql<string>`(
  SELECT coalesce(min(x.id), pg_snapshot_xmax(pg_current_snapshot()))
  FROM pg_snapshot_xip(pg_current_snapshot()) AS x(id)
  WHERE NOT EXISTS (
      SELECT 1 FROM pg_stat_get_activity(NULL) AS a
      WHERE a.backend_xid = x.id::xid AND a.datid <> (SELECT oid FROM pg_database WHERE datname = current_database()))
    AND NOT EXISTS (
      SELECT 1 FROM pg_prepared_xacts AS p
      WHERE p.transaction = x.id::xid AND p.database <> current_database()))`;

export const APPEND_GUARDS = {
  any: 'true',
  no_stream: 'cur.rev = -1',
  stream_exists: 'cur.rev >= 0',
  exact: 'cur.rev = $6',
} as const;

const appendText = (guard: string) => `
  WITH cur AS (SELECT coalesce(max(stream_revision), -1) AS rev FROM events WHERE stream_id = $1)
  INSERT INTO events (stream_id, stream_revision, event_id, type, data, metadata)
  SELECT $1, cur.rev + e.ord, e.event_id, e.type, e.data::jsonb, e.metadata::jsonb
  FROM cur, unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS e(event_id, type, data, metadata, ord)
  WHERE ${guard}
  ORDER BY e.ord
  RETURNING tx_id::text || ':' || global_position::text AS position, stream_revision`;

export const APPEND_TEXT = Object.fromEntries(
  Object.entries(APPEND_GUARDS).map(([k, guard]) => [k, appendText(guard)]),
) as Record<keyof typeof APPEND_GUARDS, string>;

export function preparedAppend(
  expected: ExpectedRevision,
  streamId: string,
  ids: string[],
  types: string[],
  data: string[],
  metadata: string[],
) {
  const values: unknown[] = [streamId, ids, types, data, metadata];
  const kind = typeof expected === 'number' ? 'exact' : expected;
  if (kind === 'exact') values.push(expected);
  return { name: `lectern_append_${kind}`, text: APPEND_TEXT[kind], values };
}

/** Positions are `<tx_id>:<global_position>`; both parts are compared as numbers by Postgres, never by JS. */
export function parsePosition(position: string | null): [string, string] {
  if (!position) return ['0', '0'];
  const [tx, gp] = position.split(':');
  if (!tx || !gp || !/^\d+$/.test(tx) || !/^\d+$/.test(gp))
    throw new Error(`not a Postgres event position: ${position}`);
  return [tx, gp];
}
