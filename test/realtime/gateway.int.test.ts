// The live-room gateway on two server nodes sharing a NATS server: joining, refusals, signalling across
// nodes, reconnect grace and presence for attendance.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  clusterServices,
  ownNats,
  cluster,
  organisation,
  liveSession,
  RoomClient,
} from './support/cluster.js';
import type { Cluster, Person } from './support/cluster.js';
import { skippedSuite } from '../support/suite.js';
import { handleCommand } from '../../commands/handleCommand.js';
import { liveSessions } from '../../commands/aggregates.js';
import { deleteAllSessions } from '../../auth/sessions.js';

type Ctx = {
  nats: Awaited<ReturnType<typeof ownNats>>;
  c: Cluster;
  teacher: Person;
  students: Person[];
  outsider: Person;
  roomId: string;
  liveSessionId: string;
  clients: RoomClient[];
};

const names = [
  'a teacher on node A and a student on node B see each other and signal in order across nodes',
  'a non-member, a stranger without a session and a foreign origin are refused with a reason',
  'a bad message gets an error and the connection stays open',
  'a room is closed before 10 minutes ahead of the start',
  'joining and leaving are recorded as presence; a reconnect within the grace period is not a leave',
  'more than 4 peers with video are told the mesh is too large',
  'signalling carries on after NATS restarts',
  'a browser that reconnects to the other node keeps its peer id, and nobody sees it leave',
  'a participant removed from the session is put out of the room at their next message',
  'signing out ends the live connection at the next message',
  'when the teacher ends the session, everyone in the room is told and let go (runs last: it ends the room)',
];

