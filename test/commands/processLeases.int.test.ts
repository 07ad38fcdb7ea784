// Leases: nodes on one database run the same process managers, but one node at a time carries each out; when
// that node stops renewing (hung or dead) another takes over within the lease's time, skipping nothing; the
// schedule top-up runs once per period for the whole cluster.
import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { connectDatabase } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { postgresEventStore } from '../../commands/eventStore/postgres.js';
import type { EventStore } from '../../commands/eventStore/port.js';
import { processRunner, type ProcessRunner } from '../../commands/processes/runner.js';
import type { Process } from '../../commands/processes/process.js';
import { leaseHolder, takeLease } from '../../commands/processes/leases.js';
import { readCheckpoint } from '../../commands/logConsumer/checkpoints.js';
import { newEvents, stream } from '../../commands/eventStore/contractSupport.js';
import { startScheduleRuleTopUp } from '../../commands/scheduleRulesTopUp.js';
import { postgresAvailable, testDatabase, type TestDatabase } from '../support/services.js';
import { skippedSuite } from '../support/suite.js';

const SUITE = 'process leases';
const LEASE_MS = 1500;

type Ctx = {
  database: TestDatabase;
  conn: Awaited<ReturnType<typeof connectDatabase>>;
  store: EventStore;
};

/** A process that notes which node handled which credit, and can be made to hang on one node. */
function probe(node: string, handled: { node: string; eventId: string }[], hang: { node: string | null }) {
  return {
    name: 'lease-probe',
    handles: new Set(['WalletCredited'] as const),
    async handle(event) {
      while (hang.node === node) await new Promise((r) => setTimeout(r, 50));
      handled.push({ node, eventId: event.eventId });
      return null;
    },
  } satisfies Process;
}

