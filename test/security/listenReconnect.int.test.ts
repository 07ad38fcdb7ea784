// The event store's LISTEN connection comes back after Postgres loses it: its backend is terminated (as a
// failover or an administrator would), and wake-ups from another node resume without a restart.
import { sql } from 'kysely';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { connectDatabase, type Database_ } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { postgresEventStore } from '../../commands/eventStore/postgres.js';
import type { EventStore } from '../../commands/eventStore/port.js';
import { testDatabase, skipNotice, type TestDatabase } from '../support/services.js';

type Ctx = {
  database: TestDatabase | null;
  a: Database_;
  b: Database_;
  storeA: EventStore;
  storeB: EventStore;
};
const test = suite<Ctx>('LISTEN reconnects');

test.before(async (ctx) => {
  ctx.database = await testDatabase({ requirePostgres: true });
  if (!ctx.database) return skipNotice('LISTEN reconnects', 'needs a Postgres server');
  ctx.a = await connectDatabase({ url: ctx.database.url });
  ctx.b = await connectDatabase({ url: ctx.database.url });
  await migrateToLatest(ctx.a.db);
  ctx.storeA = await postgresEventStore(ctx.a.db, { listen: ctx.a.listen, pool: ctx.a.pool });
  ctx.storeB = await postgresEventStore(ctx.b.db, { listen: ctx.b.listen, pool: ctx.b.pool });
});
test.after(async (ctx) => {
  if (!ctx.database) return;
  await ctx.storeA.close();
  await ctx.storeB.close();
  await ctx.a.close();
  await ctx.b.close();
  await ctx.database.drop();
});

const until = async (check: () => Promise<boolean> | boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
};

/** The pids of this database's backends listening (idle after LISTEN). */
const listeners = async (ctx: Ctx) => {
  const { rows } = await sql<{ pid: number }>`
    SELECT pid FROM pg_stat_activity
    WHERE datname = current_database() AND query LIKE 'LISTEN %' AND pid <> pg_backend_pid()`.execute(
    ctx.b.db,
  );
  return rows.map((r) => r.pid);
};

let n = 0;
const append = (store: EventStore) =>
  store.appendToStream(`test-${++n}`, [{ type: 'Pinged', data: {}, metadata: {} as never }], {
    expectedRevision: 'any',
  });

test("another node's append wakes this node, before and after its LISTEN backend is terminated", async (ctx) => {
  if (!ctx.database) return;
  let wakes = 0;
  ctx.storeA.onAppended(() => wakes++);
  await until(async () => (await listeners(ctx)).length >= 2);

  await append(ctx.storeB);
  assert.ok(await until(() => wakes > 0), 'no wake-up before the loss');

  for (let round = 1; round <= 2; round++) {
    const before = await listeners(ctx);
    const { rows } = await sql<{ ok: boolean }>`
      SELECT bool_and(pg_terminate_backend(pid)) AS ok FROM unnest(${before}::int[]) AS pid`.execute(
      ctx.b.db,
    );
    assert.ok(rows[0]!.ok, 'the listening backends were terminated');
    // Both stores listen again on new backends (with back-off), and say so with a wake-up of their own.
    assert.ok(
      await until(async () => {
        const now = await listeners(ctx);
        return now.length >= 2 && now.every((pid) => !before.includes(pid));
      }),
      `round ${round}: LISTEN did not come back`,
    );
    await new Promise((r) => setTimeout(r, 100));
    wakes = 0;
    await append(ctx.storeB);
    assert.ok(await until(() => wakes > 0, 5000), `round ${round}: no wake-up after the reconnect`);
  }
});

test.run();
