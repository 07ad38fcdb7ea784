// The chaos run: two server nodes (child processes) on one Postgres database and one NATS server under a mixed
// load: scheduling, completions of two lessons with the same students confirmed at once on both nodes, credits
// and reversals. During it the node that carries out billing is killed with SIGKILL mid-billing, NATS is
// restarted, every database connection is cut (what a Postgres restart does to its clients), and the other
// node is killed too; killed nodes are started again. Afterwards the invariant checker (the code of
// `npm run check-invariants`) must find no violation, and every command answered 2xx must have its effect in
// the log. CHAOS_SECONDS sets the length of the load (45 for the small run, 600 for the long one).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import pg from 'pg';
import { sql } from 'kysely';
import { connectDatabase } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createOrganisation, createPerson } from '../../db/people.js';
import { hashPassword } from '../../auth/passwords.js';
import { loadConfig } from '../../kernel/config.js';
import { openRuntime } from '../../main/runtime.js';
import { checkInvariants } from '../../commands/invariants.js';
import { comparePositions } from '../../commands/logConsumer/checkpoints.js';
import { streamId } from '../../commands/eventStore/streams.js';
import type { RecordedEvent } from '../../commands/eventStore/port.js';
import { testDatabase } from '../support/services.js';
import { skippedSuite } from '../support/suite.js';
import { clusterServices, freePort, ownNats } from '../realtime/support/cluster.js';
import { chaosTraining, SEATS } from './support/chaosTrainings.js';

const SUITE = 'chaos run';
const SECONDS = Number(process.env.CHAOS_SECONDS);
const NOW = '2026-12-01T09:00:00.000Z';
const PASSWORD = 'correct horse battery staple';
const STUDENTS = 6;

type Node = { name: string; port: number; child: ChildProcess | null; restart: Promise<void> | null };
type Ack = { what: string; seen: (events: (stream: string) => Promise<RecordedEvent[]>) => Promise<boolean> };

