// Every read model, rebuilt in small pages on the connection a rebuild uses on Postgres (the pipelined one for
// those that allow it), leaves exactly the rows its live projector built from the same history.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { connectDatabase } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { postgresEventStore } from '../../commands/eventStore/postgres.js';
import { projections } from '../../projections/index.js';
import { rebuildProjection } from '../../projections/rebuild.js';
import { createOrganisation } from '../../db/people.js';
import { generateHistory } from '../bench/history.js';
import { projectAll } from '../support/projections.js';
import { postgresAvailable, testDatabase } from '../support/services.js';
import { skippedSuite } from '../support/suite.js';

if (!(await postgresAvailable())) {
  skippedSuite(
    'rebuild of every read model',
    'needs a Postgres server (the pipelined replay is Postgres only)',
    ['each rebuilt read model equals its live one'],
  );
} else {
  const test = suite('rebuild of every read model');

  test('each rebuilt read model equals its live one', async () => {
    const database = (await testDatabase({ requirePostgres: true }))!;
    const conn = await connectDatabase({ url: database.url });
    try {
      await migrateToLatest(conn.db);
      const store = await postgresEventStore(conn.db);
      const orgId = await createOrganisation(conn.db, 'School');
      // Lessons scheduled, held, completed and canceled, scores, wallets and a training with its registrations.
      const history = generateHistory({
        orgId,
        adminId: orgId,
        students: 30,
        teachers: 3,
        sessions: 120,
        trainings: 2,
        from: new Date('2026-01-01T00:00:00Z'),
        days: 60,
        now: new Date('2026-02-15T00:00:00Z'),
      });
      let n = 0;
      for (const e of history) {
        await store.appendToStream(
          e.stream,
          [{ type: e.type, data: e.data, metadata: e.metadata as never }],
          {
            expectedRevision: 'any',
          },
        );
        n++;
      }
      assert.ok(n > 500, 'the history was written');
      await projectAll(conn.db, store, projections, 200);
      const pipelined = projections.filter((p) => p.pipelinedReplay).map((p) => p.name);
      for (const name of ['schedule', 'reports', 'attendance', 'outbox', 'audit'])
        assert.ok(pipelined.includes(name), `${name} replays on the pipelined connection`);
      for (const projection of projections) {
        const result = await rebuildProjection(conn.db, store, projection, { pool: conn.pool, pageSize: 50 });
        assert.is(result.rebuiltChecksum, result.liveChecksum, projection.name);
        assert.is(result.replaced, false, `${projection.name}: the live rows stay`);
        // The history gives each pipelined read model rows to compare (a checksum reads `table:rows:sum|…`).
        if (pipelined.includes(projection.name))
          assert.match(result.liveChecksum, /:[1-9]\d*:/, `${projection.name} has rows`);
      }
    } finally {
      await conn.close();
      await database.drop();
    }
  });

  test.run();
}
