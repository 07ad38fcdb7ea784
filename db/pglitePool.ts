// Lets Kysely's PostgresDialect drive PGlite. PGlite is one connection, so the "pool" hands it to one client
// at a time: a transaction holds it until it ends, and everyone else waits their turn.
import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

export function pglitePool(pg: PGlite): PostgresPool {
  let tail: Promise<void> = Promise.resolve();

  const acquire = async (): Promise<() => void> => {
    let release!: () => void;
    const previous = tail;
    tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    return release;
  };

  return {
    async connect(): Promise<PostgresPoolClient> {
      const release = await acquire();
      let released = false;
      return {
        async query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
          const result = await pg.query<R>(sql, parameters as unknown[]);
          const command = sql.trimStart().slice(0, 6).toUpperCase() as PostgresQueryResult<R>['command'];
          return { command, rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
        },
        release() {
          if (!released) {
            released = true;
            release();
          }
        },
      } as PostgresPoolClient;
    },
    async end() {
      await tail;
      await pg.close();
    },
  };
}
