// The Postgres event store passes the contract on a real server (pg) and in-process (PGlite).
import { sql } from 'kysely';
import { connectDatabase } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { postgresEventStore } from '../../commands/eventStore/postgres.js';
import { eventStoreContract, type ContractHarness } from '../../commands/eventStore/contract.js';
import type { NewEvent } from '../../commands/eventStore/port.js';
import { testDatabase } from '../support/services.js';
import { skippedSuite } from '../support/suite.js';

async function openPostgres(): Promise<ContractHarness> {
  const database = (await testDatabase({ requirePostgres: true }))!;
  const conn = await connectDatabase({ url: database.url, poolSize: 40 });
  await migrateToLatest(conn.db);
  const store = await postgresEventStore(conn.db, { listen: conn.listen, pool: conn.pool });
  return {
    store,
    // A transaction that inserts its row (taking a low global_position) and commits only when told to.
    async holdOpenAppend(streamId: string, events: NewEvent[]) {
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      let written!: () => void;
      const wasWritten = new Promise<void>((r) => (written = r));
      const done = conn.db.transaction().execute(async (trx) => {
        for (const [i, e] of events.entries()) {
          await sql`INSERT INTO events (stream_id, stream_revision, event_id, type, data, metadata)
                    VALUES (${streamId}, ${i}, gen_random_uuid(), ${e.type}, ${JSON.stringify(e.data)}::jsonb, ${JSON.stringify(e.metadata)}::jsonb)`.execute(
            trx,
          );
        }
        written();
        await released;
      });
      await wasWritten;
      return {
        async commit() {
          release();
          await done;
        },
      };
    },
    async close() {
      await store.close();
      await conn.close();
      await database.drop();
    },
  };
}

async function openPglite(): Promise<ContractHarness> {
  const conn = await connectDatabase({});
  await migrateToLatest(conn.db);
  const store = await postgresEventStore(conn.db, { kind: 'pglite' });
  return {
    store,
    // One connection: a transaction held open would stop every other writer, so the late writer appends last.
    async holdOpenAppend(streamId: string, events: NewEvent[]) {
      return {
        commit: async () =>
          void (await store.appendToStream(streamId, events, { expectedRevision: 'no_stream' })),
      };
    },
    close: async () => {
      await store.close();
      await conn.close();
    },
  };
}

const { postgresAvailable } = await import('../support/services.js');
if (await postgresAvailable())
  eventStoreContract('postgres (pg)', openPostgres, { concurrentWriters: 16 }).run();
else
  skippedSuite(
    'event store contract: postgres (pg)',
    'no Postgres server answers (set DATABASE_URL or start one on 127.0.0.1:5432)',
    ['contract'],
  );
eventStoreContract('pglite', openPglite).run();
