// The chaos run's scenario, shared by its test (test/ops/chaos.int.test.ts, a short run in `npm test`) and its
// benchmark (test/bench/chaos.bench.ts, `npm run bench -- chaos`, 10 minutes). Two server nodes (child
// processes, test/ops/fixtures/chaosNode.ts) on a throwaway Postgres cluster of the run's own and a NATS server
// of its own, under a mixed load over HTTP: scheduling, completions of two lessons with the same students
// confirmed at once on both nodes, credits and reversals, training registrations into a section with fewer seats
// than learners. At fixed points of the run: the node holding the billing lease is killed with SIGKILL
// mid-billing, NATS is restarted, Postgres is restarted (fast shutdown, down 2 s, started again on the same
// port), and the billing node is killed again; killed nodes are started again 3 s later. Afterwards, from a
// runtime of its own that runs nothing, it waits for billing to catch up with the log, runs the invariant checker
// (the code of `npm run check-invariants`) and checks that every command answered 2xx has its effect in the log.
// It returns the figures; the test asserts on them, the benchmark reports them.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { connectDatabase } from '../../../db/connect.js';
import { migrateToLatest } from '../../../db/migrate.js';
import { createOrganisation, createPerson } from '../../../db/people.js';
import { hashPassword } from '../../../auth/passwords.js';
import { loadConfig } from '../../../kernel/config.js';
import { openRuntime } from '../../../main/runtime.js';
import { checkInvariants, type InvariantReport } from '../../../commands/invariants.js';
import { comparePositions } from '../../../commands/logConsumer/checkpoints.js';
import { streamId } from '../../../commands/eventStore/streams.js';
import type { RecordedEvent } from '../../../commands/eventStore/port.js';
import { freePort, natsServerAvailable, ownNats } from '../../realtime/support/cluster.js';
import { chaosTraining } from './chaosTrainings.js';
import { throwawayPostgres, throwawayPostgresMissing } from './chaosPostgres.js';

const NOW = '2026-12-01T09:00:00.000Z';
const PASSWORD = 'correct horse battery staple';
const STUDENTS = 6;
/** The faults, in order, at these shares of the load's length. */
const FAULTS = 4;

type Node = { name: string; port: number; child: ChildProcess | null; restart: Promise<void> | null };
type Ack = { what: string; seen: (events: (stream: string) => Promise<RecordedEvent[]>) => Promise<boolean> };

export type ChaosResult = {
  /** the length of the load asked for, and how long it ran (it ends early if the teachers run out) */
  seconds: number;
  loadSeconds: number;
  rounds: number;
  counts: { requests: number; accepted: number; refused: number; failed: number };
  /** acknowledged (2xx) commands whose effect was looked for in the log, and the completions among them */
  acknowledged: number;
  completions: number;
  faults: string[];
  /** every planned fault was injected */
  allFaults: boolean;
  /** billing and its process manager reached the head of the log before the checks */
  caughtUp: boolean;
  catchUpSeconds: number;
  invariants: InvariantReport['checked'];
  events: number;
  violations: { invariant: string; message: string }[];
  lost: string[];
  overbooked: string[];
  totalSeconds: number;
};

/** Why the chaos run cannot run here (a prerequisite missing), or null. */
export async function chaosMissing(): Promise<string | null> {
  const postgres = throwawayPostgresMissing();
  if (postgres) return postgres;
  if (!(await natsServerAvailable())) return 'no /usr/sbin/nats-server to start';
  return null;
}

