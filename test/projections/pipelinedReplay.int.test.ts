// The pipelined connection a rebuild replays on: writes are sent without waiting, yet a read sent after them
// sees them, and a write that fails is reported (the transaction does not quietly roll back).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { sql } from 'kysely';
import type pg from 'pg';
import { connectDatabase } from '../../db/connect.js';
import { inline, pipelinedConnection } from '../../db/pipelined.js';
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

  test('parameters written into a transaction’s script arrive exactly as they were sent', async () => {
    await withTable(async (pool) => {
      await pool.query(
        'CREATE TABLE facts (id int PRIMARY KEY, body text, at timestamptz, done boolean, doc jsonb, tags uuid[])',
      );
      const awkward = [
        "it's",
        'a $p$ tag and $p0$ another',
        'back\\slash \\x00 and "quotes"',
        'émoji 🎓 and\nnewline',
        '',
      ];
      const tags = ['5f2d6a46-3f1c-4a5e-9a0b-1c2d3e4f5a6b', '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e'];
      const pipe = await pipelinedConnection(pool);
      try {
        await pipe.db.transaction().execute(async (trx) => {
          for (const [i, body] of awkward.entries())
            await trx
              .insertInto('facts' as never)
              .values({
                id: i + 1,
                body,
                at: new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)),
                done: i % 2 === 0,
                doc: JSON.stringify({ body, n: i }),
                tags,
              } as never)
              .execute();
          // Ten parameters and more: $1 is not mistaken for the start of $10.
          await sql`UPDATE facts SET body = body || ${'!'} WHERE id = ANY(${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]}::int[])
            AND ${'a1'} < ${'a2'} AND ${'a3'} < ${'a4'} AND ${'a5'} < ${'a6'} AND ${'a7'} < ${'a8'} AND ${'a9'} < ${'b10'}`.execute(
            trx,
          );
          // A statement with a quoted string of its own goes on its own, in its turn.
          await sql`UPDATE facts SET done = NOT done WHERE body = 'it''s!'`.execute(trx);
          await sql`INSERT INTO facts (id, body) VALUES (${99}, ${null})`.execute(trx);
        });
        await pipe.settle();
      } finally {
        pipe.release();
      }
      const { rows } = await pool.query(
        `SELECT id, body, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS at, done, doc,
           tags::text[] AS tags FROM facts ORDER BY id`,
      );
      assert.equal(rows, [
        ...awkward.map((body, i) => ({
          id: i + 1,
          body: `${body}!`,
          at: '2026-01-02T03:04:05.006',
          done: i === 0 ? false : i % 2 === 0,
          doc: { body, n: i },
          tags,
        })),
        { id: 99, body: null, at: null, done: null, doc: null, tags: null },
      ]);
    });
  });

  test('a parameter with no text form here is sent as a parameter, not written into the script', () => {
    assert.is(inline('SELECT $1, $2', ["it's", 7]), "SELECT $p$it's$p$, $p$7$p$");
    assert.is(inline('SELECT $1', [Buffer.from('bytes')]), null);
    assert.is(inline('SELECT $1', [['a"b', null]]), 'SELECT $p${"a\\"b",NULL}$p$');
  });

  test.run();
}
