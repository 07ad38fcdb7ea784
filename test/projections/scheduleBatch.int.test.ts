// The schedule's batch path leaves exactly the rows the one-event-at-a-time path does, whatever the batch
// boundaries: the per-event projector builds the live model, the batched one rebuilds it, checksums agree.
import { sql } from 'kysely';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { connectDatabase } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { postgresEventStore } from '../../commands/eventStore/postgres.js';
import { projectAll } from '../support/projections.js';
import { scheduleProjection, scheduleProjectionPerEvent } from '../../projections/schedule/schedule.js';
import { rebuildProjection } from '../../projections/rebuild.js';
import { randomUUID } from 'node:crypto';
import { copyEvents, scheduleHistory } from '../bench/generate.js';
import { generateHistory } from '../bench/history.js';
import { testDatabase, postgresAvailable } from '../support/services.js';
import { skippedSuite } from '../support/suite.js';

if (!(await postgresAvailable())) {
  skippedSuite('schedule batch path', 'needs a Postgres server (the history is loaded with COPY)', [
    'equals the per-event path',
  ]);
} else {
  const test = suite('schedule batch path');
  test('equals the per-event path, across batch sizes', async () => {
    const database = (await testDatabase({ requirePostgres: true }))!;
    const conn = await connectDatabase({ url: database.url });
    try {
      await migrateToLatest(conn.db);
      const store = await postgresEventStore(conn.db);
      const written = await copyEvents(database.url!, scheduleHistory(1500));
      await projectAll(conn.db, store, [scheduleProjectionPerEvent], 97);
      const rows = await conn.db
        .selectFrom('schedule_sessions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.ok(Number(rows.n) > 500, 'the history projected');
      const result = await rebuildProjection(conn.db, store, scheduleProjection, { pool: conn.pool });
      assert.is(result.events, written);
      assert.is(result.rebuiltChecksum, result.liveChecksum);
      // Small pages cut sessions at many boundaries: the replay carries them from page to page in memory,
      // on the pipelined connection and on the plain one alike.
      for (const pool of [conn.pool, undefined]) {
        const paged = await rebuildProjection(conn.db, store, scheduleProjection, { pool, pageSize: 7 });
        assert.is(paged.rebuiltChecksum, paged.liveChecksum, pool ? 'pipelined' : 'plain');
      }
      // And a batched live projector with awkward batch sizes agrees too.
      await conn.db.deleteFrom('schedule_participants').execute();
      await conn.db.deleteFrom('schedule_sessions').execute();
      await sql`DELETE FROM projection_checkpoints`.execute(conn.db);
      await projectAll(conn.db, store, [scheduleProjection], 13);
      const again = await rebuildProjection(conn.db, store, scheduleProjectionPerEvent, { replace: false });
      assert.is(again.liveChecksum, again.rebuiltChecksum);
    } finally {
      await conn.close();
      await database.drop();
    }
  });
  test('equals the per-event path on a history with lifecycle events and deletions', async () => {
    const database = (await testDatabase({ requirePostgres: true }))!;
    const conn = await connectDatabase({ url: database.url });
    try {
      await migrateToLatest(conn.db);
      const store = await postgresEventStore(conn.db);
      const orgId = randomUUID();
      const gen = generateHistory({
        orgId,
        adminId: orgId,
        students: 20,
        teachers: 3,
        sessions: 120,
        trainings: 0,
        from: new Date('2026-01-01T00:00:00Z'),
        days: 30,
        now: new Date('2026-01-20T00:00:00Z'),
      });
      const streams = new Map<string, { type: string; data: unknown; metadata: never }[]>();
      for (let r = gen.next(); !r.done; r = gen.next())
        streams.set(r.value.stream, [
          ...(streams.get(r.value.stream) ?? []),
          { type: r.value.type, data: r.value.data, metadata: r.value.metadata as never },
        ]);
      let deleted = 0;
      for (const [stream, events] of streams) {
        // Records created by mistake: some canceled sessions are deleted afterwards.
        if (events.some((e) => e.type === 'LiveSessionCanceled') && deleted++ % 2 === 0) {
          events.push({
            type: 'LiveSessionDeleted',
            data: { liveSessionId: stream.slice('liveSession-'.length), reason: 'created by mistake' },
            metadata: events[0]!.metadata,
          });
        }
        await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
      }
      await projectAll(conn.db, store, [scheduleProjectionPerEvent], 31);
      for (const pageSize of [5000, 5, 64]) {
        const result = await rebuildProjection(conn.db, store, scheduleProjection, {
          pool: conn.pool,
          pageSize,
        });
        assert.is(result.rebuiltChecksum, result.liveChecksum, `pages of ${pageSize}`);
      }
      assert.ok(deleted > 0);
    } finally {
      await conn.close();
      await database.drop();
    }
  });
  test.run();
}
