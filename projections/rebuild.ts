// Rebuild: replay the whole log into fresh copies of a read model's tables (schema `rebuild_<name>`), bring the
// live model to the same position, compare checksums, then replace the live rows with the rebuilt ones where
// they differ, all while the live projector keeps serving (it waits on the checkpoint lock only for the end).
import { sql } from 'kysely';
import type pg from 'pg';
import type { Db, DbOrTrx } from '../db/schema.js';
import type { EventStore, RecordedEvent } from '../commands/eventStore/port.js';
import type { Projection, ProjectionDb } from './projection.js';
import { applyEvents, projectionConsumer, typesReadBy } from './runner.js';
import { replayWriter } from './replayWriter.js';
import {
  comparePositions,
  lockCheckpoint,
  readCheckpoint,
  writeCheckpoint,
} from '../commands/logConsumer/checkpoints.js';

export type RebuildProgress = { applied: number; total: number | null; eventsPerSecond: number };
export type RebuildResult = {
  /** Events applied: those of the types the read model reads (the rest of the log is skipped by the store). */
  events: number;
  seconds: number;
  liveChecksum: string;
  rebuiltChecksum: string;
  position: string | null;
  /**
   * Events of the log the live model was brought through before the comparison, in transactions of their own,
   * because it was more than a page behind (0 when it was within a page, as it is behind a running server).
   */
  liveCaughtUp: number;
  /** Whether the rebuilt rows replaced the live ones: only when their checksums differ (and `replace` allows). */
  replaced: boolean;
  /** Where the time went: the replay into the fresh tables, the checksums, and the swap into the live tables. */
  phases: { replaySeconds: number; checksumSeconds: number; swapSeconds: number };
};

/** Events per replay transaction: larger batches mean fewer commits and fewer upserts of the same rows. */
const BATCH = 5000;

export async function rebuildProjection(
  db: Db,
  store: EventStore,
  projection: Projection,
  options: {
    onProgress?: (progress: RebuildProgress) => void;
    replace?: boolean;
    /** The `pg` pool behind `db` on Postgres: a projection that allows it replays on a pipelined connection. */
    pool?: pg.Pool;
    /** Events per page of the replay (tests use small pages to cut sessions at many boundaries). */
    pageSize?: number;
  } = {},
): Promise<RebuildResult> {
  const schema = `rebuild_${projection.name}`;
  const started = performance.now();
  // Only the event types this read model reads come from the store (applied and total count those).
  const types = typesReadBy(projection);
  await store.readyForReplay?.();
  // The count (a scan of the whole log) is only for progress: it runs beside the replay, which does not wait.
  let total: number | null = null;
  store
    .countEvents?.({ types })
    .then((n) => (total = n))
    .catch(() => undefined);
  let applied = 0;
  let batches = 0;
  let nextAnalyse = 1;
  let position: string | null = null;

  await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(db);
  await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(db);
  // Unlogged: the rebuilt rows are written to the WAL once, when they replace the live ones, not on every batch.
  // A crash loses only the rebuild schema, which the next rebuild drops and starts again anyway.
  for (const table of projection.tables) {
    await sql`CREATE UNLOGGED TABLE ${sql.id(schema, table)} (LIKE ${sql.id('public', table)} INCLUDING ALL)`.execute(
      db,
    );
  }

  const writer = await replayWriter(db, schema, projection, options.pool);
  const pageSize = options.pageSize ?? BATCH;
  let liveCaughtUp = 0;
  // The next page is read while this one is applied.
  const read = (after: string | null) => {
    const page = store.readAll({ after, limit: pageSize, types });
    page.catch(() => undefined); // awaited below; a rejection left unawaited after a failed apply is not unhandled
    return page;
  };
  const replayUntil = async (target: string | null) => {
    if (target !== null && comparePositions(position, target) >= 0) return;
    let next = read(position);
    for (;;) {
      const events = await next;
      if (events.length === 0) {
        // Nothing of ours up to the target: the model there is the model now.
        if (target !== null && comparePositions(position, target) < 0) position = target;
        return writer.flush();
      }
      const last = events[events.length - 1]!.position;
      const done = target !== null && comparePositions(last, target) >= 0;
      if (!done) next = read(last);
      await writer.apply(events);
      position = last;
      applied += events.length;
      if (++batches === nextAnalyse) {
        await writer.flush();
        // Fresh tables have no statistics: without them the planner reads a whole growing table for a lookup
        // of a few rows. Sampled again as they grow (after 1, 8, 64, … batches), tens of milliseconds each.
        for (const table of projection.tables) await sql`ANALYZE ${sql.id(schema, table)}`.execute(db);
        nextAnalyse *= 8;
      }
      const seconds = (performance.now() - started) / 1000;
      options.onProgress?.({ applied, total, eventsPerSecond: applied / seconds });
      if (done) return writer.flush();
    }
  };

  try {
    // 1. Replay everything readable now.
    await replayUntil(null);
    const since = (at: number) => (performance.now() - at) / 1000;
    const replaySeconds = since(started);

    // 2. Meet the live projector at one position, under its checkpoint lock, and compare.
    for (;;) {
      const live = await readCheckpoint(db, projection.name);
      await replayUntil(live);
      const gap =
        comparePositions(live, position) < 0 ? await readGap(store, live, position, types, pageSize) : [];
      if (gap === null) {
        // The live model is more than a page behind (its projector never ran here, say): it is brought up in
        // page-sized transactions of its own, as its projector would, not in the one that holds its checkpoint.
        liveCaughtUp += await catchUpLive(db, store, projection, position, pageSize);
        continue;
      }
      // The rebuilt tables no longer change. On Postgres (a pool) their sums are taken on another connection
      // while the transaction takes the live ones; PGlite has one connection, which the transaction holds, so
      // there they are taken before it.
      const compared = performance.now();
      const rebuilt = checksum(db, schema, projection.tables);
      rebuilt.catch(() => undefined); // awaited below; not unhandled if the checkpoint moved on meanwhile
      if (!options.pool) await rebuilt;
      const outcome = await db.transaction().execute(async (trx) => {
        if ((await lockCheckpoint(trx, projection.name)) !== live) return null; // it moved on: go round again
        await applyEvents(trx as unknown as ProjectionDb, projection, gap);
        const [liveChecksum, rebuiltChecksum] = await Promise.all([
          checksum(trx, 'public', projection.tables),
          rebuilt,
        ]);
        const swapped = performance.now();
        // Equal checksums: the live rows already are the rebuilt ones, so they stay (no churn, no long lock).
        const replaced = options.replace !== false && liveChecksum !== rebuiltChecksum;
        if (replaced) {
          for (const table of projection.tables) {
            await sql`DELETE FROM ${sql.id('public', table)}`.execute(trx);
            await sql`INSERT INTO ${sql.id('public', table)} OVERRIDING SYSTEM VALUE SELECT * FROM ${sql.id(schema, table)}`.execute(
              trx,
            );
          }
        }
        await writeCheckpoint(trx, projection.name, position);
        const phases = {
          replaySeconds,
          checksumSeconds: (swapped - compared) / 1000,
          swapSeconds: since(swapped),
        };
        return { liveChecksum, rebuiltChecksum, replaced, phases };
      });
      if (outcome) {
        await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(db);
        return { events: applied, seconds: since(started), position, liveCaughtUp, ...outcome };
      }
    }
  } finally {
    writer.close();
  }
}

