// A school's first run: a fresh Postgres database gets no demo school (and so no known admin password) unless
// DEMO_SEED=on is set; `npm run setup` creates the first organisation and admin and prints a one-time link, with which the
// admin sets a password and is signed in, over HTTP against a started server.
import { spawn } from 'node:child_process';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { demoSeedWanted, loadConfig } from '../../kernel/config.js';
import { freePort } from '../realtime/support/cluster.js';
import { postgresAvailable, testDatabase } from '../support/services.js';

const test = suite('first run');
const enabled = await postgresAvailable();

/** Runs a script (through tsx) to its end; its exit code and what it printed. */
function run(script: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, output })),
  );
}

/** `npm start` on the database: resolves once it listens; `stop()` ends it. */
async function start(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: {
      ...process.env,
      NATS_URL: '',
      EVENTSTORE_URL: '',
      DEMO_SEED: '',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://localhost:${port}`,
      LOG_LEVEL: 'warn',
      LECTERN_SKIP_WEB_BUILD: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  for (let i = 0; i < 1800 && !output.includes('Lectern is running'); i++) {
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(output.includes('Lectern is running'), `server did not start:\n${output}`);
  return {
    base: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

const post = (base: string, path: string, body: unknown, cookie?: string) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
const demoAdmin = { email: 'admin@demo.lectern.dev', password: 'lectern-demo' };

test('demo data only on the embedded default or with DEMO_SEED=on', () => {
  const wanted = (env: Record<string, string>, nodeEnv?: string) => demoSeedWanted(loadConfig(env), nodeEnv);
  const postgres = { DATABASE_URL: 'postgres://lectern@db.example.org/lectern' };
  assert.is(wanted({}), true, 'the embedded default (PGlite) gets the demo school');
  assert.is(wanted({}, 'production'), false, 'not in production, even on PGlite');
  assert.is(wanted(postgres), false, 'not on Postgres');
  assert.is(wanted({ ...postgres, PUBLIC_URL: 'https://lectern.example.org' }), false);
  assert.is(wanted({ EVENTSTORE_URL: 'esdb://127.0.0.1:2113' }), false, 'not on EventStoreDB');
  assert.is(wanted({ DEMO_SEED: 'auto', ...postgres }), false, 'auto is the default, not a request');
  assert.is(wanted({ DEMO_SEED: 'on', ...postgres }, 'production'), true, 'on: asked for explicitly');
  assert.is(wanted({ DEMO_SEED: 'off' }), false);
  assert.throws(() => loadConfig({ DEMO_SEED: 'yes' }), /DEMO_SEED/);
});

test('a fresh Postgres database has no demo school and no known password', async () => {
  if (!enabled) return console.log('SKIPPED first run on Postgres: no Postgres server');
  // (DEMO_SEED=on on Postgres, and its demo logins, are walked through in test/api/server.int.)
  const empty = (await testDatabase({ requirePostgres: true }))!;
  try {
    const server = await start({ DATABASE_URL: empty.url! });
    try {
      assert.not.match(server.output(), /Demo organisation created|lectern-demo/);
      assert.match(server.output(), /npm run setup/);
      assert.is((await post(server.base, '/api/auth/login', demoAdmin)).status, 401);
    } finally {
      await server.stop();
    }
  } finally {
    await empty.drop();
  }
});

test('npm run setup: the first organisation and admin, and a one-time link that signs the admin in', async () => {
  if (!enabled) return;
  const database = (await testDatabase({ requirePostgres: true }))!;
  try {
    const env = { DATABASE_URL: database.url!, PUBLIC_URL: 'https://lectern.example.org' };
    const missing = await run('scripts/setup.ts', ['--org', 'Sunny Languages'], env);
    assert.is(missing.code, 2, missing.output);
    assert.match(missing.output, /missing --name, --email/);

    const bad = await run('scripts/setup.ts', ['--org', 'Sunny', '--name', 'Ada', '--email', 'nope'], env);
    assert.is(bad.code, 2, bad.output);
    assert.match(bad.output, /email: is not an e-mail address/);

    const args = ['--org', 'Sunny Languages', '--name', 'Ada Admin', '--email', 'Ada@Sunny.example.org'];
    const setup = await run('scripts/setup.ts', [...args, '--time-zone', 'Europe/Berlin'], env);
    assert.is(setup.code, 0, setup.output);
    assert.match(setup.output, /Organisation "Sunny Languages" created/);
    const link = /https:\/\/lectern\.example\.org\/set-password#token=([\w-]+)/.exec(setup.output);
    assert.ok(link, `a one-time link is printed:\n${setup.output}`);

    const again = await run(
      'scripts/setup.ts',
      ['--org', 'Other', '--name', 'Bob', '--email', 'b@x.org'],
      env,
    );
    assert.is(again.code, 2, again.output);
    assert.match(again.output, /already has an organisation/);

    const server = await start({ DATABASE_URL: database.url! });
    try {
      const token = link![1]!;
      const password = 'a long first password';
      const set = await post(server.base, '/api/auth/set-password', { token, password });
      assert.is(set.status, 200, await set.clone().text());
      const me = (await set.json()) as { role: string; name: string; timeZone: string };
      assert.equal([me.role, me.name, me.timeZone], ['admin', 'Ada Admin', 'Europe/Berlin']);
      const cookie = set.headers.get('set-cookie')!.split(';')[0]!;
      assert.is((await fetch(`${server.base}/api/people`, { headers: { cookie } })).status, 200);
      // The link works once.
      assert.is((await post(server.base, '/api/auth/set-password', { token, password })).status, 400);
      const login = await post(server.base, '/api/auth/login', { email: 'ada@sunny.example.org', password });
      assert.is(login.status, 200);
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
  }
});

test.run();
