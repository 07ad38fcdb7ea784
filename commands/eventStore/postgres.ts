// The Postgres event store (pg or PGlite through Kysely).
//
// The horizon and the append statement are in postgresSql.ts.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';
import type { Listen } from '../../db/connect.js';
import { ConcurrencyError, IdempotencyKeyReused } from '../../domain/shared/errors.js';
import type pg from 'pg';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  NewEvent,
  ReadAllOptions,
  RecordedEvent,
} from './port.js';
import { requestDiffers } from './port.js';
import { READ_HORIZON, parsePosition, preparedAppend } from './postgresSql.js';
export { parsePosition } from './postgresSql.js';

const CHANNEL = 'lectern_events';
const UNIQUE_VIOLATION = '23505';

/**
 * What a read selects. The metadata comes as its JSON text and is parsed when first read (most consumers of a
 * replay never look at it), and the time comes as ISO text made by the database: parsing both for every event
 * was half of a replay's work in Node.
 */
const COLUMNS = sql`tx_id::text || ':' || global_position::text AS position, stream_id, stream_revision,
  event_id::text AS event_id, type, data, metadata::text AS metadata,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at`;

type Row = {
  position: string;
  stream_id: string;
  stream_revision: number;
  event_id: string;
  type: string;
  data: unknown;
  /** JSON text (see COLUMNS). */
  metadata: string;
  created_at: string;
};

