// The reports' batch path leaves exactly the rows of the one-event-at-a-time path, across batch boundaries.
import { sql } from 'kysely';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { connectDatabase } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { postgresEventStore } from '../../commands/eventStore/postgres.js';
import { projectAll } from '../support/projections.js';
import { reportsProjection, reportsProjectionPerEvent } from '../../projections/reports/reports.js';
import { rebuildProjection } from '../../projections/rebuild.js';
import { createOrganisation } from '../../db/people.js';
import { generateHistory } from '../bench/history.js';
import { testDatabase } from '../support/services.js';

const test = suite('reports batch path');
test('equals the per-event path, across batch sizes', async () => {
  const database = (await testDatabase())!;
  const conn = await connectDatabase({ url: database.url });
  try {
    await migrateToLatest(conn.db);
    const store = await postgresEventStore(conn.db);
    const orgId = await createOrganisation(conn.db, 'School');
    const gen = generateHistory({
      orgId,
      adminId: orgId,
      students: 30,
      teachers: 3,
      sessions: 150,
      trainings: 1,
      from: new Date('2026-01-01T00:00:00Z'),
      days: 60,
      now: new Date('2026-02-15T00:00:00Z'),
    });
    const streams = new Map<string, { type: string; data: unknown; metadata: never }[]>();
    for (let r = gen.next(); !r.done; r = gen.next())
      streams.set(r.value.stream, [
        ...(streams.get(r.value.stream) ?? []),
        { type: r.value.type, data: r.value.data, metadata: r.value.metadata as never },
      ]);
    // Interleave streams a little, as a real log would: the second half of each stream's events comes after
    // the first half of every other, so a session's events lie on pages far apart as well as on adjacent ones.
    const entries = [...streams.entries()];
    const halves = entries.map(([stream, events]) => [stream, Math.ceil(events.length / 2)] as const);
    for (const [stream, half] of halves)
      await store.appendToStream(stream, streams.get(stream)!.slice(0, half), {
        expectedRevision: 'no_stream',
      });
    for (const [stream, half] of halves)
      if (streams.get(stream)!.length > half)
        await store.appendToStream(stream, streams.get(stream)!.slice(half), { expectedRevision: half - 1 });
    await projectAll(conn.db, store, [reportsProjectionPerEvent], 50);
    const { n } = await conn.db
      .selectFrom('report_attendance')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.ok(Number(n) > 100, 'the history projected');
    const result = await rebuildProjection(conn.db, store, reportsProjection, { pool: conn.pool });
    assert.is(result.rebuiltChecksum, result.liveChecksum);
    // Small pages cut sessions at many boundaries: the replay carries the sessions of the page before in
    // memory and reads the others back, on the pipelined connection (Postgres) and on the plain one alike.
    for (const pool of conn.pool ? [conn.pool, undefined] : [undefined])
      for (const pageSize of [3, 40]) {
        const paged = await rebuildProjection(conn.db, store, reportsProjection, { pool, pageSize });
        assert.is(
          paged.rebuiltChecksum,
          paged.liveChecksum,
          `pages of ${pageSize}, ${pool ? 'pipelined' : 'plain'}`,
        );
      }
    for (const table of ['report_sessions', 'report_attendance', 'report_scores', 'report_ledger'])
      await sql`DELETE FROM ${sql.table(table)}`.execute(conn.db);
    await sql`DELETE FROM report_wallets`.execute(conn.db);
    await sql`DELETE FROM projection_checkpoints`.execute(conn.db);
    await projectAll(conn.db, store, [reportsProjection], 7);
    const again = await rebuildProjection(conn.db, store, reportsProjectionPerEvent, { replace: false });
    assert.is(again.liveChecksum, again.rebuiltChecksum);
  } finally {
    await conn.close();
    await database.drop();
  }
});
test.run();
