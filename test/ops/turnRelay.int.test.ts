// TURN for people on different networks: a room member gets time-limited TURN credentials (on join and from
// GET /api/rooms/:roomId/ice-servers), and coturn, configured as deploy/coturn/turnserver.conf, opens a relay
// with them and carries data between two relays; expired or forged credentials are refused.
// coturn checks the expiry against the real clock, so this suite's clock starts at the real time.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  clusterServices,
  cluster,
  organisation,
  liveSession,
  RoomClient,
  http,
} from '../realtime/support/cluster.js';
import type { Cluster, Person } from '../realtime/support/cluster.js';
import { skippedSuite } from '../support/suite.js';
import { isCI } from '../support/services.js';
import { testClock } from '../support/clock.js';
import { coturnMissing, startCoturn, type Coturn } from './support/coturn.js';
import { TurnClient, TurnError } from './support/turnClient.js';
import { iceServersFor, turnPassword } from '../../auth/turnCredentials.js';
import type { IceServer } from '../../realtime/messages.js';

const SECRET = 'turn-secret-for-the-relay-test-0123456789';

type Ctx = {
  turn: Coturn;
  c: Cluster;
  teacher: Person;
  student: Person;
  outsider: Person;
  roomId: string;
  clients: TurnClient[];
};

const names = [
  "a student's join carries TURN credentials that open a relay on coturn, and data flows between two relays",
  'the ice-servers route hands a member fresh credentials; a stranger gets 404',
  'credentials past their expiry, or signed with another secret, are refused by coturn',
];

const missing = (await coturnMissing()) ?? (await clusterServices());
if (missing && isCI) throw new Error(`CI=true but the TURN suite cannot run: ${missing}`);
if (missing) {
  skippedSuite('turnRelay', missing, names);
} else {
  const test = suite<Ctx>('turnRelay');
  test.before(async (ctx) => {
    try {
      ctx.clients = [];
      ctx.turn = await startCoturn(SECRET);
      ctx.c = await cluster({
        clock: testClock(new Date().toISOString()),
        env: { TURN_URLS: `turn:127.0.0.1:${ctx.turn.port}?transport=udp`, TURN_SECRET: SECRET },
      });
      await ctx.c.start(1);
      const orgId = await organisation(ctx.c);
      const admin = await ctx.c.person(orgId, 'admin', 'Ada Admin');
      ctx.teacher = await ctx.c.person(orgId, 'teacher', 'Tereza Teacher');
      ctx.student = await ctx.c.person(orgId, 'student', 'Stan Student');
      ctx.outsider = await ctx.c.person(orgId, 'student', 'Olga Outsider');
      ctx.roomId = (await liveSession(ctx.c, admin, ctx.teacher, [ctx.student], 'individual')).roomId;
    } catch (error) {
      console.error('setting up failed:', error);
      throw error;
    }
  });
  test.after(async (ctx) => {
    for (const client of ctx.clients) client.close();
    await ctx.c?.close();
    await ctx.turn?.stop();
  });

  const turnOf = (iceServers: IceServer[]) => {
    const turn = iceServers.find((s) => [s.urls].flat().some((u) => u.startsWith('turn:')));
    assert.ok(
      turn?.username && turn.credential,
      `a TURN server with credentials in ${JSON.stringify(iceServers)}`,
    );
    return { username: turn!.username!, credential: turn!.credential! };
  };
  const client = (ctx: Ctx, username: string, password: string) => {
    const c = new TurnClient({ address: '127.0.0.1', port: ctx.turn.port }, username, password);
    ctx.clients.push(c);
    return c;
  };

  test(names[0]!, async (ctx) => {
    const ws = await RoomClient.connect(ctx.c.nodes[0]!.url, ctx.student.cookie);
    const joined = await ws.join(ctx.roomId);
    ws.close();
    assert.ok(
      joined.iceServers.some((s) => s.urls === 'stun:stun.example.org:3478'),
      'the configured STUN server stays',
    );
    const student = turnOf(joined.iceServers);
    const [expiry, personId] = student.username.split(':');
    assert.is(personId, ctx.student.id, 'the username names the person');
    assert.is(
      Number(expiry),
      Math.floor(ctx.c.clock.now().getTime() / 1000) + 3600,
      'valid for TURN_TTL_SECONDS',
    );

    const teacherWs = await RoomClient.connect(ctx.c.nodes[0]!.url, ctx.teacher.cookie);
    const teacher = turnOf((await teacherWs.join(ctx.roomId)).iceServers);
    teacherWs.close();

    const a = client(ctx, student.username, student.credential);
    const b = client(ctx, teacher.username, teacher.credential);
    const relayA = await a.allocate();
    const relayB = await b.allocate();
    await a.permit(relayB);
    await b.permit(relayA);
    a.send(relayB, Buffer.from('hello through the relay'));
    const got = await b.nextData();
    assert.is(got.data.toString(), 'hello through the relay');
    assert.equal(got.from, relayA, "it arrived from the student's relay");
    b.send(relayA, Buffer.from('and back'));
    assert.is((await a.nextData()).data.toString(), 'and back');
  });

  test(names[1]!, async (ctx) => {
    const node = ctx.c.nodes[0]!;
    const answer = await http(node, ctx.student, 'GET', `/api/rooms/${ctx.roomId}/ice-servers`);
    assert.is(answer.status, 200, JSON.stringify(answer.body));
    const body = answer.body as { iceServers: IceServer[]; expiresAt: string };
    const { username, credential } = turnOf(body.iceServers);
    assert.is(username.split(':')[1], ctx.student.id);
    assert.is(new Date(body.expiresAt).getTime() / 1000, Number(username.split(':')[0]));
    const relay = await client(ctx, username, credential).allocate();
    assert.is(relay.address, '127.0.0.1', 'a relay was allocated with the route’s credentials');

    const stranger = await http(node, ctx.outsider, 'GET', `/api/rooms/${ctx.roomId}/ice-servers`);
    assert.is(stranger.status, 404, 'not a member: no credentials');
  });

  test(names[2]!, async (ctx) => {
    const config = ctx.c.nodes[0]!.runtime.deps.config;
    // Issued on a fixed day long past: their expiry is over.
    const old = turnOf(iceServersFor(config, ctx.student.id, new Date('2026-01-05T08:00:00Z')).iceServers);
    const expired = await client(ctx, old.username, old.credential)
      .allocate()
      .catch((e: unknown) => e);
    assert.instance(expired, TurnError);
    assert.is((expired as TurnError).code, 401, 'expired credentials: 401');

    const fresh = turnOf(iceServersFor(config, ctx.student.id, ctx.c.clock.now()).iceServers);
    const forged = await client(
      ctx,
      fresh.username,
      turnPassword('another-secret-0123456789', fresh.username),
    )
      .allocate()
      .catch((e: unknown) => e);
    assert.instance(forged, TurnError);
    assert.is((forged as TurnError).code, 401, 'a password signed with another secret: 401');
  });

  test.run();
}
