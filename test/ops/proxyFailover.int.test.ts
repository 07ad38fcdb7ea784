// Several nodes behind a real proxy: two Lectern server processes sharing Postgres and NATS, behind nginx with
// deploy/nginx/lectern.conf terminating TLS (a certificate from a local CA made here). People sign in and join a
// room through the proxy, on different nodes; one node is killed mid-session and its people reconnect through the
// proxy to the other node, keeping their place, with every chat message there exactly once.
// The nodes are separate processes on the real clock, so the session is scheduled from the real time.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  cluster,
  clusterServices,
  freePort,
  liveSession,
  organisation,
  ownNats,
} from '../realtime/support/cluster.js';
import type { Cluster, Person } from '../realtime/support/cluster.js';
import { skippedSuite } from '../support/suite.js';
import { isCI } from '../support/services.js';
import { testClock } from '../support/clock.js';
import { createPerson } from '../../db/people.js';
import { hashPassword } from '../../auth/passwords.js';
import {
  https,
  localCa,
  nginxMissing,
  ProxiedSocket,
  startNginx,
  startNode,
  type LecternNode,
  type Nginx,
  type Tls,
} from './support/proxyTopology.js';
import { rm } from 'node:fs/promises';

const PASSWORD = 'a school password for the proxy test';

type Ctx = {
  nats: Awaited<ReturnType<typeof ownNats>>;
  c: Cluster;
  tls: Tls;
  nodes: LecternNode[];
  proxy: Nginx;
  teacher: { email: string; cookie: string };
  student: { email: string; cookie: string };
  roomId: string;
  sockets: ProxiedSocket[];
  /** The student's socket and peer id before the failover. */
  studentSocket: ProxiedSocket;
  teacherSocket: ProxiedSocket;
  studentPeerId: string;
};

const names = [
  'people sign in through the proxy over TLS, and requests reach both nodes',
  'a teacher and a student on different nodes share one room through the proxy',
  "the student's node is killed: they reconnect through the proxy to the other node, keep their place, and no chat message is lost or doubled",
  'the API keeps answering through the proxy while a node is down',
];

