// Projectors pass over the events they do not read without a database transaction, and still never lose or
// double one: the stored checkpoint catches up with the next event they apply, a restarted projector resumes
// from it, and two nodes running the same projector apply each event once.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { connectDatabase } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { postgresEventStore } from '../../commands/eventStore/postgres.js';
import type { EventStore } from '../../commands/eventStore/port.js';
import { newEvents, stream } from '../../commands/eventStore/contractSupport.js';
import { readCheckpoint } from '../../commands/logConsumer/checkpoints.js';
import { projectionRunner } from '../../projections/runner.js';
import type { TypedProjection } from '../../projections/projection.js';
import { testDatabase } from '../support/services.js';

const database = (await testDatabase())!;
const conn = await connectDatabase({ url: database.url });
await migrateToLatest(conn.db);
const store = await postgresEventStore(conn.db);
const test = suite('projectors passing over what they do not read');
test.after(async () => {
  await store.close();
  await conn.close();
  await database.drop();
});

/** Appends `n` events of `type` to streams of their own. */
async function append(eventStore: EventStore, type: string, n: number) {
  for (let i = 0; i < n; i++)
    await eventStore.appendToStream(stream(), newEvents(1, type), { expectedRevision: 'no_stream' });
}

/** A read model that only counts what it was given, by event id. */
function counting(name: string) {
  const applied: string[] = [];
  const projection: TypedProjection = {
    name,
    tables: [],
    handles: new Set(['LiveSessionScheduled']),
    apply: async (_db, event) => void applied.push(event.eventId),
  };
  return { projection, applied };
}

test('a run of events it does not read moves no stored checkpoint; the next one it reads does', async () => {
  const { projection, applied } = counting('probe-pass-over');
  const runner = projectionRunner(conn.db, store, [projection], { pollMs: 20 });
  runner.start();
  try {
    await append(store, 'LiveSessionCanceled', 20);
    assert.ok(await runner.waitFor(undefined, 10_000), 'the read model is reported at the head');
    assert.is(applied.length, 0);
    assert.is(await readCheckpoint(conn.db, projection.name), null, 'passed over without a transaction');

    await append(store, 'LiveSessionScheduled', 1);
    const head = await store.headPosition();
    assert.ok(await runner.waitFor(head, 10_000));
    assert.is(applied.length, 1);
    assert.is(await readCheckpoint(conn.db, projection.name), head, 'stored with the event it applied');
  } finally {
    await runner.stop();
  }

  // A restart resumes from the stored checkpoint: nothing applied twice, nothing after it missed.
  await append(store, 'LiveSessionCanceled', 5);
  await append(store, 'LiveSessionScheduled', 2);
  const again = projectionRunner(conn.db, store, [projection], { pollMs: 20 });
  await again.catchUp();
  assert.is(applied.length, 3);
  assert.is(new Set(applied).size, 3, 'no event applied twice');
});

test('two nodes running one projector apply every event once', async () => {
  const { projection, applied } = counting('probe-two-nodes');
  const nodes = [0, 1].map(() => projectionRunner(conn.db, store, [projection], { pollMs: 10 }));
  for (const node of nodes) node.start();
  try {
    for (let round = 0; round < 10; round++) {
      await append(store, 'LiveSessionScheduled', 3);
      await append(store, 'LiveSessionCanceled', 2);
    }
    const head = await store.headPosition();
    for (const node of nodes) assert.ok(await node.waitFor(head, 20_000), 'each node sees the head');
  } finally {
    for (const node of nodes) await node.stop();
  }
  const ours = applied.length;
  assert.is(new Set(applied).size, ours, 'no event applied twice');
  // Every LiveSessionScheduled in the log so far: 3 from the first test and 30 here.
  assert.is(ours, 33);
});

test.run();
