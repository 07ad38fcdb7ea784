// Raised hands and reactions across two nodes: a raised hand is room state (a late joiner sees it, a reconnect
// on the other node keeps it), the host lowers it from any node, leaving lowers it, a reaction reaches
// everyone, and a flood of them is rate limited like chat.
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

type Ctx = {
  nats: Awaited<ReturnType<typeof ownNats>>;
  c: Cluster;
  teacher: Person;
  students: Person[];
  roomId: string;
  clients: RoomClient[];
};

const names = [
  'a raised hand is seen by everyone, by a late joiner too, survives a reconnect on the other node, and the host lowers it from another node',
  'only the host lowers another hand; leaving lowers it; a reaction reaches everyone on both nodes; flooding reactions is rate limited',
];

const missing = await clusterServices();
if (missing) {
  skippedSuite('room gestures', missing, names);
} else {
  const test = suite<Ctx>('room gestures');
  test.before(async (ctx) => {
    ctx.nats = await ownNats();
    ctx.c = await cluster({ natsUrl: ctx.nats.url });
    await ctx.c.start(2);
    const orgId = await organisation(ctx.c);
    const admin = await ctx.c.person(orgId, 'admin', 'Ada Admin');
    ctx.teacher = await ctx.c.person(orgId, 'teacher', 'Tereza Teacher');
    ctx.students = [];
    for (let i = 1; i <= 3; i++) ctx.students.push(await ctx.c.person(orgId, 'student', `Student ${i}`));
    ({ roomId: ctx.roomId } = await liveSession(ctx.c, admin, ctx.teacher, ctx.students));
    ctx.clients = [];
  });
  test.after.each(({ clients }) => {
    for (const client of clients.splice(0)) client.close();
  });
  test.after(async ({ c, nats }) => {
    await c.close();
    await nats.stop();
  });

  const enter = async (ctx: Ctx, node: number, who: Person, extra: Record<string, unknown> = {}) => {
    const client = await RoomClient.connect(ctx.c.nodes[node]!.url, who.cookie);
    ctx.clients.push(client);
    return { client, joined: await client.join(ctx.roomId, extra) };
  };

  test(names[0]!, async (ctx) => {
    const { client: teacher } = await enter(ctx, 0, ctx.teacher);
    const { client: student, joined } = await enter(ctx, 1, ctx.students[0]!);
    await teacher.next('peer.joined', (m) => m.peer.peerId === joined.peerId);

    student.send({ type: 'hand.raise' });
    const mine = await student.next('hand.changed');
    assert.ok(mine.raisedAt, 'the student is told the hand is up');
    assert.is(mine.loweredBy, null);
    const seen = await teacher.next('peer.updated', (m) => m.peer.peerId === joined.peerId);
    assert.is(seen.peer.handRaisedAt, mine.raisedAt, 'the teacher on the other node sees the hand');

    const { joined: late } = await enter(ctx, 0, ctx.students[1]!);
    const raised = late.peers.find((p) => p.peerId === joined.peerId);
    assert.is(raised?.handRaisedAt, mine.raisedAt, 'someone joining later sees the raised hand');

    // The student's connection drops; the browser comes back on the other node within the grace period.
    student.ws.terminate();
    await new Promise((r) => setTimeout(r, 100));
    const { joined: back } = await enter(ctx, 0, ctx.students[0]!, { resume: joined.peerId });
    assert.ok(back.resumed);
    assert.is(back.self.handRaisedAt, mine.raisedAt, 'the hand is still up after the reconnect');
    const backClient = ctx.clients.at(-1)!;

    // The teacher is on node 0 with the student now; lower from node 1 to cross the bus.
    const { client: teacherOnOne } = await enter(ctx, 1, ctx.teacher);
    teacherOnOne.send({ type: 'hand.lower', peerId: joined.peerId });
    const lowered = await backClient.next('hand.changed', (m) => m.raisedAt === null);
    assert.is(lowered.loweredBy, ctx.teacher.id, 'the student learns the teacher lowered it');
    const down = await teacher.next(
      'peer.updated',
      (m) => m.peer.peerId === joined.peerId && !m.peer.handRaisedAt,
    );
    assert.is(down.peer.handRaisedAt, null, 'everyone sees the hand go down');
  });

  test(names[1]!, async (ctx) => {
    const { client: teacher } = await enter(ctx, 0, ctx.teacher);
    const { client: s1, joined: j1 } = await enter(ctx, 1, ctx.students[0]!);
    const { client: s2, joined: j2 } = await enter(ctx, 0, ctx.students[1]!);

    s2.send({ type: 'hand.raise' });
    await s2.next('hand.changed');
    await s1.next('peer.updated', (m) => m.peer.peerId === j2.peerId && !!m.peer.handRaisedAt);
    s1.send({ type: 'hand.lower', peerId: j2.peerId });
    assert.is((await s1.next('error')).code, 'forbidden', 'a student cannot lower someone else’s hand');
    s1.send({ type: 'hand.lower', peerId: 'nobody-here' });
    assert.is((await s1.next('error')).code, 'forbidden');
    teacher.send({ type: 'hand.lower', peerId: 'nobody-here' });
    assert.is((await teacher.next('error')).code, 'not_found');

    s2.send({ type: 'leave' });
    await teacher.next('peer.left', (m) => m.peerId === j2.peerId);
    const { joined: again } = await enter(ctx, 0, ctx.students[1]!);
    assert.not.ok(again.self.handRaisedAt, 'a hand does not outlive leaving the room');

    s1.send({ type: 'reaction', emoji: '👏' });
    const onTeacher = await teacher.next('reaction');
    assert.is(onTeacher.emoji, '👏');
    assert.is(onTeacher.name, 'Student 1');
    assert.is(onTeacher.peerId, j1.peerId);
    await s1.next('reaction', (m) => m.emoji === '👏');
    s1.send({ type: 'reaction', emoji: '🐍' } as Record<string, unknown>);
    assert.is((await s1.next('error')).code, 'invalid_message', 'only the offered reactions');

    for (let i = 0; i < 30; i++) s1.send({ type: 'reaction', emoji: '😂' });
    const limited = await s1.next('error', (m) => m.code === 'rate_limited');
    assert.is(limited.code, 'rate_limited');
    await new Promise((r) => setTimeout(r, 300));
    const laughs = teacher.all('reaction').filter((m) => m.emoji === '😂').length;
    assert.ok(
      laughs >= 15 && laughs <= 22,
      `about a burst of reactions went through, not all 30 (${laughs})`,
    );
  });

  test.run();
}
