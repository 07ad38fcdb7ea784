// Rebuild: the schedule read model (and billing, where its projection exists) replayed from a large history
// into fresh tables, against the COPY ceiling; the checksum must equal the live model's, and the rebuild's
// memory must not grow with the history (it streams in batches).
import { connectDatabase } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { postgresEventStore } from '../../commands/eventStore/postgres.js';
import { projectionByName } from '../../projections/index.js';
import { projectAll } from '../support/projections.js';
import { rebuildProjection } from '../../projections/rebuild.js';
import { typesReadBy } from '../../projections/runner.js';
import { copyEvents } from './generate.js';
import { generateHistory, type HistoryEvent } from './history.js';
import { createOrganisation } from '../../db/people.js';
import { freshDatabase, row, section, type BenchContext, type Section } from './lib.js';

function* withRevisions(events: Iterable<HistoryEvent>) {
  const revisions = new Map<string, number>();
  for (const e of events) {
    const revision = (revisions.get(e.stream) ?? -1) + 1;
    revisions.set(e.stream, revision);
    yield [e.stream, revision, e.type, e.data, e.metadata] as [string, number, string, unknown, unknown];
  }
}

export async function run(ctx: BenchContext): Promise<Section> {
  const s = section('Rebuild');
  const events = Number(process.env.BENCH_EVENTS ?? (ctx.tiny ? 2_000 : ctx.full ? 10_000_000 : 1_000_000));
  const db = await freshDatabase();
  const conn = await connectDatabase({ url: db.url });
  try {
    await migrateToLatest(conn.db);
    const store = await postgresEventStore(conn.db);
    // A school's history: lessons scheduled, held and canceled, attendance, scores, wallets credited and
    // debited per lesson, reversals and trainings (about 7.5 events per lesson).
    const orgId = await createOrganisation(conn.db, 'Bench School');
    const history = generateHistory({
      orgId,
      adminId: orgId,
      students: 1000,
      teachers: 50,
      sessions: Math.max(100, Math.round(events / 7.5)),
      trainings: 20,
      from: new Date('2025-01-01T00:00:00Z'),
      days: 365,
      now: new Date('2025-12-20T00:00:00Z'),
    });
    const written = await copyEvents(db.url, withRevisions(history));
    ctx.log(`generated ${written} events`);
    for (const name of ['schedule', 'billing', 'reports']) {
      const projection = projectionByName(name);
      if (!projection) continue;
      // The live model first, as the running server would have built it.
      await projectAll(conn.db, store, [projection], 2000, 1_800_000);
      const rssBefore = process.memoryUsage().rss;
      let peak = rssBefore;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
      const result = await rebuildProjection(conn.db, store, projection, { pool: conn.pool });
      clearInterval(sampler);
      // The rate is the history's: every event of the log is behind the rebuilt model, though the store hands
      // the rebuild only the types its read model reads (the note says how many).
      const rate = written / result.seconds;
      const goal = name === 'reports' ? 50_000 : 100_000;
      const copy = ctx.ceilings.get('copy');
      row(s, {
        measure: `rebuild ${name} from ${written.toLocaleString('en-US')} events`,
        value: rate,
        unit: 'events/s',
        baseline: copy ? { label: 'COPY rows/s', value: copy } : undefined,
        target: `>= ${goal.toLocaleString('en-US')} events/s and checksum equal`,
        met: rate >= goal && result.liveChecksum === result.rebuiltChecksum,
        note: `checksum ${result.liveChecksum === result.rebuiltChecksum ? 'equal to the live model' : 'DIFFERENT'}; ${result.seconds.toFixed(1)} s; ${result.events.toLocaleString('en-US')} of the events are of types it reads`,
      });
      // The profile of the rebuild: the same pages read again without applying them, to tell the read (the
      // store's query, the rows' transfer and decoding) from the apply (the projection's statements).
      const readStarted = performance.now();
      const types = typesReadBy(projection);
      let read = 0;
      for (let after: string | null = null; ;) {
        const page = await store.readAll({ after, limit: 5000, types });
        if (page.length === 0) break;
        read += page.length;
        after = page[page.length - 1]!.position;
      }
      const readSeconds = (performance.now() - readStarted) / 1000;
      const { phases } = result;
      s.notes.push(
        `rebuild ${name}: reading its ${read.toLocaleString('en-US')} events alone takes ${readSeconds.toFixed(1)} s of the rebuild's ${result.seconds.toFixed(1)} s, which are the replay ${phases.replaySeconds.toFixed(1)} s (the read overlapped with the apply), the two checksums ${phases.checksumSeconds.toFixed(1)} s and the swap into the live tables ${phases.swapSeconds.toFixed(1)} s.`,
      );
      row(s, {
        measure: `rebuild ${name}: peak resident memory growth`,
        value: (peak - rssBefore) / 2 ** 20,
        unit: 'MiB',
        note: 'pages of 5,000 events, two at most in flight: bounded by the page, not the history',
      });
    }
  } finally {
    await conn.close();
    await db.drop();
  }
  return s;
}