export async function runChaos(options: {
  seconds: number;
  log?: (line: string) => void;
}): Promise<ChaosResult> {
  const SECONDS = options.seconds;
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const database = await throwawayPostgres();
  log(`Postgres of its own on port ${database.port} (${database.dir})`);
  const nats = await ownNats();
  const nodes: Node[] = [
    { name: 'a', port: await freePort(), child: null, restart: null },
    { name: 'b', port: await freePort(), child: null, restart: null },
  ];
  const faults: string[] = [];
  const acks: Ack[] = [];
  const counts = { requests: 0, accepted: 0, refused: 0, failed: 0 };
  let stopping = false;

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
      child.once('exit', (code, signal) =>
        // Killed on purpose while still starting (a fault of the run): not a failure of the node.
        node.child !== child
          ? resolve()
          : reject(new Error(`node ${node.name} exited with ${code ?? signal} before listening`)),
      );
    });
  }
  function kill(node: Node, why: string) {
    node.child?.kill('SIGKILL');
    node.child = null;
    faults.push(`kill -9 node ${node.name} (${why})`);
  }

  const debug = (...parts: unknown[]) =>
    console.log(`${((performance.now() - started) / 1000).toFixed(1)}s`, ...parts);
  let cookie = '';
  // During the load every write asks for `Prefer: return=minimal`: it is answered once it is in the log, without
  // waiting for the read models (see the note in runChaos).
  let prefer: Record<string, string> = {};
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    // While both nodes are down (one killed, the other not yet started again), wait for one rather than fail.
    for (let i = 0; i < 600 && !nodes.some((n) => n.child); i++) await new Promise((r) => setTimeout(r, 100));
    const up = nodes.filter((n) => n.child);
    const node = up[Math.floor(Math.random() * up.length)] ?? nodes[0]!;
    counts.requests++;
    try {
      const res = await fetch(`http://127.0.0.1:${node.port}${path}`, {
        method,
        headers: {
          cookie,
          ...prefer,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        // Some writes wait up to 30 s for the read models; a node on a loaded machine may take longer still.
        signal: AbortSignal.timeout(90_000),
      });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of several routes, read loosely
      const json: any = res.headers.get('content-type')?.includes('json') ? await res.json() : null;
      if (process.env.CHAOS_DEBUG)
        debug(method, path, node.name, res.status, JSON.stringify(json)?.slice(0, 160));
      if (res.ok) counts.accepted++;
      else if (res.status < 500) counts.refused++;
      else counts.failed++;
      return { status: res.status, json };
    } catch (error) {
      if (process.env.CHAOS_DEBUG) debug(method, path, node.name, 'failed:', (error as Error).message);
      counts.failed++;
      return { status: 0, json: null as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
    }
  }
  const expect = (res: { status: number; json: unknown }, status: number, what: string) => {
    if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.json)}`);
  };

  try {
    // The school: an admin who does everything over HTTP, students enrolled at 3 tokens a lesson, and a
    // teacher for each lesson (all lessons start at the nodes' stopped "now", so each needs a teacher free then).
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
    for (let i = 0; i < Math.max(400, SECONDS * 10); i++)
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
    await Promise.all(nodes.map((node) => startNode(node)));
    log(`set up in ${((performance.now() - started) / 1000).toFixed(1)} s`);
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
    expect(course, 201, 'course');
    for (const studentId of students) {
      const res = await call('POST', '/api/enrollments', {
        courseId: course.json.id,
        studentId,
        teacherId: teachers[0],
        defaultLessonMinutes: 45,
        lessonCostTokens: 3,
      });
      expect(res, 201, 'enrollment');
    }

    // A training section with fewer seats than learners, registrations coming and going all through the run.
    const training = await chaosTraining(call, NOW, teachers[0]!, students);

    // The load's writes do not wait for the read models. Waiting for them (the default) costs a write up to 10 s
    // whenever the other node's projector applied the batch first: the runner then sees its checkpoint move
    // without applying anything itself and does not wake the waiting write (commands/logConsumer/consumer.ts,
    // `step` notifies waiters only when a batch of its own moved the checkpoint), which left a 25 s run at one
    // or two rounds. Nothing checked here reads the read models.
    prefer = { prefer: 'return=minimal' };

    // The faults, at fixed points of the run, one per round at most.
    const loadStarted = performance.now();
    const deadline = Date.now() + SECONDS * 1000;
    const at = (share: number) => Date.now() > deadline - SECONDS * 1000 * (1 - share);
    const plan = [
      { share: 0.15, run: () => killBillingHolder('mid-billing') },
      {
        share: 0.35,
        run: async () => (await nats.stop(), await nats.start(), faults.push('NATS restarted')),
      },
      {
        share: 0.55,
        run: async () => {
          const t0 = performance.now();
          await database.restart(2000);
          faults.push(
            `Postgres restarted (fast shutdown, down ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
          );
        },
      },
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
      const restart: Promise<void> = new Promise((r) => setTimeout(r, 3000))
        .then(() => (stopping ? undefined : startNode(node)))
        .finally(() => {
          if (node.restart === restart) node.restart = null;
        });
      node.restart = restart;
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
    let lastRoundFailed = false;
    while (Date.now() < deadline && teacher + 2 <= teachers.length) {
      if (plan.length > 0 && at(plan[0]!.share)) {
        await plan.shift()!.run();
        log(`fault at ${((performance.now() - loadStarted) / 1000).toFixed(1)} s: ${faults.at(-1)}`);
      }
      round++;
      // A round none of whose requests got an answer (a node starting, Postgres or NATS coming back) is followed
      // by a pause, so the load does not spin through the teachers while nothing answers.
      const before = { ...counts };
      if (round > 1 && lastRoundFailed) await new Promise((r) => setTimeout(r, 1000));
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
          const res = await call('POST', `/api/live-sessions/${id}/completion`, body);
          if (res.status === 200)
            acks.push({
              what: `completion of ${id}`,
              seen: async (events) =>
                (await events(streamId('liveSession', id))).some((e) => e.type === 'LiveSessionCompleted'),
            });
        }),
      );
      lastRoundFailed = counts.failed - before.failed === counts.requests - before.requests;
    }
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    if (teacher + 2 > teachers.length) log(`the load ended early: the teachers ran out`);
    for (const { run } of plan) {
      await run();
      faults.push(`${faults.pop()} (after the load)`);
    }
    for (const node of nodes) {
      if (node.restart) await node.restart;
      if (!node.child) await startNode(node);
    }
    log(`load done: ${loadSeconds.toFixed(1)} s, ${round} rounds`);

    // Let the nodes catch up, then check from a runtime of our own that runs nothing.
    const catchUpStarted = performance.now();
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
      // Up to 5 minutes: on a loaded machine the nodes may still be working through the last rounds.
      let done = await caughtUp();
      for (let i = 0; i < 3000 && !done; i++) {
        await new Promise((r) => setTimeout(r, 100));
        done = await caughtUp();
      }
      const catchUpSeconds = (performance.now() - catchUpStarted) / 1000;
      log(`caught up: ${done} after ${catchUpSeconds.toFixed(1)} s`);
      const report = await checkInvariants(runtime.deps, { orgId });
      // Each stream read once: nothing appends any more, and a long run checks thousands of commands.
      const streams = new Map<string, Promise<RecordedEvent[]>>();
      const read = (stream: string) => {
        if (!streams.has(stream)) streams.set(stream, runtime.deps.eventStore.readStream(stream));
        return streams.get(stream)!;
      };
      const lost: string[] = [];
      for (const ack of acks) if (!(await ack.seen(read))) lost.push(ack.what);
      const overbooked = await training.overbooked(read);
      return {
        seconds: SECONDS,
        loadSeconds,
        rounds: round,
        counts: { ...counts },
        acknowledged: acks.length,
        completions: acks.filter((a) => a.what.startsWith('completion')).length,
        faults: [...faults],
        allFaults: faults.length >= FAULTS && faults.some((f) => f.startsWith('Postgres restarted')),
        caughtUp: done,
        catchUpSeconds,
        invariants: report.checked,
        events: report.events,
        violations: report.violations.map((v) => ({ invariant: v.invariant, message: v.message })),
        lost,
        overbooked,
        totalSeconds: (performance.now() - started) / 1000,
      };
    } finally {
      await runtime.close();
    }
  } finally {
    stopping = true;
    for (const node of nodes) node.child?.kill('SIGKILL');
    await Promise.all(nodes.map((n) => n.restart?.catch(() => undefined)));
    for (const node of nodes) node.child?.kill('SIGKILL');
    await nats.stop();
    await database.remove();
  }
}

/** The run's figures in a few lines, as the test and the benchmark print them. */
export function describeChaos(r: ChaosResult): string {
  return (
    `chaos run: ${r.seconds} s asked, load ran ${r.loadSeconds.toFixed(1)} s, ${r.rounds} rounds, ${r.counts.requests} requests (${r.counts.accepted} accepted, ${r.counts.refused} refused, ${r.counts.failed} failed), ${r.acknowledged} acknowledged commands checked (${r.completions} completions)\n` +
    `  faults: ${r.faults.join('; ')}\n` +
    `  caught up: ${r.caughtUp} after ${r.catchUpSeconds.toFixed(1)} s; whole run ${r.totalSeconds.toFixed(1)} s\n` +
    `  invariants: ${r.invariants.map((c) => `${c.invariant} (${c.subjects})`).join(', ')} over ${r.events} events\n` +
    `  violations: ${r.violations.length}, acknowledged but lost: ${r.lost.length}, training seats over capacity: ${r.overbooked.length}` +
    r.violations.map((v) => `\nVIOLATION ${v.invariant}: ${v.message}`).join('') +
    r.lost.map((l) => `\nLOST ${l}`).join('') +
    r.overbooked.map((o) => `\nOVERBOOKED ${o}`).join('')
  );
}
