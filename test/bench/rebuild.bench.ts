// Rebuild: the schedule read model (and billing, where its projection exists) replayed from a large history
// into fresh tables, against the COPY ceiling; the checksum must equal the live model's, and the rebuild's
// memory must not grow with the history (it streams in batches).
import { connectDatabase } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { postgresEventStore } from '../../commands/eventStore/postgres.js';
import { projectionByName } from '../../projections/index.js';
import { projectAll } from '../support/projections.js';
import { rebuildProjection } from '../../projections/rebuild.js';
import { copyEvents, scheduleHistory } from './generate.js';
import { freshDatabase, row, section, type BenchContext, type Section } from './lib.js';

export async function run(ctx: BenchContext): Promise<Section> {
  const s = section('Rebuild');
  const events = Number(process.env.BENCH_EVENTS ?? (ctx.tiny ? 2_000 : ctx.full ? 10_000_000 : 1_000_000));
  const db = await freshDatabase();
  const conn = await connectDatabase({ url: db.url });
  try {
    await migrateToLatest(conn.db);
    const store = await postgresEventStore(conn.db);
    const written = await copyEvents(db.url, scheduleHistory(events));
    ctx.log(`generated ${written} events`);
    for (const name of ['schedule', 'billing']) {
      const projection = projectionByName(name);
      if (!projection) continue;
      // The live model first, as the running server would have built it.
      await projectAll(conn.db, store, [projection], 2000);
      const rssBefore = process.memoryUsage().rss;
      let peak = rssBefore;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
      const result = await rebuildProjection(conn.db, store, projection);
      clearInterval(sampler);
      const rate = result.events / result.seconds;
      const copy = ctx.ceilings.get('copy');
      row(s, {
        measure: `rebuild ${name} from ${written.toLocaleString('en-US')} events`,
        value: rate,
        unit: 'events/s',
        baseline: copy ? { label: 'COPY rows/s', value: copy } : undefined,
        target: '>= 100,000 events/s and checksum equal',
        met: rate >= 100_000 && result.liveChecksum === result.rebuiltChecksum,
        note: `checksum ${result.liveChecksum === result.rebuiltChecksum ? 'equal to the live model' : 'DIFFERENT'}; ${result.seconds.toFixed(1)} s`,
      });
      row(s, {
        measure: `rebuild ${name}: peak resident memory growth`,
        value: (peak - rssBefore) / 2 ** 20,
        unit: 'MiB',
        note: 'batches of 2,000 events: bounded by the batch, not the history',
      });
    }
  } finally {
    await conn.close();
    await db.drop();
  }
  return s;
}