async function main() {
  const database = (await testDatabase({ requirePostgres: true }))!;
  const nats = await ownNats();
  const nodes: Node[] = [
    { name: 'a', port: await freePort(), child: null, restart: null },
    { name: 'b', port: await freePort(), child: null, restart: null },
  ];
  const faults: string[] = [];
  const acks: Ack[] = [];
  const counts = { requests: 0, accepted: 0, refused: 0, failed: 0 };
  const test = suite(SUITE);

  async function startNode(node: Node) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/ops/fixtures/chaosNode.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        NATS_URL: nats.url,
        PORT: String(node.port),
        CHAOS_NOW: NOW,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    node.child = child;
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve());
      child.once('exit', (code) =>
        reject(new Error(`node ${node.name} exited with ${code} before listening`)),
      );
    });
  }
  function kill(node: Node, why: string) {
    node.child?.kill('SIGKILL');
    node.child = null;
    faults.push(`kill -9 node ${node.name} (${why})`);
  }

  let cookie = '';
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const up = nodes.filter((n) => n.child);
    const node = up[Math.floor(Math.random() * up.length)] ?? nodes[0]!;
    counts.requests++;
    try {
      const res = await fetch(`http://127.0.0.1:${node.port}${path}`, {
        method,
        headers: {
          cookie,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(60_000), // some writes wait up to 30 s for the read models
      });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of several routes, read loosely
      const json: any = res.headers.get('content-type')?.includes('json') ? await res.json() : null;
      if (process.env.CHAOS_DEBUG) console.log(method, path, res.status, JSON.stringify(json)?.slice(0, 160));
      if (res.ok) counts.accepted++;
      else if (res.status < 500) counts.refused++;
      else counts.failed++;
      return { status: res.status, json };
    } catch (error) {
      if (process.env.CHAOS_DEBUG) console.log(method, path, 'failed:', (error as Error).message);
      counts.failed++;
      return { status: 0, json: null as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
    }
  }

  test.after(async () => {
    for (const node of nodes) node.child?.kill('SIGKILL');
    await nats.stop();
    await database.drop();
  });

  test('invariants hold and nothing acknowledged is lost', async () => {
    // The school: an admin who does everything over HTTP, students enrolled at 3 tokens a lesson, and a
    // teacher for each lesson (all lessons start at the nodes' stopped "now").
    const setup = await connectDatabase({ url: database.url });
    await migrateToLatest(setup.db);
    const orgId = await createOrganisation(setup.db, 'Chaos School', { trainingsEnabled: true });
    const email = `admin.${orgId.slice(0, 8)}@test.lectern.dev`;
    await createPerson(setup.db, {
      orgId,
      role: 'admin',
      name: 'Admin',
      email,
      passwordHash: await hashPassword(PASSWORD),
    });
    const teachers: string[] = [];
    for (let i = 0; i < Math.max(150, SECONDS * 4); i++)
      teachers.push(
        await createPerson(setup.db, {
          orgId,
          role: 'teacher',
          name: `T${i}`,
          email: `t${i}.${orgId.slice(0, 8)}@test.lectern.dev`,
        }),
      );
    const students: string[] = [];
    for (let i = 0; i < STUDENTS; i++)
      students.push(
        await createPerson(setup.db, {
          orgId,
          role: 'student',
          name: `S${i}`,
          email: `s${i}.${orgId.slice(0, 8)}@test.lectern.dev`,
        }),
      );
    await setup.close();
    for (const node of nodes) await startNode(node);
    const login = await fetch(`http://127.0.0.1:${nodes[0]!.port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    cookie = String(login.headers.get('set-cookie')).split(';')[0]!;
    const course = await call('POST', '/api/courses', {
      name: 'Chaos English',
      lessons: [{ title: 'One', kind: 'class' }],
    });
    assert.is(course.status, 201);
    for (const studentId of students) {
      const res = await call('POST', '/api/enrollments', {
        courseId: course.json.id,
        studentId,
        teacherId: teachers[0],
        defaultLessonMinutes: 45,
        lessonCostTokens: 3,
      });
      assert.is(res.status, 201);
    }

    // A training section with fewer seats than learners, registrations coming and going all through the run.
    const training = await chaosTraining(call, NOW, teachers[0]!, students);

    // The faults, at fixed points of the run.
    const deadline = Date.now() + SECONDS * 1000;
    const at = (share: number) => Date.now() > deadline - SECONDS * 1000 * (1 - share);
    const plan = [
      { share: 0.15, run: () => killBillingHolder('mid-billing') },
      {
        share: 0.35,
        run: async () => (await nats.stop(), await nats.start(), faults.push('NATS restarted')),
      },
      { share: 0.55, run: () => cutDatabase() },
      { share: 0.75, run: () => killBillingHolder('again') },
    ];
    async function killBillingHolder(why: string) {
      const { rows } = await query(`SELECT holder FROM process_leases WHERE name = 'process:billing'`);
      const pid = Number(String(rows[0]?.holder ?? '').split(':')[1]);
      // The lease may still name a node killed earlier: then the node that is up.
      const node = nodes.find((n) => n.child && n.child.pid === pid) ?? nodes.find((n) => n.child);
      if (!node) return;
      kill(node, `it held the billing lease, ${why}`);
      // Started again 3 s later, once (the end of the run waits for it rather than starting a second one).
      node.restart = new Promise((r) => setTimeout(r, 3000))
        .then(() => startNode(node))
        .finally(() => (node.restart = null));
    }
    async function cutDatabase() {
      const { rows } = await query(
        'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      faults.push(`every database connection cut (${rows[0]!.n})`);
    }
    async function query(text: string) {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        return await client.query(text);
      } finally {
        await client.end();
      }
    }

    let teacher = 1;
    let round = 0;
    while (Date.now() < deadline && teacher + 2 <= teachers.length) {
      while (plan.length > 0 && at(plan[0]!.share)) await plan.shift()!.run();
      round++;
      for (let i = 0; i < 2; i++) await training.step(acks);
      const group = students.filter(() => Math.random() < 0.5).slice(0, 3);
      if (group.length === 0) group.push(students[round % STUDENTS]!);
      // Credits (some), each acknowledged one must be in its wallet's log.
      for (const studentId of group) {
        if (Math.random() < 0.4) continue;
        const reason = `chaos credit ${randomUUID()}`;
        const res = await call('POST', `/api/wallets/${studentId}/credits`, {
          tokens: 1 + Math.floor(Math.random() * 5),
          reason,
        });
        if (res.status === 201) {
          acks.push({
            what: `credit ${reason}`,
            seen: async (events) =>
              (await events(streamId('wallet', studentId))).some(
                (e) => (e.data as { reason?: string }).reason === reason,
              ),
          });
          // Now and then a credit is reversed, on whichever node.
          const entry = (
            res.json.ledger as { entryId: string; cause: string; reversedBy: string | null }[]
          ).find((l) => l.cause === 'credit' && !l.reversedBy);
          if (entry && Math.random() < 0.2) {
            const rev = await call('POST', `/api/wallets/${studentId}/ledger/${entry.entryId}/reversal`, {
              reason: 'chaos reversal',
            });
            if (rev.status === 201)
              acks.push({
                what: `reversal of ${entry.entryId}`,
                seen: async (events) =>
                  (await events(streamId('wallet', studentId))).some(
                    (e) => (e.data as { reversedEntryId?: string }).reversedEntryId === entry.entryId,
                  ),
              });
          }
        }
      }
      // Two lessons with the same students, by two teachers, confirmed at once.
      const ids: string[] = [];
      for (let i = 0; i < 2; i++) {
        const res = await call('POST', '/api/live-sessions', {
          kind: 'group',
          courseId: course.json.id,
          teacherId: teachers[teacher++],
          studentIds: group,
          start: NOW,
          durationMinutes: 45,
          timeZone: 'UTC',
        });
        if (res.status !== 201) continue;
        const id = res.json.id as string;
        ids.push(id);
        acks.push({
          what: `session ${id}`,
          seen: async (events) =>
            (await events(streamId('liveSession', id))).some((e) => e.type === 'LiveSessionScheduled'),
        });
      }
      const attendance = group.map((studentId) => ({ studentId, status: 'present', reason: 'By phone' }));
      const previews = await Promise.all(
        ids.map((id) =>
          call('POST', `/api/live-sessions/${id}/completion/preview`, {
            action: 'finish_and_deduct',
            attendance,
          }),
        ),
      );
      await Promise.all(
        ids.map(async (id, i) => {
          if (previews[i]!.status !== 200) return;
          const body = {
            action: 'finish_and_deduct',
            fingerprint: previews[i]!.json.fingerprint,
            attendance,
          };
          const res = await call('POST', `/api/live-sessions/${id}/completion`, body, {
            prefer: 'return=minimal',
          });
          if (res.status === 200)
            acks.push({
              what: `completion of ${id}`,
              seen: async (events) =>
                (await events(streamId('liveSession', id))).some((e) => e.type === 'LiveSessionCompleted'),
            });
        }),
      );
    }
    for (const { run } of plan) await run();
    for (const node of nodes) {
      if (node.restart) await node.restart;
      if (!node.child) await startNode(node);
    }

    // Let the nodes catch up, then check from a runtime of our own that runs nothing.
    const runtime = await openRuntime(loadConfig({ DATABASE_URL: database.url }), {
      startProjections: false,
    });
    try {
      const caughtUp = async () => {
        const { rows } = await sql<{ position: string }>`
          SELECT tx_id::text || ':' || global_position::text AS position FROM events
          ORDER BY tx_id DESC, global_position DESC LIMIT 1`.execute(runtime.deps.db);
        const head = rows[0]!.position;
        const marks = await sql<{ name: string; position: string | null }>`
          SELECT name, position FROM projection_checkpoints WHERE name IN ('billing', 'process:billing')`.execute(
          runtime.deps.db,
        );
        return marks.rows.length === 2 && marks.rows.every((m) => comparePositions(m.position, head) >= 0);
      };
      for (let i = 0; i < 1200 && !(await caughtUp()); i++) await new Promise((r) => setTimeout(r, 100));
      assert.ok(await caughtUp(), 'billing caught up with the log');
      const report = await checkInvariants(runtime.deps, { orgId });
      const read = (stream: string) => runtime.deps.eventStore.readStream(stream);
      const lost: string[] = [];
      for (const ack of acks) if (!(await ack.seen(read))) lost.push(ack.what);
      const overbooked = await training.overbooked(read);
      console.log(
        `chaos run: ${SECONDS} s, ${round} rounds, ${counts.requests} requests (${counts.accepted} accepted, ${counts.refused} refused, ${counts.failed} failed), ${acks.length} acknowledged commands checked\n` +
          `  faults: ${faults.join('; ')}\n` +
          `  invariants: ${report.checked.map((c) => `${c.invariant} (${c.subjects})`).join(', ')} over ${report.events} events\n` +
          `  violations: ${report.violations.length}, acknowledged but lost: ${lost.length}, training seats over capacity: ${overbooked.length}`,
      );
      for (const v of report.violations) console.log(`VIOLATION ${v.invariant}: ${v.message}`);
      assert.ok(faults.length >= 4, 'every fault was injected');
      assert.ok(
        acks.some((a) => a.what.startsWith('completion')),
        'lessons were completed',
      );
      assert.equal(report.violations, []);
      assert.equal(lost, []);
      assert.equal(overbooked, [], `never more than ${SEATS} learners in the section`);
    } finally {
      await runtime.close();
    }
  });

  test.run();
}

// Opt-in: nodes now survive their database connections being cut, but on a 2-core machine a 45 s run takes
// about 4 minutes and completes few rounds (writes wait for read models that lag under the load), so it is
// not yet part of `npm test`.
const missing = process.env.CHAOS_SECONDS
  ? await clusterServices()
  : 'opt-in: set CHAOS_SECONDS (45 for the small run, 600 for the long one)';
if (missing) skippedSuite(SUITE, missing, ['invariants hold and nothing acknowledged is lost']);
else await main();