/**
 * The events of `types` after `after` up to `until`, or null when there are more than `max` of them: then the
 * live model is too far behind to be brought up in the transaction that holds its checkpoint.
 */
async function readGap(
  store: EventStore,
  after: string | null,
  until: string | null,
  types: readonly string[] | undefined,
  max: number,
): Promise<RecordedEvent[] | null> {
  const events = await store.readAll({ after, limit: max + 1, types });
  const gap = events.filter((event) => comparePositions(event.position, until) <= 0);
  return gap.length > max ? null : gap;
}

/**
 * Runs the live projector's own consumer (each page a transaction that moves the checkpoint under its lock)
 * until the live model reaches `until`; returns how many events of the log it went through.
 */
async function catchUpLive(
  db: Db,
  store: EventStore,
  projection: Projection,
  until: string | null,
  pageSize: number,
): Promise<number> {
  const { consume } = projectionConsumer(db, store, projection);
  let read = 0;
  for (;;) {
    const page = await consume(pageSize);
    read += page.read;
    // Nothing read: the log ends, or another node's projector moved the checkpoint (the caller reads it again).
    if (page.read === 0 || comparePositions(page.position, until) >= 0) return read;
  }
}

/**
 * An order-independent checksum of the tables' rows: the row count and the sum of each row's 64-bit hash
 * (Postgres's hashtextextended of the row as text, half the cost of an md5). Equal read models give equal sums
 * whatever the physical row order.
 */
export async function checksum(db: DbOrTrx, schema: string, tables: readonly string[]): Promise<string> {
  const parts: string[] = [];
  for (const table of tables) {
    const { rows } = await sql<{ n: string; s: string }>`
      SELECT count(*)::text AS n, coalesce(sum(hashtextextended(t::text, 0)), 0)::text AS s
      FROM ${sql.id(schema, table)} t`.execute(db);
    parts.push(`${table}:${rows[0]!.n}:${rows[0]!.s}`);
  }
  return parts.join('|');
}
