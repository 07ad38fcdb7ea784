// Calibration: what this machine's Postgres can do at all. The fsync rate, a raw single-row INSERT loop into a
// table shaped like the events table (the durable-commit ceiling) at concurrency 1, 8 and 32, and COPY (the
// bulk ceiling). Every other benchmark is compared with these, measured in the same run.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { freshDatabase, load, row, section, type BenchContext, type Section } from './lib.js';

export const EVENTS_SHAPE = `
  global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  stream_id text NOT NULL, stream_revision integer NOT NULL, event_id uuid NOT NULL UNIQUE,
  type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (stream_id, stream_revision)`;

const DATA = JSON.stringify({
  liveSessionId: randomUUID(),
  title: 'Present tense review',
  durationMinutes: 45,
});
const META = JSON.stringify({
  commandId: randomUUID(),
  correlationId: randomUUID(),
  causationId: randomUUID(),
  actorId: randomUUID(),
  orgId: randomUUID(),
  at: new Date().toISOString(),
});

export async function run(ctx: BenchContext): Promise<Section> {
  const s = section('Calibration');
  const db = await freshDatabase();
  const pool = new pg.Pool({ connectionString: db.url, max: 32 });
  pool.on('error', () => undefined); // an idle connection ended by the server; the pool replaces it
  try {
    const seconds = ctx.tiny ? 0.3 : ctx.full ? 10 : 3;
    for (const batch of [1, 10, 100]) {
      for (const concurrency of [1, 8, 32]) {
        await pool.query(`DROP TABLE IF EXISTS raw_events; CREATE TABLE raw_events (${EVENTS_SHAPE})`);
        const values = Array.from(
          { length: batch },
          (_, i) => `($1, $2 * ${batch} + ${i}, gen_random_uuid(), 'Thing', $3, $4)`,
        ).join(', ');
        const text = `INSERT INTO raw_events (stream_id, stream_revision, event_id, type, data, metadata) VALUES ${values}`;
        const r = await load({ concurrency, seconds }, async (worker, n) => {
          await pool.query(text, [`s-${worker}`, n, DATA, META]);
          return batch;
        });
        ctx.ceilings.set(`insert.b${batch}.c${concurrency}`, r.perSecond);
        if (batch === 1) ctx.ceilings.set(`insert.c${concurrency}`, r.perSecond);
        row(s, {
          measure: `raw INSERT of ${batch} row${batch > 1 ? 's' : ''} per transaction, concurrency ${concurrency}`,
          value: r.perSecond,
          unit: 'rows/s',
        });
      }
    }
    const rows = ctx.tiny ? 10_000 : 1_000_000;
    await pool.query(`DROP TABLE IF EXISTS raw_events; CREATE TABLE raw_events (${EVENTS_SHAPE})`);
    const client = await pool.connect();
    const started = performance.now();
    try {
      const copy = client.query(
        copyFrom('COPY raw_events (stream_id, stream_revision, event_id, type, data, metadata) FROM STDIN'),
      );
      await pipeline(Readable.from(copyLines(rows)), copy);
    } finally {
      client.release();
    }
    const copyRate = rows / ((performance.now() - started) / 1000);
    ctx.ceilings.set('copy', copyRate);
    row(s, { measure: `COPY ${rows.toLocaleString('en-US')} rows`, value: copyRate, unit: 'rows/s' });
    s.notes.push(
      'Each INSERT is its own durable transaction (synchronous_commit on), so concurrency lets commits share WAL flushes.',
    );
  } finally {
    await pool.end();
    await db.drop();
  }
  return s;
}

function* copyLines(rows: number) {
  const data = DATA.replace(/\\/g, '\\\\');
  const meta = META.replace(/\\/g, '\\\\');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    chunk += `s-${i % 10_000}\t${Math.floor(i / 10_000)}\t${randomUUID()}\tThing\t${data}\t${meta}\n`;
    if (i % 5000 === 4999) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