async function credit(store: EventStore, n: number): Promise<string> {
  let position = '';
  for (let i = 0; i < n; i++) {
    const walletId = randomUUID();
    const at = '2026-11-23T08:00:00.000Z';
    const meta = { commandId: randomUUID(), correlationId: randomUUID(), causationId: randomUUID() };
    const result = await store.appendToStream(
      `wallet-${walletId}`,
      [
        {
          type: 'WalletCredited',
          data: { walletId, entryId: randomUUID(), tokens: 1, reason: 'test', balanceAfter: 1 },
          metadata: { ...meta, actorId: null, orgId: randomUUID(), at },
        },
      ],
      { expectedRevision: 'any' },
    );
    position = result.position;
  }
  return position;
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.unreachable(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function main() {
  const test = suite<Ctx>(SUITE);
  test.before.each(async (ctx) => {
    ctx.database = (await testDatabase({ requirePostgres: true }))!;
    ctx.conn = await connectDatabase({ url: ctx.database.url });
    await migrateToLatest(ctx.conn.db);
    ctx.store = await postgresEventStore(ctx.conn.db, { listen: ctx.conn.listen, pool: ctx.conn.pool });
  });
  test.after.each(async ({ store, conn, database }) => {
    await store.close();
    await conn.close();
    await database.drop();
  });

  test('one node carries out a process; the others follow its checkpoint', async ({ conn, store }) => {
    const handled: { node: string; eventId: string }[] = [];
    const hang = { node: null };
    const nodes: ProcessRunner[] = ['a', 'b', 'c'].map((node) =>
      processRunner(conn.db, store, [probe(node, handled, hang)], { holder: node, leaseMs: LEASE_MS }),
    );
    nodes.forEach((n) => n.start());
    try {
      const last = await credit(store, 30);
      for (const node of nodes) assert.ok(await node.waitFor(last, 60_000), 'every node sees it done');
      assert.is(handled.length, 30, 'each event handled once');
      assert.is(new Set(handled.map((h) => h.node)).size, 1, 'all on one node');
      assert.is(await leaseHolder(conn.db, 'process:lease-probe'), handled[0]!.node);
    } finally {
      for (const n of nodes) await n.stop();
    }
  });

  test('the other nodes reach events the process does not handle without waiting for the holder to store them', async ({
    conn,
    store,
  }) => {
    const handled: { node: string; eventId: string }[] = [];
    const hang = { node: null };
    // The holder stores its checkpoint only with an event it handles (or after a minute here).
    const options = { leaseMs: LEASE_MS, storeSkippedAfterMs: 60_000 };
    const nodes: ProcessRunner[] = ['a', 'b', 'c'].map((node) =>
      processRunner(conn.db, store, [probe(node, handled, hang)], { ...options, holder: node }),
    );
    nodes.forEach((n) => n.start());
    try {
      const handledUpTo = await credit(store, 1);
      for (const node of nodes) assert.ok(await node.waitFor(handledUpTo, 60_000));
      let last = '';
      for (let i = 0; i < 5; i++)
        last = (
          await store.appendToStream(stream(), newEvents(1, 'LiveSessionCanceled'), {
            expectedRevision: 'no_stream',
          })
        ).position;
      for (const node of nodes) assert.ok(await node.waitFor(last, 30_000), 'every node sees it done');
      assert.is(
        await readCheckpoint(conn.db, 'process:lease-probe'),
        handledUpTo,
        'the holder stored nothing for them',
      );
      // The next event it handles is waited for until the holder has handled it.
      const next = await credit(store, 1);
      for (const node of nodes) assert.ok(await node.waitFor(next, 60_000));
      assert.is(handled.length, 2, 'each credit handled once');
      assert.is(await readCheckpoint(conn.db, 'process:lease-probe'), next);
    } finally {
      for (const n of nodes) await n.stop();
    }
  });

  test('a node that stops renewing loses the process to another, which skips nothing', async ({
    conn,
    store,
  }) => {
    const handled: { node: string; eventId: string }[] = [];
    const hang: { node: string | null } = { node: null };
    const a = processRunner(conn.db, store, [probe('a', handled, hang)], { holder: 'a', leaseMs: LEASE_MS });
    a.start();
    await credit(store, 1);
    await until(() => handled.length === 1, 'node a handles the first event');
    const b = processRunner(conn.db, store, [probe('b', handled, hang)], { holder: 'b', leaseMs: LEASE_MS });
    b.start();
    try {
      // Node a hangs in the middle of an event and renews nothing from then on.
      hang.node = 'a';
      const last = await credit(store, 10);
      await until(async () => (await leaseHolder(conn.db, 'process:lease-probe')) === 'b', 'b takes over');
      assert.ok(await b.waitFor(last, 60_000), 'b reaches the end of the log');
      const byB = handled.filter((h) => h.node === 'b');
      assert.is(byB.length, 10, 'b handled every event a had not finished');
    } finally {
      hang.node = null;
      await a.stop();
      await b.stop();
    }
    assert.is(handled.filter((h) => h.node === 'a').length, 2, 'a only finished the event it hung in');
  });

  test('a lease taken for a period is claimed by one node, and again once the period is over', async ({
    conn,
  }) => {
    const claims = await Promise.all(
      ['a', 'b', 'c', 'd'].map((holder) => takeLease(conn.db, 'period', holder, 600, { renew: false })),
    );
    assert.is(claims.filter(Boolean).length, 1, 'one claim for the period');
    const winner = ['a', 'b', 'c', 'd'][claims.indexOf(true)]!;
    assert.is(await takeLease(conn.db, 'period', winner, 600, { renew: false }), false, 'not renewed');
    await until(async () => (await leaseHolder(conn.db, 'period')) === null, 'the period ends');
    assert.is(await takeLease(conn.db, 'period', 'e', 600, { renew: false }), true, 'the next period');
  });

  test('the schedule top-up runs once per period across the cluster', async ({ conn, store }) => {
    const runs: string[] = [];
    const clock = { now: () => new Date('2026-11-23T08:00:00.000Z') };
    const stops = ['a', 'b', 'c'].map((holder) =>
      startScheduleRuleTopUp(
        { db: conn.db, eventStore: store, clock },
        { intervalMs: 60_000, checkMs: 20, holder, onRun: () => runs.push(holder) },
      ),
    );
    try {
      await until(() => runs.length >= 1, 'a first run');
      // Many more ticks on every node within the same period.
      await new Promise((r) => setTimeout(r, 400));
      assert.is(runs.length, 1, `one run, not ${runs.join(', ')}`);
    } finally {
      for (const stop of stops) await stop();
    }
  });

  test.run();
}

if (await postgresAvailable()) await main();
else skippedSuite(SUITE, 'no Postgres server answers (the nodes share one database)', ['leases']);
