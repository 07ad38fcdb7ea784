// A rebuild repairs a live read model that went wrong (a bug, a hand edit): the checksums differ, the rebuilt
// rows replace the live ones and the live model then equals the log's. One that is right stays untouched.
import { sql } from 'kysely';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { connectDatabase } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { postgresEventStore } from '../../commands/eventStore/postgres.js';
import { projectAll } from '../support/projections.js';
import { scheduleProjection } from '../../projections/schedule/schedule.js';
import { checksum, rebuildProjection } from '../../projections/rebuild.js';
import { copyEvents, scheduleHistory } from '../bench/generate.js';
import { testDatabase, postgresAvailable } from '../support/services.js';
import { skippedSuite } from '../support/suite.js';

const TABLES = scheduleProjection.tables;

if (!(await postgresAvailable())) {
  skippedSuite('rebuild repair', 'needs a Postgres server (the history is loaded with COPY)', [
    'replaces a wrong live model',
  ]);
} else {
  const test = suite('rebuild repair');
  test('replaces a wrong live model, and leaves a right one as it is', async () => {
    const database = (await testDatabase({ requirePostgres: true }))!;
    const conn = await connectDatabase({ url: database.url });
    try {
      await migrateToLatest(conn.db);
      const store = await postgresEventStore(conn.db);
      await copyEvents(database.url!, scheduleHistory(300));
      await projectAll(conn.db, store, [scheduleProjection], 100);
      const right = await checksum(conn.db, 'public', TABLES);

      // Right: nothing to replace, the live rows are not touched (no new row versions).
      const version = sql<{ v: string }>`SELECT max(xmin::text::bigint)::text AS v FROM schedule_sessions`;
      const before = (await version.execute(conn.db)).rows[0]!.v;
      const same = await rebuildProjection(conn.db, store, scheduleProjection);
      assert.is(same.rebuiltChecksum, same.liveChecksum);
      assert.is(same.replaced, false);
      assert.is(same.phases.swapSeconds < 0.05, true, 'no swap');
      assert.is((await version.execute(conn.db)).rows[0]!.v, before, 'the live rows were left alone');
      // The log just loaded had no statistics: the rebuild gathered them before reading it by type.
      const { rows: stats } = await sql<{ analysed: boolean }>`
        SELECT coalesce(last_analyze, last_autoanalyze) IS NOT NULL AS analysed
        FROM pg_stat_user_tables WHERE relname = 'events'`.execute(conn.db);
      assert.is(stats[0]?.analysed, true, 'the events table has statistics');

      // Wrong: a session's title edited by hand, another session lost.
      const [first, second] = await conn.db
        .selectFrom('schedule_sessions')
        .select('id')
        .orderBy('id')
        .limit(2)
        .execute();
      await conn.db
        .updateTable('schedule_sessions')
        .set({ title: 'hand edit' })
        .where('id', '=', first!.id)
        .execute();
      await conn.db.deleteFrom('schedule_participants').where('session_id', '=', second!.id).execute();
      await conn.db.deleteFrom('schedule_sessions').where('id', '=', second!.id).execute();
      assert.is.not(await checksum(conn.db, 'public', TABLES), right);

      const repaired = await rebuildProjection(conn.db, store, scheduleProjection);
      assert.is.not(repaired.liveChecksum, repaired.rebuiltChecksum, 'the difference was seen');
      assert.is(repaired.rebuiltChecksum, right, 'the rebuilt model is the one the log gives');
      assert.is(repaired.replaced, true);
      assert.is(await checksum(conn.db, 'public', TABLES), right, 'the live model is repaired');
      const lost = await conn.db
        .selectFrom('schedule_sessions')
        .select('title')
        .where('id', 'in', [first!.id, second!.id])
        .execute();
      assert.is(lost.length, 2);
      assert.not.ok(lost.some((s) => s.title === 'hand edit'));

      // Asked not to replace: the difference is reported and the live model kept.
      await conn.db
        .updateTable('schedule_sessions')
        .set({ title: 'hand edit' })
        .where('id', '=', first!.id)
        .execute();
      const kept = await rebuildProjection(conn.db, store, scheduleProjection, { replace: false });
      assert.is(kept.replaced, false);
      assert.is.not(await checksum(conn.db, 'public', TABLES), right);
    } finally {
      await conn.close();
      await database.drop();
    }
  });
  test.run();
}