const missing = (await nginxMissing()) ?? (await clusterServices());
if (missing && isCI) throw new Error(`CI=true but the proxy suite cannot run: ${missing}`);
if (missing) {
  skippedSuite('proxyFailover', missing, names);
} else {
  const test = suite<Ctx>('proxyFailover');
  const nodeOf = (ctx: Ctx, upstream: string) => ctx.nodes.find((n) => upstream.endsWith(`:${n.port}`));

  test.before(async (ctx) => {
    try {
      ctx.sockets = [];
      ctx.nodes = [];
      ctx.tls = await localCa();
      ctx.nats = await ownNats();
      // An in-process node makes the schema and the school, then steps aside for the server processes.
      ctx.c = await cluster({ natsUrl: ctx.nats.url, clock: testClock(new Date().toISOString()) });
      await ctx.c.start(1);
      const orgId = await organisation(ctx.c, 'Proxy School');
      const db = ctx.c.nodes[0]!.runtime.deps.db;
      const passwordHash = await hashPassword(PASSWORD);
      const people: Record<string, Person> = {};
      for (const [role, name] of [
        ['admin', 'Ada Admin'],
        ['teacher', 'Tereza Teacher'],
        ['student', 'Stan Student'],
      ] as const) {
        const email = `${role}.${Math.random().toString(36).slice(2)}@proxy.lectern.dev`;
        const id = await createPerson(db, { orgId, role, name, email, passwordHash });
        people[role] = { id, orgId, name, cookie: email };
      }
      const session = await liveSession(
        ctx.c,
        people.admin!,
        people.teacher!,
        [people.student!],
        'individual',
      );
      ctx.roomId = session.roomId;
      ctx.teacher = { email: people.teacher!.cookie, cookie: '' };
      ctx.student = { email: people.student!.cookie, cookie: '' };
      await ctx.c.stopAll();

      const proxyPort = await freePort();
      const env = {
        DATABASE_URL: ctx.c.db.url!,
        NATS_URL: ctx.nats.url,
        PUBLIC_URL: `https://localhost:${proxyPort}`,
        TRUST_PROXY: '127.0.0.1',
        DEMO_SEED: 'off',
        LOG_LEVEL: 'warn',
        RATE_LIMITS: 'off',
      };
      ctx.nodes = await Promise.all([startNode(env), startNode(env)]);
      ctx.proxy = await startNginx(
        ctx.tls,
        ctx.nodes.map((n) => n.port),
        proxyPort,
      );
    } catch (error) {
      console.error('setting up failed:', error);
      throw error;
    }
  });

  test.after(async (ctx) => {
    for (const s of ctx.sockets) s.close();
    await ctx.proxy?.stop();
    for (const node of ctx.nodes) await node.kill();
    await ctx.c?.close();
    await ctx.nats?.stop();
    if (ctx.tls) await rm(ctx.tls.dir, { recursive: true, force: true });
  });

  const signIn = async (ctx: Ctx, email: string) => {
    const answer = await https(ctx.proxy.origin, 'POST', '/api/auth/login', ctx.tls.ca, {
      body: { email, password: PASSWORD },
    });
    assert.is(answer.status, 200, answer.body);
    const setCookie = [answer.headers['set-cookie']].flat().join('; ');
    assert.match(setCookie, /;\s*Secure/i, 'the session cookie is Secure behind the TLS proxy');
    return setCookie.split(';')[0]!;
  };

  /** Opens room sockets until one lands on a node other than `avoid` (or on any node when none is given). */
  const socketOn = async (ctx: Ctx, cookie: string, avoid?: string) => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const socket = await ProxiedSocket.open(ctx.proxy.origin, ctx.tls.ca, cookie);
      ctx.sockets.push(socket);
      assert.ok(socket.node, 'the proxy names the node that took the socket');
      if (!avoid || socket.node !== avoid) return socket;
      socket.close();
    }
    throw new Error(`every socket landed on ${avoid}`);
  };

  test(names[0]!, async (ctx) => {
    ctx.teacher.cookie = await signIn(ctx, ctx.teacher.email);
    ctx.student.cookie = await signIn(ctx, ctx.student.email);
    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const ready = await https(ctx.proxy.origin, 'GET', '/health/ready', ctx.tls.ca);
      assert.is(ready.status, 200, ready.body);
      seen.add(String(ready.headers['x-lectern-node']));
    }
    assert.is(seen.size, 2, `both nodes answered (${[...seen].join(', ')})`);
    const me = await https(ctx.proxy.origin, 'GET', '/api/me', ctx.tls.ca, { cookie: ctx.student.cookie });
    assert.is(me.status, 200, me.body);
  });

  test(names[1]!, async (ctx) => {
    ctx.teacherSocket = await socketOn(ctx, ctx.teacher.cookie);
    ctx.studentSocket = await socketOn(ctx, ctx.student.cookie, ctx.teacherSocket.node);
    assert.is.not(ctx.studentSocket.node, ctx.teacherSocket.node, 'the two are on different nodes');

    ctx.teacherSocket.send({ type: 'join', roomId: ctx.roomId });
    await ctx.teacherSocket.next('joined');
    ctx.studentSocket.send({ type: 'join', roomId: ctx.roomId });
    const joined = await ctx.studentSocket.next('joined');
    ctx.studentPeerId = joined.peerId;
    await ctx.teacherSocket.next('peer.joined', (m) => m.peer.peerId === joined.peerId);

    ctx.teacherSocket.send({ type: 'chat.post', text: 'Good morning, Stan' });
    await ctx.studentSocket.next('chat.message', (m) => m.message.text === 'Good morning, Stan');
    ctx.studentSocket.send({ type: 'chat.post', text: 'Good morning!' });
    await ctx.teacherSocket.next('chat.message', (m) => m.message.text === 'Good morning!');
  });

  test(names[2]!, async (ctx) => {
    const doomed = nodeOf(ctx, ctx.studentSocket.node)!;
    const survivor = ctx.nodes.find((n) => n !== doomed)!;
    await doomed.kill();
    assert.ok((await ctx.studentSocket.whenClosed()) !== null, "the student's socket dropped with its node");

    // What the browser does (web/src/room/rt/socket.ts): reconnect to the same address and resume its peer id.
    const again = await socketOn(ctx, ctx.student.cookie);
    assert.ok(again.node.endsWith(`:${survivor.port}`), `the proxy sent the reconnect to the live node`);
    again.send({ type: 'join', roomId: ctx.roomId, resume: ctx.studentPeerId });
    const joined = await again.next('joined');
    assert.is(joined.peerId, ctx.studentPeerId, 'the same peer id: the same place in the room');
    assert.ok(joined.resumed, 'resumed, not joined afresh');
    assert.equal(
      joined.chat.map((m) => m.text),
      ['Good morning, Stan', 'Good morning!'],
      'the chat written before the failover is all there, once',
    );

    again.send({ type: 'chat.post', text: 'Sorry, my connection dropped' });
    await ctx.teacherSocket.next('chat.message', (m) => m.message.text === 'Sorry, my connection dropped');
    assert.not.ok(
      ctx.teacherSocket.received.some((m) => m.type === 'peer.left' && m.peerId === ctx.studentPeerId),
      'the teacher never saw the student leave',
    );
    const chat = await https(ctx.proxy.origin, 'GET', `/api/rooms/${ctx.roomId}/chat`, ctx.tls.ca, {
      cookie: ctx.teacher.cookie,
    });
    assert.is(chat.status, 200, chat.body);
    assert.equal(
      (JSON.parse(chat.body) as { messages: { text: string }[] }).messages.map((m) => m.text),
      ['Good morning, Stan', 'Good morning!', 'Sorry, my connection dropped'],
      'the room recorded every message once, in order',
    );
  });

  test(names[3]!, async (ctx) => {
    const survivor = ctx.nodes.find((n) => n.child.exitCode === null && n.child.signalCode === null)!;
    const cookie = await signIn(ctx, ctx.student.email);
    for (let i = 0; i < 4; i++) {
      const chat = await https(ctx.proxy.origin, 'GET', `/api/rooms/${ctx.roomId}/chat`, ctx.tls.ca, {
        cookie,
      });
      if (chat.status !== 200) console.error((await ctx.proxy.log()).slice(-3000));
      assert.is(chat.status, 200, `answer ${i + 1}: ${chat.body}`);
      assert.ok(String(chat.headers['x-lectern-node']).endsWith(`:${survivor.port}`), 'from the live node');
    }
    const me = await https(ctx.proxy.origin, 'GET', '/api/me', ctx.tls.ca, { cookie });
    assert.is(me.status, 200, me.body);
  });

  test.run();
}