export async function postgresEventStore(
  db: Db,
  options: { listen?: Listen; kind?: string; pool?: pg.Pool } = {},
): Promise<EventStore> {
  const listeners = new Set<() => void>();
  const wake = () => listeners.forEach((listener) => listener());
  const unlisten = options.listen ? await options.listen(CHANNEL, wake) : undefined;
  const notifyOthers = debounce(() => {
    if (options.listen) sql`SELECT pg_notify(${CHANNEL}, '')`.execute(db).catch(() => undefined);
  }, 20);

  async function currentRevision(executor: Db, streamId: string): Promise<number> {
    const { rows } = await sql<{ rev: number | null }>`
      SELECT max(stream_revision) AS rev FROM events WHERE stream_id = ${streamId}`.execute(executor);
    return rows[0]?.rev ?? -1;
  }

  async function insert(
    executor: Db,
    streamId: string,
    events: NewEvent[],
    expected: AppendOptions['expectedRevision'],
  ) {
    const guard =
      expected === 'any'
        ? sql`true`
        : expected === 'no_stream'
          ? sql`cur.rev = -1`
          : expected === 'stream_exists'
            ? sql`cur.rev >= 0`
            : sql`cur.rev = ${expected}`;
    const ids = events.map((e) => e.eventId ?? randomUUID());
    const types = events.map((e) => e.type);
    const data = events.map((e) => JSON.stringify(e.data));
    const metadata = events.map((e) => JSON.stringify(e.metadata));
    try {
      // The hot path, outside a transaction on Postgres: the same statement as a named prepared statement, so
      // Postgres plans it once per connection instead of on every append.
      const { rows } =
        options.pool && executor === db
          ? await options.pool.query<{ position: string; stream_revision: number }>(
              preparedAppend(expected, streamId, ids, types, data, metadata),
            )
          : await sql<{ position: string; stream_revision: number }>`
        WITH cur AS (SELECT coalesce(max(stream_revision), -1) AS rev FROM events WHERE stream_id = ${streamId})
        INSERT INTO events (stream_id, stream_revision, event_id, type, data, metadata)
        SELECT ${streamId}, cur.rev + e.ord, e.event_id, e.type, e.data::jsonb, e.metadata::jsonb
        FROM cur, unnest(${ids}::uuid[], ${types}::text[], ${data}::text[], ${metadata}::text[])
             WITH ORDINALITY AS e(event_id, type, data, metadata, ord)
        WHERE ${guard}
        ORDER BY e.ord
        RETURNING tx_id::text || ':' || global_position::text AS position, stream_revision`.execute(executor);
      if (rows.length === 0)
        throw new ConcurrencyError(streamId, expected, await currentRevision(executor, streamId));
      const last = rows[rows.length - 1]!;
      return {
        streamId,
        nextRevision: last.stream_revision,
        position: last.position,
        eventIds: ids,
        replayed: false,
      };
    } catch (error) {
      if (isUniqueViolation(error, 'events_stream_id_stream_revision_key')) {
        throw new ConcurrencyError(streamId, expected, 'moved by a concurrent append');
      }
      throw error;
    }
  }

  async function appendOnce(
    streamId: string,
    events: NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    if (!options.idempotencyKey) return insert(db, streamId, events, options.expectedRevision);
    const key = options.idempotencyKey;
    return db.transaction().execute(async (trx) => {
      // A concurrent holder of the same key makes this insert wait for its commit, then conflict.
      const claimed = await sql`
        INSERT INTO idempotency_keys (key, stream_id, result) VALUES (${key}, ${streamId}, '{}'::jsonb)
        ON CONFLICT (key) DO NOTHING RETURNING key`.execute(trx);
      if (claimed.rows.length === 0) {
        const { rows } = await sql<{ result: AppendResult }>`
          SELECT result FROM idempotency_keys WHERE key = ${key}`.execute(trx);
        if (requestDiffers(rows[0]!.result, options.requestHash)) throw new IdempotencyKeyReused();
        return { ...rows[0]!.result, replayed: true };
      }
      const result = await insert(trx as unknown as Db, streamId, events, options.expectedRevision);
      // The request's digest is kept in the key's record, so a reuse with another request is told apart.
      const recorded = options.requestHash ? { ...result, requestHash: options.requestHash } : result;
      await sql`UPDATE idempotency_keys SET result = ${JSON.stringify(recorded)}::jsonb WHERE key = ${key}`.execute(
        trx,
      );
      return result;
    });
  }

  return {
    kind: options.kind ?? 'postgres',

    async appendToStream(streamId, events, options) {
      if (events.length === 0) throw new Error('appendToStream needs at least one event');
      for (let attempt = 0; ; attempt++) {
        try {
          const result = await appendOnce(streamId, events, options);
          if (!result.replayed) {
            queueMicrotask(wake);
            notifyOthers();
          }
          return result;
        } catch (error) {
          // `any` promises no check, so losing a race for the next revision is retried, not reported.
          if (error instanceof ConcurrencyError && options.expectedRevision === 'any' && attempt < 10)
            continue;
          throw error;
        }
      }
    },

    async idempotentResult(key) {
      const { rows } = await sql<{ result: AppendResult }>`
        SELECT result FROM idempotency_keys WHERE key = ${key}`.execute(db);
      const result = rows[0]?.result;
      // An empty result is a claim whose transaction has not committed yet; the append will wait for it.
      return result && 'streamId' in result ? { ...result, replayed: true } : null;
    },

    async readStream(streamId, { fromRevision = 0 } = {}) {
      const { rows } = await sql<Row>`
        SELECT ${COLUMNS}
        FROM events WHERE stream_id = ${streamId} AND stream_revision >= ${fromRevision}
        ORDER BY stream_revision`.execute(db);
      return rows.map(toRecorded);
    },

    async readAll({ after = null, limit = 1000, types }: ReadAllOptions = {}) {
      const [tx, gp] = parsePosition(after);
      const ofTypes = types ? sql`AND type = ANY(${[...types]}::text[])` : sql``;
      const { rows } = await sql<Row>`
        SELECT ${COLUMNS}
        FROM events
        WHERE tx_id < ${READ_HORIZON}
          AND (tx_id, global_position) > (${tx}::xid8, ${gp}::bigint)
          ${ofTypes}
        ORDER BY tx_id, global_position
        LIMIT ${limit}`.execute(db);
      return rows.map(toRecorded);
    },

    async headPosition() {
      const { rows } = await sql<{ position: string }>`
        SELECT tx_id::text || ':' || global_position::text AS position FROM events
        WHERE tx_id < ${READ_HORIZON}
        ORDER BY tx_id DESC, global_position DESC LIMIT 1`.execute(db);
      return rows[0]?.position ?? null;
    },

    async countEvents({ types }: { types?: readonly string[] } = {}) {
      const ofTypes = types ? sql`WHERE type = ANY(${[...types]}::text[])` : sql``;
      const { rows } = await sql<{ n: string }>`SELECT count(*)::text AS n FROM events ${ofTypes}`.execute(
        db,
      );
      return Number(rows[0]!.n);
    },

    async readyForReplay() {
      // A log just restored or loaded has no statistics (or stale ones) until autovacuum gets to it: a read of a
      // few types would then walk the whole log for every page. Analysing takes a sample, about a second.
      const { rows } = await sql<{ live: string; changed: string; analysed: boolean }>`
        SELECT n_live_tup::text AS live, n_mod_since_analyze::text AS changed,
               coalesce(last_analyze, last_autoanalyze) IS NOT NULL AS analysed
        FROM pg_stat_user_tables WHERE relid = 'events'::regclass`.execute(db);
      const stats = rows[0];
      if (!stats || !stats.analysed || Number(stats.changed) > Number(stats.live) / 5)
        await sql`ANALYZE events`.execute(db);
    },

    onAppended(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async close() {
      listeners.clear();
      await unlisten?.();
    },
  };
}

function toRecorded(row: Row): RecordedEvent {
  let metadata: RecordedEvent['metadata'] | undefined;
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    streamRevision: Number(row.stream_revision),
    position: row.position,
    type: row.type,
    data: row.data,
    get metadata() {
      return (metadata ??= JSON.parse(row.metadata) as RecordedEvent['metadata']);
    },
    createdAt: row.created_at,
  };
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  return e?.code === UNIQUE_VIOLATION && (e.constraint === constraint || !!e.message?.includes(constraint));
}

function debounce(fn: () => void, ms: number): () => void {
  let timer: NodeJS.Timeout | undefined;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      fn();
    }, ms);
    timer.unref();
  };
}
