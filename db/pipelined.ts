// A connection that sends writes without waiting for them, for a replay into tables nobody else reads. Its
// statements still run one after another in the order they were sent (this module keeps the queue), so a read
// waits behind every earlier write and sees it; only the caller does not wait, and goes on to its next batch
// while Postgres works through this one. A write's answer is not known when the caller goes on (it looks like
// an answer with no rows), so this is only for code that never reads what a write returns; a failure surfaces
// from `settle`.
//
// The writes of a transaction go to the server together, as one script ending with its COMMIT (their
// parameters written into the text as quoted literals, typed by their context exactly as an untyped parameter
// is). Sent one by one, each statement would wait for this process to read the answer of the one before it, and
// this process is busy folding the next page: the server would sit idle between them.
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { prepareValue } from 'pg/lib/utils.js';
import type { Database } from './schema.js';

/** Statements whose answer nobody reads: plain writes and the transaction's own begin and commit. */
const UNREAD = /^\s*(insert|update|delete|begin|commit)\b/i;
const RETURNING = /\breturning\b/i;
const COMMIT = /^\s*commit\b/i;
/** Text that a placeholder substitution could misread: quoted strings and dollar quotes of its own. */
const QUOTED = /'|\$[A-Za-z_]/;

export type PipelinedConnection = {
  /** A Kysely bound to this one connection. */
  db: Kysely<Database>;
  /** Waits for every statement sent since the last settle; throws the first failure, or a rolled-back commit. */
  settle(): Promise<void>;
  /** Gives the connection back (closed instead if a statement failed, as its transaction may still be open). */
  release(): void;
};

export async function pipelinedConnection(pool: pg.Pool): Promise<PipelinedConnection> {
  const client = await pool.connect();
  let sent: Promise<void>[] = [];
  let failed = false;
  // Writes held until their transaction commits (or something must run after them), then sent as one script.
  let script: string[] = [];
  // The connection's own queue: each message is handed to the client once the one before it has finished.
  let tail: Promise<unknown> = Promise.resolve();
  const inTurn = (text: string, params?: unknown[]) => {
    const turn = tail.then(() => client.query(text, params));
    tail = turn.catch(() => undefined);
    turn.catch(() => (failed = true));
    return turn;
  };
  const unanswered = (turn: Promise<pg.QueryResult>, commits: boolean) => {
    // A script answers with one result per statement.
    const done = turn.then((answer: pg.QueryResult | pg.QueryResult[]) => {
      const last = Array.isArray(answer) ? answer[answer.length - 1] : answer;
      // A transaction that failed earlier answers its COMMIT with ROLLBACK instead of an error.
      if (commits && last?.command !== 'COMMIT') {
        failed = true;
        throw new Error('a replay transaction rolled back instead of committing');
      }
    });
    done.catch(() => undefined); // reported by settle
    sent.push(done);
  };
  const flush = (commits = false) => {
    if (script.length === 0) return;
    const text = script.join(';\n');
    script = [];
    unanswered(inTurn(text), commits);
  };
  const query = (text: string, params: unknown[] = []) => {
    if (!UNREAD.test(text) || RETURNING.test(text)) {
      flush();
      return inTurn(text, params);
    }
    const inlined = QUOTED.test(text) ? null : inline(text, params);
    if (inlined === null) {
      flush();
      unanswered(inTurn(text, params), COMMIT.test(text));
    } else {
      script.push(inlined);
      if (COMMIT.test(text)) flush(true);
    }
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
      flush();
      const batch = sent;
      sent = [];
      await Promise.all(batch);
    },
    release: () => client.release(failed),
  };
}

/**
 * The statement with its `$n` placeholders replaced by the parameters as quoted literals: the text `pg` itself
 * would send (its `prepareValue`), dollar-quoted so that nothing inside needs escaping. Null for a parameter `pg`
 * sends as bytes: that statement is then sent on its own, with its parameters.
 */
export function inline(text: string, params: readonly unknown[]): string | null {
  const literals: string[] = [];
  for (const value of params) {
    const literal = literalOf(value);
    if (literal === undefined) return null;
    literals.push(literal);
  }
  return text.replace(/\$(\d+)/g, (_, n: string) => literals[Number(n) - 1]!);
}

function literalOf(value: unknown): string | undefined {
  const text = prepareValue(value);
  if (text === null) return 'NULL';
  if (typeof text !== 'string') return undefined;
  let tag = '$p$';
  for (let i = 0; text.includes(tag); i++) tag = `$p${i}$`;
  return tag + text + tag;
}
