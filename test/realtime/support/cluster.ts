// Test support for the live-room gateway: server nodes sharing one database (and a NATS server of their
// own), a school with live sessions, and a small WebSocket client that waits for messages.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, Socket } from 'node:net';
import WebSocket from 'ws';
import { buildApp, type App } from '../../../main/app.js';
import { loadConfig } from '../../../kernel/config.js';
import { openRuntime, type Runtime } from '../../../main/runtime.js';
import { createSession, SESSION_COOKIE } from '../../../auth/sessions.js';
import { createOrganisation, createPerson } from '../../../db/people.js';
import { handleCommand } from '../../../commands/handleCommand.js';
import { courses, enrollments } from '../../../commands/aggregates.js';
import { scheduleLiveSession } from '../../../commands/liveSessions.js';
import type { Role } from '../../../db/people.table.js';
import type { ClientMessageInput, ServerMessage } from '../../../realtime/messages.js';
import { postgresAvailable, testDatabase, type TestDatabase } from '../../support/services.js';
import { testClock, type TestClock } from '../../support/clock.js';

export const ORIGIN = 'http://localhost:3000';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => (socket.destroy(), resolve(false)));
    socket.connect(port, '127.0.0.1');
  });

/** A nats-server of this suite's own on a random port (never the shared one other suites use). */
export async function ownNats(port?: number) {
  const p = port ?? (await freePort());
  let child: ChildProcess | null = null;
  const server = {
    url: `nats://127.0.0.1:${p}`,
    port: p,
    async start() {
      // A restart on the same port may lose the race for it for a moment: try again until it listens.
      for (let attempt = 0; attempt < 20; attempt++) {
        const c = spawn('/usr/sbin/nats-server', ['-a', '127.0.0.1', '-p', String(p)], { stdio: 'ignore' });
        child = c;
        for (let i = 0; i < 40 && c.exitCode === null; i++) {
          if (await answers(p)) return;
          await new Promise((r) => setTimeout(r, 50));
        }
        if (c.exitCode === null) c.kill('SIGKILL');
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`nats-server would not start on port ${p}`);
    },
    async stop() {
      const c = child;
      child = null;
      if (!c || c.exitCode !== null) return;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGTERM');
      await exited;
    },
  };
  await server.start();
  return server;
}

/** What the multi-node suites need: a Postgres server (shared by the nodes) and a nats-server to start. */
export async function clusterServices(): Promise<string | null> {
  if (!(await postgresAvailable())) return 'no Postgres server answers (the nodes share one database)';
  if (!(await natsServerAvailable())) return 'no /usr/sbin/nats-server to start';
  return null;
}

export const natsServerAvailable = async () => {
  try {
    const { access } = await import('node:fs/promises');
    await access('/usr/sbin/nats-server');
    return true;
  } catch {
    return false;
  }
};

export type Node = { app: App; runtime: Runtime; url: string; port: number };

export type Cluster = {
  db: TestDatabase;
  clock: TestClock;
  nodes: Node[];
  start(count: number): Promise<Node[]>;
  stopAll(): Promise<void>;
  close(): Promise<void>;
  person(orgId: string, role: Role, name: string): Promise<Person>;
};

export type Person = { id: string; orgId: string; cookie: string; name: string };

export async function cluster(
  options: { natsUrl?: string; clock?: TestClock; env?: Record<string, string> } = {},
): Promise<Cluster> {
  // Nodes must share one database server: PGlite lives inside one process.
  const db = await testDatabase({ requirePostgres: true });
  if (!db?.url) throw new Error('the cluster tests need a Postgres server');
  const clock = options.clock ?? testClock('2026-11-23T08:00:00.000Z');
  const config = loadConfig({
    DATABASE_URL: db.url,
    PUBLIC_URL: ORIGIN,
    ICE_SERVERS: JSON.stringify([{ urls: 'stun:stun.example.org:3478' }]),
    ...(options.natsUrl ? { NATS_URL: options.natsUrl } : {}),
    ...options.env,
  });
  const c: Cluster = {
    db,
    clock,
    nodes: [],
    async start(count) {
      for (let i = 0; i < count; i++) {
        // One projector per read model (DESIGN): only the first node runs them.
        const runtime = await openRuntime(config, { clock, startProjections: c.nodes.length === 0 });
        const app = await buildApp(runtime.deps);
        await app.listen({ port: 0, host: '127.0.0.1' });
        const port = (app.server.address() as { port: number }).port;
        c.nodes.push({ app, runtime, port, url: `ws://127.0.0.1:${port}/rt` });
      }
      return c.nodes;
    },
    async stopAll() {
      for (const node of c.nodes.splice(0)) {
        await node.app.close();
        await node.runtime.close();
      }
    },
    async close() {
      await c.stopAll();
      await db.drop();
    },
    async person(orgId, role, name) {
      const node = c.nodes[0]!;
      const id = await createPerson(node.runtime.deps.db, {
        orgId,
        role,
        name,
        email: `${role}.${Math.random().toString(36).slice(2)}@test.lectern.dev`,
      });
      const { token } = await createSession(node.runtime.deps.db, { id, org_id: orgId }, clock.now(), 24);
      return { id, orgId, name, cookie: `${SESSION_COOKIE}=${token}` };
    },
  };
  return c;
}

export const organisation = (c: Cluster, name = 'Room School') =>
  createOrganisation(c.nodes[0]!.runtime.deps.db, name);

