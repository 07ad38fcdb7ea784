// `npm run rebuild` on the embedded default: PGlite is a single connection, so a rebuild that took a second
// connection while its own transaction held the first would wait forever. The schedule and the reports are
// rebuilt there from a history appended through the store, and agree with the live models.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { connectDatabase } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { Db } from '../../db/schema.js';
import { postgresEventStore } from '../../commands/eventStore/postgres.js';
import { scheduleProjection } from '../../projections/schedule/schedule.js';
import { reportsProjection } from '../../projections/reports/reports.js';
import { rebuildProjection } from '../../projections/rebuild.js';
import { scheduleHistory } from '../bench/generate.js';
import { projectAll } from '../support/projections.js';
import { readCheckpoint } from '../../commands/logConsumer/checkpoints.js';

const test = suite('rebuild on the embedded database');

/** A migrated embedded database with a schedule history of `sessions` sessions appended through the store. */
async function withHistory(db: Db, sessions: number) {
  await migrateToLatest(db);
  const store = await postgresEventStore(db, { kind: 'pglite' });
  const metadata = {
    commandId: 'c',
    correlationId: 'c',
    causationId: 'c',
    actorId: null,
    orgId: '00000000-0000-4000-8000-000000000000',
    at: '2026-01-01T00:00:00Z',
  };
  let appended = 0;
  for (const [stream, , type, data] of scheduleHistory(sessions)) {
    await store.appendToStream(stream, [{ type, data, metadata }], { expectedRevision: 'any' });
    appended++;
  }
  return { store, appended };
}

test('schedule and reports rebuild on PGlite and equal the live models', async () => {
  const conn = await connectDatabase({});
  try {
    const { store, appended } = await withHistory(conn.db, 600);
    await projectAll(conn.db, store, [scheduleProjection, reportsProjection], 50);
    for (const projection of [scheduleProjection, reportsProjection]) {
      const result = await rebuildProjection(conn.db, store, projection);
      assert.is(result.events, appended, `${projection.name} replayed every event`);
      assert.is(result.rebuiltChecksum, result.liveChecksum, `${projection.name} equals the live model`);
      assert.not.ok(result.replaced);
    }
  } finally {
    await conn.close();
  }
});

test('a live model far behind (its projector never ran) is caught up in pages, then compared', async () => {
  const conn = await connectDatabase({});
  try {
    const { store, appended } = await withHistory(conn.db, 300);
    // No live projector has run: the live tables are empty and the checkpoint is at the start.
    const result = await rebuildProjection(conn.db, store, scheduleProjection, { pageSize: 40 });
    assert.ok(
      result.liveCaughtUp >= appended,
      `the live model went through the log (${result.liveCaughtUp})`,
    );
    assert.is(result.rebuiltChecksum, result.liveChecksum, 'then equal to the rebuilt one');
    assert.not.ok(result.replaced, 'nothing to replace');
    const { n } = await conn.db
      .selectFrom('schedule_sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.ok(Number(n) > 0, 'the live tables hold the sessions');
    assert.is(
      await readCheckpoint(conn.db, 'schedule'),
      result.position,
      'the live checkpoint is where the rebuild met it',
    );
  } finally {
    await conn.close();
  }
});

test.run();
