// Opens the database: Postgres through `pg` when a URL is given, otherwise PGlite in-process (the embedded default).
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database, Db } from './schema.js';
import { pglitePool } from './pglitePool.js';

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

export async function connectDatabase(options: {
  url?: string;
  dataDir?: string;
  poolSize?: number;
}): Promise<Database_> {
  if (options.url) return connectPostgres(options.url, options.poolSize ?? 20);
  return connectPglite(options.dataDir);
}

function connectPostgres(url: string, max: number): Database_ {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => undefined); // an idle client dropped by the server; the pool replaces it
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const listen: Listen = async (channel, onNotify) => {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => undefined);
    await client.connect();
    client.on('notification', () => onNotify());
    await client.query(`LISTEN ${channel}`);
    return async () => {
      await client.end().catch(() => undefined);
    };
  };
  return { db, kind: 'postgres', listen, pool, close: () => db.destroy() };
}

async function connectPglite(dataDir?: string): Promise<Database_> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = dataDir ? new PGlite(dataDir) : new PGlite();
  await pglite.waitReady;
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(pglite) }) });
  return { db, kind: 'pglite', listen: async () => async () => undefined, close: () => db.destroy() };
}