/** HTTP through a node's app (inject), as a person. */
export async function http(node: Node, who: Person, method: string, url: string, body?: unknown) {
  const res = await node.app.inject({
    method: method as 'GET',
    url,
    payload: body as object | undefined,
    headers: { cookie: who.cookie, origin: ORIGIN },
  });
  return { status: res.statusCode, body: res.body ? res.json() : null };
}

/**
 * A course and a live session of `kind` with `students`, starting 5 minutes after the clock. Written through
 * the command layer: the HTTP answers read projections, which may lag on a busy machine.
 */
export async function liveSession(
  c: Cluster,
  admin: Person,
  teacher: Person,
  students: Person[],
  kind: 'individual' | 'group' = 'group',
) {
  const deps = c.nodes[0]!.runtime.deps;
  const context = () => ({ orgId: admin.orgId, actorId: admin.id, now: c.clock.now().toISOString() });
  const courseId = randomUUID();
  const lessonIds = [randomUUID(), randomUUID()];
  await handleCommand(
    deps.eventStore,
    courses,
    courseId,
    {
      type: 'CreateCourse',
      courseId,
      orgId: admin.orgId,
      name: 'English B1',
      lessons: [
        { lessonId: lessonIds[0]!, title: 'Greetings', kind: 'class' },
        { lessonId: lessonIds[1]!, title: 'Present tense', kind: 'class' },
      ],
    },
    context(),
  );
  const enrollmentIds: string[] = [];
  for (const student of students) {
    const enrollmentId = randomUUID();
    await handleCommand(
      deps.eventStore,
      enrollments,
      enrollmentId,
      {
        type: 'EnrollStudent',
        enrollmentId,
        orgId: admin.orgId,
        courseId,
        studentId: student.id,
        teacherId: teacher.id,
        defaultLessonMinutes: 45,
        lessonCostTokens: 4,
      },
      context(),
    );
    enrollmentIds.push(enrollmentId);
  }
  const liveSessionId = randomUUID();
  await scheduleLiveSession(
    deps,
    { personId: admin.id, orgId: admin.orgId, role: 'admin' },
    liveSessionId,
    {
      kind,
      courseId,
      courseLessonId: lessonIds[0]!,
      enrollmentId: kind === 'individual' ? enrollmentIds[0]! : null,
      studentIds: kind === 'group' ? students.map((s) => s.id) : [],
      studentGroupId: null,
      teacherId: teacher.id,
      start: new Date(c.clock.now().getTime() + 5 * 60_000).toISOString(),
      durationMinutes: 60,
      timeZone: 'Europe/Berlin',
      title: null,
      notes: null,
    },
    context(),
  );
  return { liveSessionId, roomId: `ls-${liveSessionId}`, lessonIds };
}

type Msg = ServerMessage;

/** A browser's side of the protocol, for tests: sends messages and waits for the ones it expects. */
export class RoomClient {
  readonly received: Msg[] = [];
  private cursor = 0;
  private waiters: (() => void)[] = [];
  closed: { code: number; reason: string } | null = null;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.received.push(JSON.parse(String(data)));
      for (const wake of this.waiters.splice(0)) wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static connect(url: string, cookie: string | null, origin = ORIGIN): Promise<RoomClient> {
    const headers: Record<string, string> = { origin };
    if (cookie) headers.cookie = cookie;
    const ws = new WebSocket(url, { headers });
    const client = new RoomClient(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(client));
      ws.once('error', reject);
    });
  }

  send(message: ClientMessageInput | Record<string, unknown>) {
    this.ws.send(JSON.stringify(message));
  }

  /** The next message (after those already taken) that matches; earlier non-matching ones stay available. */
  next<T extends Msg['type']>(
    type: T,
    where: (m: Extract<Msg, { type: T }>) => boolean = () => true,
    timeoutMs = 4000,
  ): Promise<Extract<Msg, { type: T }>> {
    return this.take(
      (m) => m.type === type && where(m as Extract<Msg, { type: T }>),
      `${type}`,
      timeoutMs,
    ) as Promise<Extract<Msg, { type: T }>>;
  }

  async take(match: (m: Msg) => boolean, what: string, timeoutMs = 4000): Promise<Msg> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.received.findIndex((m, i) => !this.taken.has(i) && match(m));
      if (index >= 0) {
        this.taken.add(index);
        return this.received[index]!;
      }
      const left = deadline - Date.now();
      if (left <= 0 || this.closed)
        throw new Error(
          `no ${what} within ${timeoutMs} ms${this.closed ? ` (closed ${this.closed.code})` : ''}; last: ${JSON.stringify(this.received.slice(-4)).slice(0, 600)}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => (clearTimeout(timer), resolve()));
      });
    }
  }
  private taken = new Set<number>();

  /** Messages of a type received so far (taken or not). */
  all<T extends Msg['type']>(type: T) {
    return this.received.filter((m) => m.type === type) as Extract<Msg, { type: T }>[];
  }

  async join(roomId: string, extra: Record<string, unknown> = {}) {
    this.send({ type: 'join', roomId, ...extra });
    const reply = await this.take(
      (m) => (m.type === 'joined' && m.roomId === roomId) || m.type === 'error',
      'joined',
      8000,
    );
    if (reply.type === 'error') throw new Error(`join refused: ${reply.code} ${reply.message}`);
    return reply as Extract<Msg, { type: 'joined' }>;
  }

  close() {
    this.ws.close();
  }
}
