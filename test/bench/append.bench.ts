// Append: the event store's appendToStream with the revision check on, over 10,000 streams, batches of 1, 10
// and 100 events, at concurrency 1, 8 and 32, against the raw INSERT ceiling at equal concurrency.
import { randomUUID } from 'node:crypto';
import { connectDatabase } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { postgresEventStore } from '../../commands/eventStore/postgres.js';
import type { EventStore, NewEvent } from '../../commands/eventStore/port.js';
import pg from 'pg';
import { EVENTS_SHAPE } from './calibration.bench.js';
import { freshDatabase, load, row, section, type BenchContext, type Section } from './lib.js';

const STREAMS = 10_000;
const metadata = {
  commandId: randomUUID(),
  correlationId: randomUUID(),
  causationId: randomUUID(),
  actorId: randomUUID(),
  orgId: randomUUID(),
  at: new Date().toISOString(),
};
const event = (): NewEvent => ({
  type: 'LiveSessionDetailsChanged',
  data: { liveSessionId: randomUUID(), title: 'Present tense review', notes: null, courseLessonId: null },
  metadata,
});

/** Appends with exact expected revisions; each worker owns its own streams, so none conflict. */
export async function appendLoad(
  store: EventStore,
  opts: { concurrency: number; batch: number; seconds?: number; events?: number },
) {
  const revisions = new Map<string, number>();
  const perWorker = Math.ceil(STREAMS / opts.concurrency);
  return load(
    {
      concurrency: opts.concurrency,
      seconds: opts.seconds,
      total: opts.events ? Math.ceil(opts.events / opts.batch) : undefined,
    },
    async (worker, n) => {
      const stream = `bench-${worker}-${n % perWorker}`;
      const expected = revisions.get(stream) ?? -1;
      const result = await store.appendToStream(stream, Array.from({ length: opts.batch }, event), {
        expectedRevision: expected === -1 ? 'no_stream' : expected,
      });
      revisions.set(stream, result.nextRevision);
      return opts.batch;
    },
  );
}

/** Raw INSERTs of `batch` rows per durable transaction into a table shaped like `events`: the ceiling. */
async function rawLoad(url: string, opts: { concurrency: number; batch: number; seconds: number }) {
  const pool = new pg.Pool({ connectionString: url, max: opts.concurrency });
  pool.on('error', () => undefined);
  try {
    await pool.query(`DROP TABLE IF EXISTS raw_events; CREATE TABLE raw_events (${EVENTS_SHAPE})`);
    const values = Array.from(
      { length: opts.batch },
      (_, i) => `($1, $2 * ${opts.batch} + ${i}, gen_random_uuid(), 'Thing', $3, $4)`,
    ).join(', ');
    const text = `INSERT INTO raw_events (stream_id, stream_revision, event_id, type, data, metadata) VALUES ${values}`;
    const data = JSON.stringify(event().data);
    const meta = JSON.stringify(metadata);
    return await load({ concurrency: opts.concurrency, seconds: opts.seconds }, async (worker, n) => {
      await pool.query(text, [`s-${worker}`, n, data, meta]);
      return opts.batch;
    });
  } finally {
    await pool.end();
  }
}

export async function run(ctx: BenchContext): Promise<Section> {
  const s = section('Append');
  const seconds = ctx.tiny ? 0.3 : 2;
  for (const batch of [1, 10, 100]) {
    for (const concurrency of [1, 8, 32]) {
      const db = await freshDatabase();
      const conn = await connectDatabase({ url: db.url, poolSize: concurrency + 2 });
      try {
        await migrateToLatest(conn.db);
        const store = await postgresEventStore(conn.db, { listen: conn.listen, pool: conn.pool });
        // The ceiling is measured just before and just after, on the same database, and averaged: a busy
        // machine moves both alike.
        const before = await rawLoad(db.url, { concurrency, batch, seconds });
        const r = await appendLoad(store, {
          concurrency,
          batch,
          seconds: ctx.full ? undefined : seconds,
          events: ctx.full ? 1_000_000 : undefined,
        });
        const after = await rawLoad(db.url, { concurrency, batch, seconds });
        await store.close();
        ctx.ceilings.set(`append.b${batch}.c${concurrency}`, r.perSecond);
        const ceiling = (before.perSecond + after.perSecond) / 2;
        row(s, {
          measure: `batch ${batch}, concurrency ${concurrency}`,
          value: r.perSecond,
          unit: 'events/s',
          baseline: { label: `raw INSERT ${batch}/tx c${concurrency}`, value: ceiling },
          ...(batch === 1 ? { target: '>= 0.7 of the ceiling', met: r.perSecond / ceiling >= 0.7 } : {}),
          ...(batch === 100 ? { target: '>= 60,000 events/s', met: r.perSecond >= 60_000 } : {}),
          note: `${r.units.toLocaleString('en-US')} events in ${r.seconds.toFixed(1)} s`,
        });
      } finally {
        await conn.close();
        await db.drop();
      }
    }
  }
  s.notes.push(
    'Each baseline is a raw INSERT of the same number of rows per durable transaction at the same concurrency, into a table shaped like `events` on the same database, measured right before and right after the appends and averaged.',
  );
  return s;
}