const missing = await clusterServices();
if (missing) {
  skippedSuite('gateway', missing, names);
} else {
  const test = suite<Ctx>('gateway');
  test.before(async (ctx) => {
    try {
      await setUp(ctx);
    } catch (error) {
      // uvu reports a failing hook without its reason.
      console.error('setting up failed:', error);
      throw error;
    }
  });
  const setUp = async (ctx: Ctx) => {
    ctx.nats = await ownNats();
    ctx.c = await cluster({ natsUrl: ctx.nats.url });
    await ctx.c.start(2);
    const orgId = await organisation(ctx.c);
    const admin = await ctx.c.person(orgId, 'admin', 'Ada Admin');
    ctx.teacher = await ctx.c.person(orgId, 'teacher', 'Tereza Teacher');
    ctx.students = [];
    for (let i = 1; i <= 5; i++) ctx.students.push(await ctx.c.person(orgId, 'student', `Student ${i}`));
    ctx.outsider = await ctx.c.person(orgId, 'student', 'Olga Outsider');
    const session = await liveSession(ctx.c, admin, ctx.teacher, ctx.students);
    ctx.roomId = session.roomId;
    ctx.liveSessionId = session.liveSessionId;
    ctx.clients = [];
  };
  test.after.each(({ clients }) => {
    for (const client of clients.splice(0)) client.close();
  });
  test.after(async ({ c, nats }) => {
    await c.close();
    await nats.stop();
  });

  const connect = async (ctx: Ctx, node: number, who: Person | null) => {
    const client = await RoomClient.connect(ctx.c.nodes[node]!.url, who?.cookie ?? null);
    ctx.clients.push(client);
    return client;
  };

  test(names[0]!, async (ctx) => {
    const teacher = await connect(ctx, 0, ctx.teacher);
    const student = await connect(ctx, 1, ctx.students[0]!);
    const t = await teacher.join(ctx.roomId);
    assert.equal(t.iceServers, [{ urls: 'stun:stun.example.org:3478' }], 'ICE servers from configuration');
    assert.is(t.self.roomRole, 'host');
    const s = await student.join(ctx.roomId);
    assert.ok(
      s.peers.some((p) => p.peerId === t.peerId && p.name === 'Tereza Teacher'),
      'the student on node B sees the teacher on node A',
    );
    const joined = await teacher.next('peer.joined', (m) => m.peer.peerId === s.peerId);
    assert.is(joined.peer.roomRole, 'participant');

    for (let i = 0; i < 30; i++)
      teacher.send({ type: 'signal', to: s.peerId, data: { type: 'candidate', i } });
    student.send({ type: 'signal', to: t.peerId, data: { type: 'answer', sdp: 'v=0' } });
    const got: number[] = [];
    for (let i = 0; i < 30; i++) {
      const m = await student.next('signal');
      assert.is(m.from, t.peerId);
      got.push((m.data as { i: number }).i);
    }
    assert.equal(got, [...Array(30).keys()], 'in order');
    const answer = await teacher.next('signal');
    assert.equal(answer, { type: 'signal', from: s.peerId, data: { type: 'answer', sdp: 'v=0' } });

    student.send({ type: 'leave' });
    await student.next('left');
    await teacher.next('peer.left', (m) => m.peerId === s.peerId);
  });

  test(names[1]!, async (ctx) => {
    const outsider = await connect(ctx, 1, ctx.outsider);
    outsider.send({ type: 'join', roomId: ctx.roomId, ref: 'j1' });
    const refused = await outsider.next('error');
    assert.is(refused.code, 'not_found');
    assert.is(refused.ref, 'j1');
    outsider.send({ type: 'chat.post', text: 'let me in' });
    assert.is((await outsider.next('error')).code, 'not_joined');

    const anonymous = await connect(ctx, 0, null);
    assert.is((await anonymous.next('error')).code, 'unauthenticated');
    await anonymous.take(() => false, 'close', 500).catch(() => undefined);
    assert.is(anonymous.closed?.code, 4401);

    const foreign = await RoomClient.connect(
      ctx.c.nodes[0]!.url,
      ctx.students[0]!.cookie,
      'https://evil.example',
    );
    ctx.clients.push(foreign);
    assert.is((await foreign.next('error')).code, 'forbidden');
    await foreign.take(() => false, 'close', 500).catch(() => undefined);
    assert.is(foreign.closed?.code, 4403);
  });

  test(names[2]!, async (ctx) => {
    const student = await connect(ctx, 0, ctx.students[0]!);
    student.ws.send('not json');
    assert.is((await student.next('error')).code, 'invalid_message');
    student.send({ type: 'chat.post', text: 'x'.repeat(2001), ref: 'long' });
    const tooLong = await student.next('error');
    assert.is(tooLong.code, 'invalid_message');
    assert.is(tooLong.ref, 'long');
    student.send({ type: 'warp.drive' });
    assert.is((await student.next('error')).code, 'invalid_message');
    student.ws.send(Buffer.from([1, 2, 3]));
    assert.is((await student.next('error')).code, 'invalid_message');
    student.ws.send(JSON.stringify({ type: 'ping', pad: 'x'.repeat(1024 * 1024 + 10) }));
    assert.is((await student.next('error')).code, 'too_large');
    student.send({ type: 'ping', ref: 'still' });
    assert.is((await student.next('pong')).ref, 'still', 'the connection is still open');
  });

  test(names[3]!, async (ctx) => {
    const now = ctx.c.clock.now().toISOString();
    ctx.c.clock.advance(-30);
    try {
      const student = await connect(ctx, 0, ctx.students[0]!);
      student.send({ type: 'join', roomId: ctx.roomId });
      const closed = await student.next('error');
      assert.is(closed.code, 'room_closed');
    } finally {
      ctx.c.clock.set(now);
    }
  });

  test(names[4]!, async (ctx) => {
    const store = ctx.c.nodes[0]!.runtime.deps.eventStore;
    const presence = async () =>
      (await store.readStream(`liveSession-${ctx.liveSessionId}`))
        .filter((e) => (e.data as { personId?: string }).personId === ctx.students[1]!.id)
        .map((e) => e.type);
    const before = (await presence()).length;

    const teacher = await connect(ctx, 0, ctx.teacher);
    await teacher.join(ctx.roomId);
    const first = await connect(ctx, 1, ctx.students[1]!);
    const joined = await first.join(ctx.roomId);
    await teacher.next('peer.joined', (m) => m.peer.peerId === joined.peerId);
    first.ws.terminate();
    const again = await connect(ctx, 1, ctx.students[1]!);
    const resumed = await again.join(ctx.roomId, { resume: joined.peerId });
    assert.ok(resumed.resumed, 'resumed');
    assert.is(resumed.peerId, joined.peerId, 'the same peer id');
    assert.ok(resumed.peers.some((p) => p.personId === ctx.teacher.id));
    again.send({ type: 'leave' });
    await teacher.next('peer.left', (m) => m.peerId === joined.peerId);
    assert.is(
      teacher.all('peer.left').filter((m) => m.peerId === joined.peerId).length,
      1,
      'one leave, after the explicit leave: the dropped socket was not a leave',
    );
    const recorded = (await presence()).slice(before);
    assert.ok(recorded.length >= 2, `presence recorded: ${recorded.join(', ')}`);
    assert.equal(recorded, ['ParticipantJoined', 'ParticipantLeft'], 'one stay, not broken by the reconnect');
  });

  test(names[5]!, async (ctx) => {
    const teacher = await connect(ctx, 0, ctx.teacher);
    await teacher.join(ctx.roomId);
    const others: RoomClient[] = [];
    for (let i = 0; i < 4; i++) {
      const client = await connect(ctx, i % 2, ctx.students[i]!);
      await client.join(ctx.roomId);
      others.push(client);
    }
    const notice = await teacher.next('mesh.tooLarge');
    assert.is(notice.videoPeers, 5);
    assert.is(notice.limit, 4);
    await others[3]!.next('mesh.tooLarge');
  });

  test(names[6]!, async (ctx) => {
    const teacher = await connect(ctx, 0, ctx.teacher);
    const student = await connect(ctx, 1, ctx.students[2]!);
    const t = await teacher.join(ctx.roomId);
    const s = await student.join(ctx.roomId);
    await ctx.nats.stop();
    await new Promise((r) => setTimeout(r, 300));
    await ctx.nats.start();
    // Each node's client reconnects on its own and restores its subscriptions.
    const deadline = Date.now() + 20_000;
    let delivered = false;
    for (let i = 0; !delivered && Date.now() < deadline; i++) {
      teacher.send({ type: 'signal', to: s.peerId, data: { after: 'restart', i } });
      delivered = await student
        .next('signal', (m) => (m.data as { after?: string }).after === 'restart', 500)
        .then(() => true)
        .catch(() => false);
    }
    assert.ok(delivered, 'a signal crossed the nodes after NATS came back');
    student.send({ type: 'signal', to: t.peerId, data: { back: true } });
    await teacher.next('signal', (m) => (m.data as { back?: boolean }).back === true, 5000);
  });

  test(names[7]!, async (ctx) => {
    const teacher = await connect(ctx, 0, ctx.teacher);
    await teacher.join(ctx.roomId);
    const first = await connect(ctx, 0, ctx.students[3]!);
    const joined = await first.join(ctx.roomId);
    await teacher.next('peer.joined', (m) => m.peer.peerId === joined.peerId);
    first.ws.terminate();
    await new Promise((r) => setTimeout(r, 100));
    const again = await connect(ctx, 1, ctx.students[3]!);
    const resumed = await again.join(ctx.roomId, { resume: joined.peerId });
    assert.ok(resumed.resumed);
    assert.is(resumed.peerId, joined.peerId, 'the same peer id on the other node');
    teacher.send({ type: 'signal', to: joined.peerId, data: { hello: 'again' } });
    const signal = await again.next('signal');
    assert.equal(signal.data, { hello: 'again' }, 'signals now reach the new node');
    await new Promise((r) => setTimeout(r, 300));
    assert.not.ok(
      teacher.all('peer.left').some((m) => m.peerId === joined.peerId),
      'the teacher never saw the student leave',
    );
  });

  test(names[8]!, async (ctx) => {
    const student = await connect(ctx, 1, ctx.students[4]!);
    await student.join(ctx.roomId);
    const deps = ctx.c.nodes[0]!.runtime.deps;
    await handleCommand(
      deps.eventStore,
      liveSessions,
      ctx.liveSessionId,
      {
        type: 'RemoveParticipant',
        liveSessionId: ctx.liveSessionId,
        now: ctx.c.clock.now().toISOString(),
        studentId: ctx.students[4]!.id,
      },
      { orgId: ctx.teacher.orgId, actorId: ctx.teacher.id, now: ctx.c.clock.now().toISOString() },
    );
    const now = ctx.c.clock.now().toISOString();
    ctx.c.clock.advance(1);
    try {
      student.send({ type: 'chat.post', text: 'still here?' });
      assert.is((await student.next('error')).code, 'not_found');
      student.send({ type: 'chat.post', text: 'hello?' });
      assert.is((await student.next('error')).code, 'not_joined', 'out of the room');
    } finally {
      ctx.c.clock.set(now);
    }
  });

  test(names[9]!, async (ctx) => {
    const person = await ctx.c.person(ctx.teacher.orgId, 'student', 'Short Session');
    const client = await connect(ctx, 0, person);
    client.send({ type: 'ping' });
    await client.next('pong');
    await deleteAllSessions(ctx.c.nodes[0]!.runtime.deps.db, person.id);
    const now = ctx.c.clock.now().toISOString();
    ctx.c.clock.advance(1);
    try {
      client.send({ type: 'ping' });
      assert.is((await client.next('error')).code, 'unauthenticated');
      await client.take(() => false, 'close', 1000).catch(() => undefined);
      assert.is(client.closed?.code, 4401);
    } finally {
      ctx.c.clock.set(now);
    }
  });

  test(names[10]!, async (ctx) => {
    const teacher = await connect(ctx, 0, ctx.teacher);
    await teacher.join(ctx.roomId);
    const student = await connect(ctx, 1, ctx.students[0]!);
    await student.join(ctx.roomId);
    const deps = ctx.c.nodes[0]!.runtime.deps;
    const context = {
      orgId: ctx.teacher.orgId,
      actorId: ctx.teacher.id,
      now: ctx.c.clock.now().toISOString(),
    };
    const base = { liveSessionId: ctx.liveSessionId, now: context.now };
    await handleCommand(
      deps.eventStore,
      liveSessions,
      ctx.liveSessionId,
      { ...base, type: 'StartLiveSession' },
      context,
    );
    await handleCommand(
      deps.eventStore,
      liveSessions,
      ctx.liveSessionId,
      { ...base, type: 'EndLiveSession' },
      context,
    );
    for (const node of ctx.c.nodes)
      await (node.app as unknown as { liveRooms: { sweep(): Promise<void> } }).liveRooms.sweep();
    const closed = await student.next('error');
    assert.is(closed.code, 'room_closed');
    await student.next('left');
    await teacher.next('left');
    student.send({ type: 'join', roomId: ctx.roomId });
    assert.is((await student.next('error', (m) => m !== closed)).code, 'room_closed', 'no way back in');
  });

  test.run();
}
