// A node started while Postgres cannot be reached (restarting, or the stack coming up at once) waits for it and
// then starts normally, instead of exiting; a database that answers "no" (one that does not exist) is reported
// at once. Postgres is made unreachable by a TCP relay on a port of its own that starts forwarding later.
import { createServer, connect, type Server } from 'node:net';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openRuntime } from '../../main/runtime.js';
import { loadConfig } from '../../kernel/config.js';
import { pendingMigrations } from '../../db/migrate.js';
import { testDatabase } from '../support/services.js';
import { skippedSuite } from '../support/suite.js';
import { freePort } from '../realtime/support/cluster.js';

const SUITE = 'database at start-up';
const database = await testDatabase({ requirePostgres: true });

if (!database?.url) {
  skippedSuite(SUITE, 'no Postgres server reachable (PGlite has no start-up wait)', [
    'a node waits for a Postgres that comes back',
    'a database that does not exist is reported at once',
  ]);
} else {
  const target = new URL(database.url);

  /** Forwards connections on `port` to the real Postgres. */
  function relay(port: number): Promise<Server> {
    const server = createServer((client) => {
      const upstream = connect(Number(target.port || 5432), target.hostname);
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
  }

  test('a node started while Postgres refuses connections waits, then migrates and serves', async () => {
    const port = await freePort();
    const url = new URL(database.url!);
    url.port = String(port);
    let server: Server | undefined;
    const comesBack = new Promise<void>((resolve) =>
      setTimeout(() => void relay(port).then((s) => ((server = s), resolve())), 1500),
    );
    const started = Date.now();
    const runtime = await openRuntime(
      loadConfig({ DATABASE_URL: url.toString(), DATABASE_STARTUP_TIMEOUT_MS: '30000' }),
      { startProjections: false },
    );
    try {
      await comesBack;
      assert.ok(Date.now() - started >= 1400, 'it waited for the database');
      assert.equal(await pendingMigrations(runtime.deps.db), [], 'every migration applied');
      assert.ok((await runtime.deps.eventStore.headPosition()) !== undefined, 'the event store answers');
    } finally {
      await runtime.close();
      server?.close();
    }
  });

  test('a database that does not exist is reported at once, not waited for', async () => {
    const url = new URL(database.url!);
    url.pathname = '/lectern_no_such_database';
    const started = Date.now();
    const error = await openRuntime(
      loadConfig({ DATABASE_URL: url.toString(), DATABASE_STARTUP_TIMEOUT_MS: '30000' }),
      { startProjections: false },
    ).then(
      (r) => (void r.close(), null),
      (e: unknown) => e as { code?: string },
    );
    assert.is(error?.code, '3D000', 'invalid_catalog_name');
    assert.ok(Date.now() - started < 10_000, 'without waiting for the start-up timeout');
  });

  test.after(() => database.drop());
  test.run();
}
