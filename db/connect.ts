// Opens the database: Postgres through `pg` when a URL is given, otherwise PGlite in-process (the embedded default).
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database, Db } from './schema.js';
import { pglitePool } from './pglitePool.js';
import { isUnreachable } from './whenReachable.js';

// int8 and numeric come back as strings from pg; our counts and positions fit in a double, positions stay text.
pg.types.setTypeParser(20, (v) => Number(v));

export type Listen = (channel: string, onNotify: () => void) => Promise<() => Promise<void>>;

export type Database_ = {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** LISTEN on a channel; the embedded database has no other process to hear from, so it is a no-op there. */
  listen: Listen;
  /** The `pg` pool behind `db` on Postgres: the event store runs its hot append as a prepared statement on it. */
  pool?: pg.Pool;
  close(): Promise<void>;
};

/** Defaults of the server-side timeouts every pooled Postgres connection gets (0 turns one off). */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;
export const DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

export async function connectDatabase(options: {
  url?: string;
  dataDir?: string;
  poolSize?: number;
  /** Postgres cancels a statement running longer (statement_timeout). */
  statementTimeoutMs?: number;
  /** Postgres ends a session idle inside a transaction longer (idle_in_transaction_session_timeout). */
  idleInTransactionTimeoutMs?: number;
}): Promise<Database_> {
  if (options.url)
    return connectPostgres(options.url, options.poolSize ?? 20, {
      statement_timeout: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
      idle_in_transaction_session_timeout:
        options.idleInTransactionTimeoutMs ?? DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    });
  return connectPglite(options.dataDir);
}

type Timeouts = { statement_timeout: number; idle_in_transaction_session_timeout: number };

function connectPostgres(url: string, max: number, timeouts: Timeouts): Database_ {
  // The timeouts go to the server with each connection: a runaway query or a transaction left open by a stuck
  // request cannot hold a connection (and its locks) for ever.
  const pool = new pg.Pool({ connectionString: url, max, ...timeouts });
  pool.on('error', () => undefined); // an idle client dropped by the server; the pool replaces it
  // A client that is checked out (in a transaction, between its statements) when the server ends its connection
  // (a Postgres restart, pg_terminate_backend) emits 'error' itself: without a listener that would end the process.
  // Its pending or next statement fails instead, and the pool discards it when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const listen: Listen = (channel, onNotify) => listenWithReconnect(url, channel, onNotify);
  return { db, kind: 'postgres', listen, pool, close: () => db.destroy() };
}

/**
 * LISTEN on a dedicated connection that comes back when it is lost (a restarted server, a terminated backend,
 * a network cut): on `error` or `end` it reconnects with jittered exponential back-off (0.1 s doubling to 10 s)
 * and, once listening again, calls `onNotify` once, since notifications sent meanwhile were missed. A first
 * connection refused because the server is away (restarting) goes the same way; any other failure is the caller's.
 */
async function listenWithReconnect(url: string, channel: string, onNotify: () => void) {
  let current: pg.Client | undefined;
  let stopped = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;

  const connect = async () => {
    const client = new pg.Client({ connectionString: url });
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      client.end().catch(() => undefined);
      if (current === client) current = undefined;
      if (!stopped) retry();
    };
    client.on('error', onLost);
    client.on('end', onLost);
    client.on('notification', () => onNotify());
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (error) {
      lost = true; // no retry from the handlers: the caller decides
      client.removeAllListeners('end');
      client.end().catch(() => undefined);
      throw error;
    }
    if (stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    current = client;
    failures = 0;
  };

  const retry = () => {
    const delay = Math.min(10_000, 100 * 2 ** failures++) * (0.5 + Math.random() / 2);
    timer = setTimeout(() => {
      timer = undefined;
      connect().then(
        () => !stopped && onNotify(),
        () => !stopped && retry(),
      );
    }, delay);
    timer.unref();
  };

  await connect().catch((error: unknown) => {
    if (!isUnreachable(error)) throw error;
    retry();
  });
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await current?.end().catch(() => undefined);
  };
}

async function connectPglite(dataDir?: string): Promise<Database_> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = dataDir ? new PGlite(dataDir) : new PGlite();
  await pglite.waitReady;
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(pglite) }) });
  return { db, kind: 'pglite', listen: async () => async () => undefined, close: () => db.destroy() };
}
