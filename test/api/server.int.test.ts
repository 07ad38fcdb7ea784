// `npm start` as a newcomer runs it: the real server process on the embedded default (PGlite) and on Postgres
// (DATABASE_URL), answering /health and /docs, with a demo teacher who can sign in and read their week.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, createServer } from 'node:net';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testDatabase } from '../support/services.js';

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });

async function start(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: {
      ...process.env,
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
  return { base: `http://127.0.0.1:${port}`, output: () => output, child };
}

async function stop(child: ChildProcess) {
  // 'close' comes after 'exit' once its output is read to the end, so a failure shows all the node said.
  const code = new Promise<number | null>((r) => child.once('close', r));
  child.kill('SIGTERM');
  return code;
}

/** A response's status, its body read to the end (an unread body would keep its request open on the server). */
async function statusOf(response: Promise<Response>) {
  const res = await response;
  await res.arrayBuffer();
  return res.status;
}

async function walkThrough(base: string, output: string) {
  assert.match(output, /teacher@demo\.lectern\.dev/);
  const health = await fetch(`${base}/health`);
  assert.is(health.status, 200);
  assert.equal(await health.json(), { status: 'ok' });
  assert.is(await statusOf(fetch(`${base}/health/ready`)), 200);
  // Which stores and bus the node uses is for admins.
  assert.is(await statusOf(fetch(`${base}/health/details`)), 401);
  const adminLogin = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.lectern.dev', password: 'lectern-demo' }),
  });
  assert.is(adminLogin.status, 200);
  const details = await fetch(`${base}/health/details`, {
    headers: { cookie: adminLogin.headers.get('set-cookie')!.split(';')[0]! },
  });
  assert.is(details.status, 200);
  const body = (await details.json()) as {
    status: string;
    eventStore: { kind: string };
    readModels: { kind: string };
    bus: { kind: string };
  };
  assert.is(body.status, 'ok');
  assert.ok(body.eventStore.kind && body.readModels.kind && body.bus.kind);
  assert.is(await statusOf(fetch(`${base}/docs/json`)), 200);
  assert.is(await statusOf(fetch(`${base}/docs`, { redirect: 'follow' })), 200);
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'teacher@demo.lectern.dev', password: 'lectern-demo' }),
  });
  assert.is(login.status, 200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const now = new Date();
  const week = await fetch(
    `${base}/api/schedule?from=${now.toISOString()}&to=${new Date(now.getTime() + 8 * 86_400_000).toISOString()}`,
    { headers: { cookie } },
  );
  assert.is(week.status, 200);
  const { sessions } = (await week.json()) as { sessions: unknown[] };
  assert.ok(sessions.length >= 3, `the demo teacher has a week of sessions (got ${sessions.length})`);
  return body;
}

const test = suite('npm start');

test('on the embedded default (PGlite, in-process bus)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-'));
  try {
    const env = {
      ...process.env,
      DATABASE_URL: '',
      NATS_URL: '',
      EVENTSTORE_URL: '',
      DATA_DIR: join(dir, 'data'),
    } as Record<string, string>;
    const server = await start(env);
    const health = await walkThrough(server.base, server.output());
    assert.is(health.eventStore.kind, 'pglite');
    assert.is(health.bus.kind, 'local');
    // A client that never finishes its request (a stalled upload, a slow-loris) does not hold the shutdown: the
    // node closes its connection after the drain time and still stops cleanly.
    const stalled = connect(Number(new URL(server.base).port), '127.0.0.1');
    await new Promise((resolve) => stalled.once('connect', resolve));
    stalled.write('GET /health HTTP/1.1\r\nHost: localhost\r\n');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const code = await stop(server.child);
    stalled.destroy();
    assert.match(server.output(), /requests still open after 5000 ms of shutdown/);
    if (code !== 0)
      console.log(
        'SERVER OUTPUT',
        server
          .output()
          .split('\n')
          .filter((l) => !l.startsWith('mail (no SMTP'))
          .slice(-30)
          .join('\n'),
      );
    assert.is(code, 0, 'graceful shutdown');
    // A second start on the same data keeps it and seeds nothing new.
    const again = await start(env);
    assert.not.match(again.output(), /Demo organisation created/);
    await stop(again.child);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('with DATABASE_URL pointing at Postgres', async () => {
  const database = await testDatabase({ requirePostgres: true });
  if (!database) return console.log('SKIPPED npm start on Postgres: no Postgres server answers');
  try {
    // On Postgres the demo school comes only when asked for (DEMO_SEED=on); a school runs `npm run setup`.
    const server = await start({ DATABASE_URL: database.url!, NATS_URL: '', DEMO_SEED: 'on' });
    const health = await walkThrough(server.base, server.output());
    assert.is(health.eventStore.kind, 'postgres');
    await stop(server.child);
  } finally {
    await database.drop();
  }
});

test('a bad setting stops the start with a clear message', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, PORT: 'not-a-port', LECTERN_SKIP_WEB_BUILD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  assert.is(code, 1);
  assert.match(output, /PORT/);
});

test.run();
