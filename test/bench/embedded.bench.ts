// The embedded default: append and rebuild on PGlite (in-process) against native Postgres, same workload.
import { connectDatabase } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { postgresEventStore } from '../../commands/eventStore/postgres.js';
import type { EventStore } from '../../commands/eventStore/port.js';
import { projectionByName } from '../../projections/index.js';
import { rebuildProjection } from '../../projections/rebuild.js';
import { appendLoad } from './append.bench.js';
import { scheduleHistory } from './generate.js';
import { freshDatabase, row, section, type BenchContext, type Section } from './lib.js';

async function measure(store: EventStore, db: Parameters<typeof rebuildProjection>[0], events: number) {
  const append = await appendLoad(store, { concurrency: 1, batch: 10, events });
  // Rebuild the schedule from a history appended through the store (the same path on both).
  const lines = [...scheduleHistory(events)];
  for (let i = 0; i < lines.length; i += 500) {
    const byStream = new Map<string, { type: string; data: unknown }[]>();
    for (const [stream, , type, data] of lines.slice(i, i + 500))
      byStream.set(stream, [...(byStream.get(stream) ?? []), { type, data }]);
    for (const [stream, evs] of byStream) {
      await store.appendToStream(
        stream,
        evs.map((e) => ({
          ...e,
          metadata: {
            commandId: 'b',
            correlationId: 'b',
            causationId: 'b',
            actorId: null,
            orgId: '00000000-0000-4000-8000-000000000000',
            at: '2026-01-01T00:00:00Z',
          },
        })),
        { expectedRevision: 'any' },
      );
    }
  }
  const rebuild = await rebuildProjection(db, store, projectionByName('schedule')!);
  return { append: append.perSecond, rebuild: rebuild.events / rebuild.seconds };
}

export async function run(ctx: BenchContext): Promise<Section> {
  const s = section('Embedded default (PGlite) against native Postgres');
  const events = ctx.tiny ? 500 : ctx.full ? 100_000 : 20_000;
  const native = await freshDatabase();
  const pgConn = await connectDatabase({ url: native.url });
  const liteConn = await connectDatabase({});
  try {
    await migrateToLatest(pgConn.db);
    await migrateToLatest(liteConn.db);
    const onPg = await measure(await postgresEventStore(pgConn.db), pgConn.db, events);
    const onLite = await measure(
      await postgresEventStore(liteConn.db, { kind: 'pglite' }),
      liteConn.db,
      events,
    );
    row(s, {
      measure: 'append (batches of 10, one writer)',
      value: onLite.append,
      unit: 'events/s',
      baseline: { label: 'native Postgres', value: onPg.append },
      target: '>= 0.5 of native',
      met: onLite.append / onPg.append >= 0.5,
    });
    row(s, {
      measure: `rebuild schedule (${events.toLocaleString('en-US')} events)`,
      value: onLite.rebuild,
      unit: 'events/s',
      baseline: { label: 'native Postgres', value: onPg.rebuild },
      target: '>= 0.5 of native',
      met: onLite.rebuild / onPg.rebuild >= 0.5,
    });
    s.notes.push(
      'PGlite runs Postgres in-process without fsync to a separate server: it trades durability guarantees of a server for zero setup.',
    );
  } finally {
    await pgConn.close();
    await liteConn.close();
    await native.drop();
  }
  return s;
}
