// Reports on a generated school year (1,000 students, 50 teachers, lessons, wallets and trainings): how fast
// the reports projector takes the history in, against the rate the command path appends at, and how long each
// report takes to answer (target: under 200 ms), with the events/s of a raw read of the log as the baseline.
import { sql } from 'kysely';
import { connectDatabase } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { postgresEventStore } from '../../commands/eventStore/postgres.js';
import { projectAll } from '../support/projections.js';
import { reportsProjection } from '../../projections/reports/reports.js';
import {
  attendanceReport,
  noShowReport,
  scoresReport,
  teachingHoursReport,
} from '../../projections/reports/sessionReports.js';
import { tokensReport } from '../../projections/reports/tokenReports.js';
import { trainingsReport } from '../../projections/reports/trainingReports.js';
import type { ReportFilter } from '../../projections/reports/filters.js';
import { createOrganisation } from '../../db/people.js';
import { copyEvents } from './generate.js';
import { generateHistory, type HistoryEvent } from './history.js';
import { freshDatabase, percentile, row, section, type BenchContext, type Section } from './lib.js';

/** Streams the generated history with per-stream revisions, ready for COPY. */
function* lines(events: Iterable<HistoryEvent>) {
  const revisions = new Map<string, number>();
  for (const e of events) {
    const revision = (revisions.get(e.stream) ?? -1) + 1;
    revisions.set(e.stream, revision);
    yield [e.stream, revision, e.type, e.data, e.metadata] as [string, number, string, unknown, unknown];
  }
}

export async function run(ctx: BenchContext): Promise<Section> {
  const s = section('Reports');
  const target = Number(process.env.BENCH_EVENTS ?? (ctx.tiny ? 3_000 : ctx.full ? 1_000_000 : 200_000));
  // About 7.5 events per session with attendance, wallets and scores: size the year to the target.
  const sessions = Math.max(100, Math.round(target / 7.5));
  const db = await freshDatabase();
  const conn = await connectDatabase({ url: db.url, poolSize: 4 });
  try {
    await migrateToLatest(conn.db);
    const orgId = await createOrganisation(conn.db, 'Bench School');
    const from = new Date('2025-01-01T00:00:00Z');
    const written = await copyEvents(
      db.url,
      lines(
        generateHistory({
          orgId,
          adminId: orgId,
          students: 1000,
          teachers: 50,
          sessions,
          trainings: 20,
          from,
          days: 365,
          now: new Date('2025-12-20T00:00:00Z'),
        }),
      ),
    );
    ctx.log(`generated ${written} events`);
    const store = await postgresEventStore(conn.db);

    const readStarted = performance.now();
    for (let after: string | null = null; ;) {
      const page = await store.readAll({ after, limit: 2000 });
      if (page.length < 2000) break;
      after = page[page.length - 1]!.position;
    }
    const readRate = written / ((performance.now() - readStarted) / 1000);

    const started = performance.now();
    await projectAll(conn.db, store, [reportsProjection], 2000, 1_800_000);
    const rate = written / ((performance.now() - started) / 1000);
    const appendRate = ctx.ceilings.get('append.b1.c32');
    row(s, {
      measure: `reports projector over ${written.toLocaleString('en-US')} events`,
      value: rate,
      unit: 'events/s',
      baseline: { label: 'reading the log alone', value: readRate },
    });
    if (appendRate)
      row(s, {
        measure: 'projector rate against the command append rate',
        value: rate,
        unit: 'events/s',
        baseline: { label: 'single-event appends, 32 writers', value: appendRate },
        target: 'keeps up (ratio >= 1)',
        met: rate >= appendRate,
      });

    const year: ReportFilter = {
      orgId,
      from,
      to: new Date('2026-01-01T00:00:00Z'),
      groupBy: 'month',
      timeZone: 'Europe/Berlin',
    };
    const teacherId = (
      await conn.db.selectFrom('report_sessions').select('teacher_id').limit(1).executeTakeFirst()
    )?.teacher_id;
    const reports: [string, (f: ReportFilter) => Promise<unknown>, ReportFilter][] = [
      ['attendance, a year by month', (f) => attendanceReport(conn.db, f), year],
      [
        'attendance, one teacher by week',
        (f) => attendanceReport(conn.db, f),
        { ...year, groupBy: 'week', teacherId },
      ],
      ['no-shows and cancellations', (f) => noShowReport(conn.db, f), year],
      ['teaching hours', (f) => teachingHoursReport(conn.db, f), year],
      ['tokens and balances', (f) => tokensReport(conn.db, f), year],
      ['trainings', (f) => trainingsReport(conn.db, f), year],
      ['scores', (f) => scoresReport(conn.db, f), year],
    ];
    await sql`ANALYZE`.execute(conn.db);
    for (const [name, report, filter] of reports) {
      const times: number[] = [];
      for (let i = 0; i < (ctx.tiny ? 2 : 15); i++) {
        const t0 = performance.now();
        await report(filter);
        times.push(performance.now() - t0);
      }
      const p99 = percentile(times, 99);
      row(s, { measure: `${name}: p50`, value: percentile(times, 50), unit: 'ms' });
      row(s, { measure: `${name}: p99`, value: p99, unit: 'ms', target: '< 200 ms', met: p99 < 200 });
    }
  } finally {
    await conn.close();
    await db.drop();
  }
  return s;
}
