// A connection that sends writes without waiting for them, for a replay into tables nobody else reads. Its
// statements still run one after another in the order they were sent (this module keeps the queue), so a read
// waits behind every earlier write and sees it; only the caller does not wait, and goes on to its next batch
// while Postgres works through this one. A write's answer is not known when the caller goes on (it looks like
// an answer with no rows), so this is only for code that never reads what a write returns; a failure surfaces
// from `settle`.
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { Database } from './schema.js';

/** Statements whose answer nobody reads: plain writes and the transaction's own begin and commit. */
const UNREAD = /^\s*(insert|update|delete|begin|commit)\b/i;
const RETURNING = /\breturning\b/i;
const COMMIT = /^\s*commit\b/i;

export type PipelinedConnection = {
  /** A Kysely bound to this one connection. */
  db: Kysely<Database>;
  /** Waits for every statement sent since the last settle; throws the first failure, or a rolled-back commit. */
  settle(): Promise<void>;
  release(): void;
};

export async function pipelinedConnection(pool: pg.Pool): Promise<PipelinedConnection> {
  const client = await pool.connect();
  let sent: Promise<void>[] = [];
  // The connection's own queue: each statement is handed to the client once the one before it has finished.
  let tail: Promise<unknown> = Promise.resolve();
  const inTurn = (text: string, params?: unknown[]) => {
    const turn = tail.then(() => client.query(text, params));
    tail = turn.catch(() => undefined);
    return turn;
  };
  const query = (text: string, params?: unknown[]) => {
    if (!UNREAD.test(text) || RETURNING.test(text)) return inTurn(text, params);
    const done = inTurn(text, params).then((result) => {
      // A transaction that failed earlier answers its COMMIT with ROLLBACK instead of an error.
      if (COMMIT.test(text) && result.command !== 'COMMIT')
        throw new Error('a replay transaction rolled back instead of committing');
    });
    done.catch(() => undefined); // reported by settle
    sent.push(done);
    return Promise.resolve({ command: 'SELECT', rowCount: 0, rows: [] });
  };
  const connection = { query, release: () => undefined };
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: { connect: async () => connection, end: async () => undefined } as unknown as pg.Pool,
    }),
  });
  return {
    db,
    async settle() {
      const batch = sent;
      sent = [];
      await Promise.all(batch);
    },
    release: () => client.release(),
  };
}
