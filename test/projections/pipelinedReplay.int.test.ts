// The pipelined connection a rebuild replays on: writes are sent without waiting, yet a read sent after them
// sees them, and a write that fails is reported (the transaction does not quietly roll back).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { sql } from 'kysely';
import type pg from 'pg';
import { connectDatabase } from '../../db/connect.js';
import { pipelinedConnection } from '../../db/pipelined.js';
import { postgresAvailable, testDatabase } from '../support/services.js';
import { skippedSuite } from '../support/suite.js';

if (!(await postgresAvailable())) {
  skippedSuite('pipelined replay connection', 'needs a Postgres server (PGlite has no pg pool)', [
    'reads see the writes sent before them, and the commit makes them everyone’s',
    'a write that fails is reported by settle, and its transaction is not committed',
  ]);
} else {
  const test = suite('pipelined replay connection');

  const withTable = async (run: (pool: pg.Pool) => Promise<void>) => {
    const database = (await testDatabase({ requirePostgres: true }))!;
    const conn = await connectDatabase({ url: database.url });
    try {
      await sql`CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL)`.execute(conn.db);
      await run(conn.pool!);
    } finally {
      await conn.close();
      await database.drop();
    }
  };

  test('reads see the writes sent before them, and the commit makes them everyone’s', async () => {
    await withTable(async (pool) => {
      const pipe = await pipelinedConnection(pool);
      try {
        const seen = await pipe.db.transaction().execute(async (trx) => {
          for (let i = 1; i <= 200; i++)
            await sql`INSERT INTO notes VALUES (${i}, ${`note ${i}`})`.execute(trx);
          await sql`UPDATE notes SET body = 'first' WHERE id = 1`.execute(trx);
          const { rows } = await sql<{ n: string; body: string }>`
            SELECT count(*)::text AS n, min(body) FILTER (WHERE id = 1) AS body FROM notes`.execute(trx);
          return rows[0]!;
        });
        assert.equal(seen, { n: '200', body: 'first' }, 'the read ran after the 201 writes sent before it');
        await pipe.settle();
        // Another connection of the pool sees the committed rows.
        const { rows } = await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM notes');
        assert.is(rows[0]!.n, '200');
      } finally {
        pipe.release();
      }
    });
  });

  test('a write that fails is reported by settle, and its transaction is not committed', async () => {
    await withTable(async (pool) => {
      const pipe = await pipelinedConnection(pool);
      try {
        // The duplicate key fails on the server after the caller has gone on: the commit then rolls back.
        await pipe.db.transaction().execute(async (trx) => {
          await sql`INSERT INTO notes VALUES (1, 'one')`.execute(trx);
          await sql`INSERT INTO notes VALUES (1, 'again')`.execute(trx);
        });
        let failure: unknown = null;
        await pipe.settle().catch((e: unknown) => (failure = e));
        assert.match(String((failure as Error)?.message), /duplicate key/);
        const { rows } = await sql<{ n: string }>`SELECT count(*)::text AS n FROM notes`.execute(pipe.db);
        assert.is(rows[0]!.n, '0', 'nothing of the failed transaction is left');
      } finally {
        pipe.release();
      }
    });
  });

  test.run();
}
