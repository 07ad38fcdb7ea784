// Where tests find Postgres and NATS. DATABASE_URL / NATS_URL when set; otherwise the local servers when they
// answer; otherwise PGlite and the local bus, with suites that need a real server skipped and saying why.
// With CI=true a missing Postgres or NATS fails the run instead.
import { randomBytes } from 'node:crypto';
import { Socket } from 'node:net';
import pg from 'pg';

export const isCI = process.env.CI === 'true';

const ADMIN_URL =
  process.env.TEST_POSTGRES_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NATS = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

function reachable(url: string, defaultPort: number): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000);
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(port || defaultPort), hostname || '127.0.0.1');
  });
}

let postgresAnswer: Promise<boolean> | undefined;
export async function postgresAvailable(): Promise<boolean> {
  postgresAnswer ??= reachable(ADMIN_URL, 5432);
  const ok = await postgresAnswer;
  if (!ok && isCI) throw new Error(`CI=true but Postgres does not answer at ${ADMIN_URL}`);
  return ok;
}

let natsAnswer: Promise<boolean> | undefined;
export async function natsUrl(): Promise<string | null> {
  natsAnswer ??= reachable(NATS.split(',')[0]!.replace(/^nats:/, 'http:'), 4222);
  const ok = await natsAnswer;
  if (!ok && isCI) throw new Error(`CI=true but NATS does not answer at ${NATS}`);
  return ok ? NATS : null;
}

export type TestDatabase = { url: string | undefined; kind: 'postgres' | 'pglite'; drop(): Promise<void> };

/** A new, empty database for one suite: on the Postgres server when there is one, else PGlite in memory. */
export async function testDatabase(
  options: { requirePostgres?: boolean } = {},
): Promise<TestDatabase | null> {
  if (!(await postgresAvailable())) {
    if (options.requirePostgres) return null;
    return { url: undefined, kind: 'pglite', drop: async () => undefined };
  }
  const name = `lectern_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: 'postgres',
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Prints why a suite did not run; the runner counts its tests as skipped. */
export function skipNotice(suite: string, why: string) {
  console.log(`SKIPPED ${suite}: ${why}`);
}
