// Commands over HTTP: the full path (HTTP, validation, load the stream, decide, append) with 64 connections and
// no pipelining, 5% of commands racing on one stream; against a Fastify route that does one raw INSERT. Also
// the server's peak resident memory under that load.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { hashPassword } from '../../auth/passwords.js';
import { createOrganisation, createPerson } from '../../db/people.js';
import { connectDatabase } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createLatencies } from './createLatency.js';
import {
  fmt,
  freshDatabase,
  load,
  percentile,
  row,
  section,
  type BenchContext,
  type Section,
} from './lib.js';

/** As package.json's start:prod, the Docker image and the systemd unit start the server (docs/operations.md). */
const PRODUCTION_NODE_FLAGS = /NODE_OPTIONS:-([^}]*)\}/.exec(
  JSON.parse(readFileSync('package.json', 'utf8')).scripts['start:prod'] as string,
)![1]!;

type Reply = { status: number; body: string; headers: Record<string, string | string[] | undefined> };

function http(
  agent: Agent,
  port: number,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...headers },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (data += d));
        res.on('end', () => resolve({ status: res.statusCode!, body: data, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export async function run(ctx: BenchContext): Promise<Section> {
  const s = section('Commands over HTTP');
  const db = await freshDatabase();
  const setup = await connectDatabase({ url: db.url });
  await migrateToLatest(setup.db);
  const orgId = await createOrganisation(setup.db, 'Bench School');
  await createPerson(setup.db, {
    orgId,
    role: 'admin',
    name: 'Admin',
    email: 'admin@bench.test',
    passwordHash: await hashPassword('bench-password'),
  });
  const teacherId = await createPerson(setup.db, {
    orgId,
    role: 'teacher',
    name: 'Teacher',
    email: 'teacher@bench.test',
    passwordHash: await hashPassword('bench-password'),
  });
  const studentId = await createPerson(setup.db, {
    orgId,
    role: 'student',
    name: 'Student',
    email: 'student@bench.test',
  });
  await setup.close();

  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (test/bench/profileSummary.ts).
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  // The server runs compiled, as `npm run start:prod` runs it: under tsx the loader's transpiled sources and
  // source maps would count in its memory (about 40 MiB more resident at rest).
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.bench.json'], {
    stdio: 'inherit',
  });
  // The server's V8 flags: those `npm run start:prod` starts it with, unless BENCH_SERVER_FLAGS names others
  // (e.g. `--expose-gc --max-old-space-size=256` to print the heap still alive after the load).
  const flags = (process.env.BENCH_SERVER_FLAGS ?? PRODUCTION_NODE_FLAGS).split(' ').filter(Boolean);
  const server = spawn(
    process.execPath,
    [...profile, ...flags, 'dist/bench/test/bench/fixtures/benchServer.js'],
    {
      env: { ...process.env, DATABASE_URL: db.url, DEMO_SEED: 'off', DATABASE_POOL_SIZE: '32' },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  let out = '';
  server.stdout!.on('data', (d) => (out += d));
  for (let i = 0; i < 600 && !/listening (\d+)/.test(out); i++) await new Promise((r) => setTimeout(r, 50));
  const port = Number(/listening (\d+)/.exec(out)![1]);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  try {
    const login = await http(agent, port, 'POST', '/api/auth/login', {
      email: 'admin@bench.test',
      password: 'bench-password',
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const as = { cookie };
    const course = JSON.parse(
      (await http(agent, port, 'POST', '/api/courses', { name: 'Bench', lessons: [] }, as)).body,
    );
    const sessions: string[] = [];
    const count = ctx.tiny ? 20 : 400;
    for (let i = 0; i < count; i++) {
      const start = new Date(Date.UTC(2027, 0, 1) + i * 3_600_000).toISOString();
      const res = await http(
        agent,
        port,
        'POST',
        '/api/live-sessions',
        {
          kind: 'group',
          courseId: course.id,
          teacherId,
          studentIds: [studentId],
          start,
          durationMinutes: 45,
          timeZone: 'UTC',
        },
        as,
      );
      if (res.status !== 201) throw new Error(`setup: ${res.status} ${res.body}`);
      sessions.push(JSON.parse(res.body).id);
    }
    const seconds = ctx.tiny ? 0.5 : ctx.full ? 20 : 6;
    const statuses = new Map<number, number>();
    // The commands' latencies on the hot session and on the others, apart, to tell what makes the tail.
    const hotLatencies: number[] = [];
    const otherLatencies: number[] = [];
    const r = await load({ concurrency: 64, seconds }, async (worker, n) => {
      // 5% of commands go to one hot session and race each other.
      const hot = (worker * 7919 + n) % 20 === 0;
      const id = hot ? sessions[0]! : sessions[(worker * 31 + n) % sessions.length]!;
      const t0 = performance.now();
      const res = await http(
        agent,
        port,
        'PATCH',
        `/api/live-sessions/${id}`,
        { title: `Title ${worker}-${n}`, notes: null, courseLessonId: null },
        { ...as, prefer: 'return=minimal' },
      );
      (hot ? hotLatencies : otherLatencies).push(performance.now() - t0);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    });
    const raw = await load({ concurrency: 64, seconds }, async () => {
      await http(agent, port, 'POST', '/bench/raw', {});
    });
    const p99 = percentile(r.latencies, 99);
    row(s, {
      measure: 'change live-session details (64 connections, 5% on one stream)',
      value: r.perSecond,
      unit: 'commands/s',
      baseline: { label: 'raw INSERT route', value: raw.perSecond },
      target: '>= 0.5 of the route',
      met: r.perSecond / raw.perSecond >= 0.5,
    });
    row(s, {
      measure: 'command latency p50',
      value: percentile(r.latencies, 50),
      unit: 'ms',
      baseline: { label: 'raw route p50', value: percentile(raw.latencies, 50) },
    });
    row(s, {
      measure: 'command latency p99',
      value: p99,
      unit: 'ms',
      baseline: { label: 'raw route p99', value: percentile(raw.latencies, 99) },
      target: '<= 3 times the route p99',
      met: p99 <= 3 * percentile(raw.latencies, 99),
    });
    s.notes.push(
      `Command latency p99 on the hot session (${hotLatencies.length} commands): ${fmt(percentile(hotLatencies, 99), 0)} ms; on the other sessions: ${fmt(percentile(otherLatencies, 99), 0)} ms (${fmt(percentile(otherLatencies, 99) / percentile(raw.latencies, 99), 2)} times the raw route's p99).`,
    );
    await createLatencies(
      s,
      ctx,
      (n) =>
        http(
          agent,
          port,
          'POST',
          '/api/live-sessions',
          {
            kind: 'group',
            courseId: course.id,
            teacherId,
            studentIds: [studentId],
            start: new Date(Date.UTC(2028, 0, 1) + n * 3_600_000).toISOString(),
            durationMinutes: 45,
            timeZone: 'UTC',
          },
          // As the web client sends it: it brings the write's position to its next reads itself.
          { ...as, 'lectern-consistency': 'token' },
        ),
      db.url,
    );
    s.notes.push(
      `Responses: ${[...statuses].map(([k, v]) => `${k} × ${v}`).join(', ')} (409 are conflicts that exhausted their retries; 2xx include retried ones).`,
    );
  } finally {
    server.stdin!.write('stop\n');
    await new Promise((r) => server.once('exit', r));
    agent.destroy();
    const rss = /rss-peak-kb (\d+)/.exec(out);
    if (rss)
      row(s, {
        measure: 'server peak resident memory under this load',
        value: Number(rss[1]) / 1024,
        unit: 'MiB',
        target: '<= 300 MiB',
        met: Number(rss[1]) / 1024 <= 300,
      });
    const parts = /memory-at-peak (.*)/.exec(out);
    if (parts) s.notes.push(`At the highest sample (MiB): ${parts[1]}.`);
    const delay = /event-loop-delay (.*)/.exec(out);
    if (delay) s.notes.push(`The server's event loop delay over the whole run (ms): ${delay[1]}.`);
    const live = /heap-after-gc (\d+)/.exec(out);
    if (live) s.notes.push(`Heap still alive after the load, once collected: ${live[1]} MiB.`);
    await db.drop();
  }
  return s;
}
