// Projection lag and safety: 32 writers, 1% of transactions held open up to 2 s and 0.1% for 6 s, 1% rolled
// back, while the schedule projector runs. Afterwards the read model must hold every committed session exactly
// once and none of the rolled-back ones; the lag from commit to read model is printed (p50, p99, max).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import type { EventStore } from '../../commands/eventStore/port.js';
import { connectDatabase } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { postgresEventStore } from '../../commands/eventStore/postgres.js';
import { projectionRunner, type ProjectionRunner } from '../../projections/runner.js';
import { scheduleProjection } from '../../projections/schedule/schedule.js';
import { freshDatabase, load, percentile, row, section, type BenchContext, type Section } from './lib.js';

export async function run(ctx: BenchContext): Promise<Section> {
  const s = section('Projection lag and safety');
  const db = await freshDatabase();
  const conn = await connectDatabase({ url: db.url, poolSize: 40 });
  try {
    await migrateToLatest(conn.db);
    const store = await postgresEventStore(conn.db, { listen: conn.listen });
    const runner = projectionRunner(conn.db, store, [scheduleProjection], {
      batchSize: 500,
      pollMs: 50,
      onError: (name, e) => console.error(`projection ${name}:`, e),
    });
    runner.start();
    const seconds = ctx.tiny ? 3 : ctx.full ? 60 : 15;
    // Steady state: 32 writers append through the event store, nothing held open, and each waits until its session
    // is in the read model before writing again (the lag is that wait). Then the same with a transaction held open
    // for the whole run in another database of the same Postgres server.
    const steady = await steadyLag(store, runner, ctx.tiny ? 2 : 8);
    const other = await freshDatabase();
    const holder = new pg.Client({ connectionString: other.url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT pg_current_xact_id()');
    const elsewhere = await steadyLag(store, runner, ctx.tiny ? 2 : 8).finally(async () => {
      await holder.query('ROLLBACK');
      await holder.end();
      await other.drop();
    });
    for (const [label, r, baseline] of [
      ['steady state (32 writers, nothing held)', steady, null],
      ['a transaction held open in another database', elsewhere, steady],
    ] as const) {
      row(s, {
        measure: `${label}: lag commit → read model p50`,
        value: percentile(r.lags, 50),
        unit: 'ms',
        note: `${r.count} sessions, ${r.perSecond.toFixed(0)}/s, ${r.missed} missed`,
      });
      row(s, {
        measure: `${label}: lag commit → read model p99`,
        value: percentile(r.lags, 99),
        unit: 'ms',
        ...(baseline
          ? { baseline: { label: 'steady-state p99', value: percentile(baseline.lags, 99) } }
          : {}),
        target: '< 100 ms',
        met: percentile(r.lags, 99) < 100 && r.missed === 0,
      });
    }
    const committedAt = new Map<string, number>();
    const rolledBack = new Set<string>();
    const lags: number[] = [];
    let held = 0;
    let longHeld = 0;
    let sampling = true;
    let deadline = Infinity;
    const sampler = (async () => {
      while (sampling || committedAt.size > 0) {
        const pending = [...committedAt.keys()].slice(0, 5000);
        if (pending.length > 0) {
          const seen = await conn.db
            .selectFrom('schedule_sessions')
            .select('id')
            .where('id', 'in', pending)
            .execute();
          const now = performance.now();
          for (const { id } of seen) {
            lags.push(now - committedAt.get(id)!);
            committedAt.delete(id);
          }
        }
        await new Promise((r) => setTimeout(r, 10));
        if (!sampling && performance.now() > deadline) break;
      }
    })();
    const scale = ctx.tiny ? 10 : 1; // tiny runs are short: make the rare cases happen anyway
    const orgId = randomUUID();
    const metadata = JSON.stringify({
      commandId: 'b',
      correlationId: 'b',
      causationId: 'b',
      actorId: null,
      orgId: 'b',
      at: '2026-01-01T00:00:00Z',
    });
    const writes = await load({ concurrency: 32, seconds }, async () => {
      const id = randomUUID();
      const dice = Math.random();
      const rollback = dice < 0.01 * scale;
      // Tiny runs share the Postgres server with other suites, and a held transaction holds back every reader on
      // the server: keep their holds short (the full run uses the issue's 2 s and 6 s).
      const long = ctx.tiny ? 600 : 6000;
      const holdMs =
        dice > 1 - 0.001 * scale ? long : dice > 1 - 0.011 * scale ? Math.random() * (long / 3) : 0;
      if (holdMs >= long) longHeld++;
      else if (holdMs > 0) held++;
      const data = JSON.stringify({
        liveSessionId: id,
        orgId,
        kind: 'group',
        courseId: randomUUID(),
        courseLessonId: null,
        teacherId: randomUUID(),
        enrollmentId: null,
        studentGroupId: null,
        participants: [{ studentId: randomUUID(), enrollmentId: null }],
        start: '2027-01-01T10:00:00Z',
        durationMinutes: 45,
        timeZone: 'UTC',
        title: null,
        notes: null,
      });
      try {
        await conn.db.transaction().execute(async (trx) => {
          await sql`INSERT INTO events (stream_id, stream_revision, event_id, type, data, metadata)
                    VALUES (${`liveSession-${id}`}, 0, ${randomUUID()}, 'LiveSessionScheduled', ${data}::jsonb, ${metadata}::jsonb)`.execute(
            trx,
          );
          if (holdMs > 0) await new Promise((r) => setTimeout(r, holdMs));
          if (rollback) throw new RollBack();
        });
        committedAt.set(id, performance.now());
      } catch (error) {
        if (!(error instanceof RollBack)) throw error;
        rolledBack.add(id);
      }
    });
    sampling = false;
    deadline = performance.now() + 20_000;
    await sampler;
    await runner.stop();
    const committed = writes.operations - rolledBack.size;
    const { n } = await conn.db
      .selectFrom('schedule_sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    const { p } = await conn.db
      .selectFrom('schedule_participants as p')
      .innerJoin('schedule_sessions as s', 's.id', 'p.session_id')
      .select((eb) => eb.fn.countAll<number>().as('p'))
      .where('s.org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    const ghosts = rolledBack.size
      ? await conn.db
          .selectFrom('schedule_sessions')
          .select('id')
          .where('id', 'in', [...rolledBack])
          .execute()
      : [];
    const missed = committed - Number(n);
    const doubled = Number(p) - Number(n);
    row(s, {
      measure: 'committed transactions',
      value: committed,
      unit: 'sessions',
      note: `${writes.perSecond.toFixed(0)}/s; ${held} held up to 2 s, ${longHeld} held 6 s, ${rolledBack.size} rolled back`,
    });
    row(s, {
      measure: 'missed in the read model',
      value: missed,
      unit: 'events',
      target: '0',
      met: missed === 0,
    });
    row(s, {
      measure: 'doubled in the read model',
      value: doubled,
      unit: 'events',
      target: '0',
      met: doubled === 0,
    });
    row(s, {
      measure: 'rolled back but visible',
      value: ghosts.length,
      unit: 'events',
      target: '0',
      met: ghosts.length === 0,
    });
    row(s, { measure: 'lag commit → read model p50', value: percentile(lags, 50), unit: 'ms' });
    row(s, {
      measure: 'lag commit → read model p99',
      value: percentile(lags, 99),
      unit: 'ms',
      note: 'a transaction held open holds back every later commit: the price of never skipping one',
    });
    row(s, { measure: 'lag commit → read model max', value: Math.max(...lags), unit: 'ms' });
    s.notes.push(
      'The billing read model is exercised by the billing rebuild and its own tests; this run writes schedule events only.',
    );
    return Object.assign(s, { check: { missed, doubled, ghosts: ghosts.length, committed } });
  } finally {
    await conn.close();
    await db.drop();
  }
}

class RollBack extends Error {}

const sessionData = (id: string, orgId: string) => ({
  liveSessionId: id,
  orgId,
  kind: 'group',
  courseId: randomUUID(),
  courseLessonId: null,
  teacherId: randomUUID(),
  enrollmentId: null,
  studentGroupId: null,
  participants: [{ studentId: randomUUID(), enrollmentId: null }],
  start: '2027-01-01T10:00:00Z',
  durationMinutes: 45,
  timeZone: 'UTC',
  title: null,
  notes: null,
});

/** 32 writers append one session each through the event store and wait for it in the read model. */
async function steadyLag(store: EventStore, runner: ProjectionRunner, seconds: number) {
  const lags: number[] = [];
  let missed = 0;
  const orgId = randomUUID();
  const metadata = {
    commandId: 'b',
    correlationId: 'b',
    causationId: 'b',
    actorId: null,
    orgId,
    at: '2026-01-01T00:00:00Z',
  };
  const writes = await load({ concurrency: 32, seconds }, async () => {
    const id = randomUUID();
    const { position } = await store.appendToStream(
      `liveSession-${id}`,
      [{ type: 'LiveSessionScheduled', data: sessionData(id, orgId), metadata }],
      { expectedRevision: 'no_stream' },
    );
    const appended = performance.now();
    if (await runner.waitFor(position, 30_000)) lags.push(performance.now() - appended);
    else missed++;
  });
  return { lags, count: writes.operations, perSecond: writes.perSecond, missed };
}
