// The gateway's control of the SFU, without browsers: two server nodes on NATS with JANUS_URL set. A group
// session above SFU_THRESHOLD goes through the SFU and a one-to-one lesson stays a mesh; the server makes the
// session's Janus room on the first `sfu.join` and lets it go when the last person leaves; only the host decides
// who may send video, and a stopped person's video publish is refused, on either node. The mode follows the
// roster at every join, for everyone on every node (a student added mid-session switches the room to the SFU),
// and the host's asks to mute reach everyone.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  clusterServices,
  ownNats,
  cluster,
  organisation,
  liveSession,
  RoomClient,
  http,
} from './support/cluster.js';
import type { Cluster, Person } from './support/cluster.js';
import { skippedSuite } from '../support/suite.js';
import { janusForTests } from '../e2e/support/janus.js';
import { JanusClient } from '../../realtime/sfu/janusClient.js';
import { janusRoomOf } from '../../realtime/sfu/sfu.js';

const names = [
  'a group session above the threshold uses the SFU; a one-to-one lesson stays a mesh',
  'the Janus room is made on the first sfu.join, on either node, and let go when the last person leaves',
  'only the host decides who may send video; a stopped video publish is refused on the other node too',
  'a student added mid-session crosses the threshold: everyone switches to the SFU, on both nodes, and back',
  'the host asks everyone (or one person) to mute; a node that opens the room later knows whose video is stopped',
];

type Ctx = {
  nats: Awaited<ReturnType<typeof ownNats>>;
  c: Cluster;
  teacher: Person;
  students: Person[];
  group: string;
  individual: string;
  admin: Person;
  clients: RoomClient[];
  janus: JanusClient;
};

const missing = await clusterServices();
const janus = missing ? null : await janusForTests();
const why = missing ?? (janus?.url === null ? janus.why : null);
if (why) {
  if (janus?.url) janus.stop();
  skippedSuite('sfu control', why, names);
} else {
  const janusUrl = janus!.url!;
  const test = suite<Ctx>('sfu control');
  test.before(async (ctx) => {
    try {
      ctx.nats = await ownNats();
      ctx.c = await cluster({ natsUrl: ctx.nats.url, env: { JANUS_URL: janusUrl, SFU_THRESHOLD: '2' } });
      await ctx.c.start(2);
      const orgId = await organisation(ctx.c);
      const admin = (ctx.admin = await ctx.c.person(orgId, 'admin', 'Ada Admin'));
      ctx.teacher = await ctx.c.person(orgId, 'teacher', 'Tereza Teacher');
      ctx.students = [
        await ctx.c.person(orgId, 'student', 'Sofia Student'),
        await ctx.c.person(orgId, 'student', 'Lukas Learner'),
      ];
      ctx.group = (await liveSession(ctx.c, admin, ctx.teacher, ctx.students)).roomId;
      const tutor = await ctx.c.person(orgId, 'teacher', 'Tom Tutor');
      ctx.individual = (await liveSession(ctx.c, admin, tutor, [ctx.students[0]!], 'individual')).roomId;
      ctx.clients = [];
      ctx.janus = new JanusClient(janusUrl, () => undefined);
    } catch (error) {
      console.error('setting up failed:', error);
      throw error;
    }
  });
  // Leaving (not dropping): no reconnect grace keeps a peer, so the next test starts from an empty room.
  test.after.each(async ({ clients }) => {
    for (const client of clients.splice(0)) {
      client.send({ type: 'leave' });
      await new Promise((r) => setTimeout(r, 50));
      client.close();
    }
  });
  test.after(async ({ c, nats, janus: client }) => {
    client?.close();
    await c?.close();
    await nats?.stop();
    if (janus?.url) janus.stop();
  });

  const connect = async (ctx: Ctx, node: number, who: Person) => {
    const client = await RoomClient.connect(ctx.c.nodes[node]!.url, who.cookie);
    ctx.clients.push(client);
    return client;
  };

  const roomExists = async (ctx: Ctx, roomId: string) => {
    const session = await ctx.janus.createSession();
    try {
      const handle = await session.attach();
      const { data } = await handle.message({ request: 'exists', room: janusRoomOf(roomId) });
      return data.exists === true;
    } finally {
      await session.destroy();
    }
  };

  test(names[0]!, async (ctx) => {
    const teacher = await connect(ctx, 0, ctx.teacher);
    assert.equal((await teacher.join(ctx.group)).media, { mode: 'sfu' });
    const student = await connect(ctx, 1, ctx.students[0]!);
    assert.equal((await student.join(ctx.individual)).media, { mode: 'mesh' });
    student.send({ type: 'sfu.join', ref: 'j' });
    const refused = await student.next('error', (m) => m.ref === 'j');
    assert.is(refused.code, 'rule');
  });

  test(names[1]!, async (ctx) => {
    const teacher = await connect(ctx, 0, ctx.teacher);
    const student = await connect(ctx, 1, ctx.students[0]!);
    const t = await teacher.join(ctx.group);
    await student.join(ctx.group);
    teacher.send({ type: 'sfu.join', ref: 't' });
    student.send({ type: 'sfu.join', ref: 's' });
    const joined = await teacher.next('sfu.joined', (m) => m.ref === 't', 10_000);
    assert.equal(joined.feeds, [], 'nobody publishes yet');
    assert.ok(joined.videoAllowed);
    await student.next('sfu.joined', (m) => m.ref === 's', 10_000);
    assert.ok(await roomExists(ctx, ctx.group), 'the Janus room of the session exists');
    // Subscribing to a feed that is not in the room is refused by Janus, answered as not found.
    student.send({ type: 'sfu.subscribe', ref: 'x', feed: 12345 });
    assert.is((await student.next('error', (m) => m.ref === 'x', 10_000)).code, 'not_found');

    student.send({ type: 'leave', ref: 'l1' });
    await student.next('left');
    await teacher.next('peer.left');
    assert.ok(await roomExists(ctx, ctx.group), 'the teacher is still there');
    teacher.send({ type: 'leave', ref: 'l2' });
    await teacher.next('left');
    for (let i = 0; i < 40 && (await roomExists(ctx, ctx.group)); i++)
      await new Promise((r) => setTimeout(r, 100));
    assert.not.ok(await roomExists(ctx, ctx.group), 'the last one out: Janus lets the room go');
    assert.ok(t.peerId);
  });

  test(names[2]!, async (ctx) => {
    const teacher = await connect(ctx, 0, ctx.teacher);
    const student = await connect(ctx, 1, ctx.students[1]!);
    await teacher.join(ctx.group);
    await student.join(ctx.group);
    student.send({ type: 'sfu.join', ref: 's' });
    await student.next('sfu.joined', (m) => m.ref === 's', 10_000);

    student.send({ type: 'sfu.allow', ref: 'a', personId: ctx.teacher.id, video: false });
    assert.is((await student.next('error', (m) => m.ref === 'a')).code, 'forbidden');

    teacher.send({ type: 'sfu.join', ref: 't' });
    await teacher.next('sfu.joined', (m) => m.ref === 't', 10_000);
    teacher.send({ type: 'sfu.allow', personId: ctx.students[1]!.id, video: false });
    const told = await student.next('sfu.video', undefined, 8000);
    assert.equal([told.personId, told.allowed], [ctx.students[1]!.id, false]);
    const offer = 'v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n';
    student.send({ type: 'sfu.publish', ref: 'p', kind: 'camera', jsep: { type: 'offer', sdp: offer } });
    assert.is((await student.next('error', (m) => m.ref === 'p')).code, 'forbidden');
    student.send({ type: 'sfu.publish', ref: 'p2', kind: 'screen', jsep: { type: 'offer', sdp: offer } });
    assert.is((await student.next('error', (m) => m.ref === 'p2')).code, 'forbidden');

    teacher.send({ type: 'sfu.allow', personId: ctx.students[1]!.id, video: true });
    assert.ok((await student.next('sfu.video', (m) => m.allowed, 8000)).allowed);
  });

  test(names[3]!, async (ctx) => {
    const [sofia, lukas] = ctx.students as [Person, Person];
    // Another teacher: a teacher cannot be booked twice at the same time.
    const host = await ctx.c.person(ctx.admin.orgId, 'teacher', 'Tina Trainer');
    const small = await liveSession(ctx.c, ctx.admin, host, [sofia]);
    const teacher = await connect(ctx, 0, host);
    const student = await connect(ctx, 1, sofia);
    assert.equal((await teacher.join(small.roomId)).media, { mode: 'mesh' }, 'two people: the mesh');
    assert.equal((await student.join(small.roomId)).media, { mode: 'mesh' });
    const added = await http(
      ctx.c.nodes[0]!,
      ctx.admin,
      'POST',
      `/api/live-sessions/${small.liveSessionId}/participants`,
      {
        studentId: lukas.id,
      },
    );
    assert.is(added.status, 200, JSON.stringify(added.body));
    const third = await connect(ctx, 1, lukas);
    assert.equal((await third.join(small.roomId)).media, { mode: 'sfu' }, 'three people: the SFU');
    // Those already in the room, on this node and on the other, switch with the newcomer.
    assert.is((await teacher.next('media.mode', undefined, 8000)).mode, 'sfu');
    assert.is((await student.next('media.mode', undefined, 8000)).mode, 'sfu');
    student.send({ type: 'sfu.join', ref: 'after-switch' });
    await student.next('sfu.joined', (m) => m.ref === 'after-switch', 10_000);

    const removed = await http(
      ctx.c.nodes[0]!,
      ctx.admin,
      'DELETE',
      `/api/live-sessions/${small.liveSessionId}/participants/${lukas.id}`,
    );
    assert.is(removed.status, 200, JSON.stringify(removed.body));
    // The next join reads the smaller roster: everyone goes back to the mesh together.
    assert.equal((await teacher.join(small.roomId)).media, { mode: 'mesh' });
    assert.is((await student.next('media.mode', (m) => m.mode === 'mesh', 8000)).mode, 'mesh');
    student.send({ type: 'sfu.join', ref: 'mesh-again' });
    assert.is((await student.next('error', (m) => m.ref === 'mesh-again')).code, 'rule');
  });

  test(names[4]!, async (ctx) => {
    const [sofia, lukas] = ctx.students as [Person, Person];
    const teacher = await connect(ctx, 0, ctx.teacher);
    await teacher.join(ctx.group);
    teacher.send({ type: 'sfu.join', ref: 't' });
    await teacher.next('sfu.joined', (m) => m.ref === 't', 10_000);
    teacher.send({ type: 'sfu.allow', personId: lukas.id, video: false });
    await teacher.next('sfu.video', (m) => m.personId === lukas.id && !m.allowed, 8000);

    // Node 1 holds nobody in this room yet: it opens the room and asks what the host decided before.
    const student = await connect(ctx, 1, sofia);
    await student.join(ctx.group);
    const other = await connect(ctx, 1, lukas);
    await other.join(ctx.group);
    other.send({ type: 'sfu.join', ref: 'o' });
    const joined = await other.next('sfu.joined', (m) => m.ref === 'o', 10_000);
    assert.is(joined.videoAllowed, false, 'still stopped on the other node');
    assert.equal(joined.videoStopped, [lukas.id]);

    teacher.send({ type: 'sfu.mute', ref: 'all' });
    assert.is((await student.next('sfu.muted', undefined, 8000)).personId, null, 'everyone is asked');
    assert.is((await other.next('sfu.muted', undefined, 8000)).personId, null);
    teacher.send({ type: 'sfu.mute', personId: sofia.id });
    assert.is((await student.next('sfu.muted', undefined, 8000)).personId, sofia.id);
    student.send({ type: 'sfu.mute', ref: 'no' });
    assert.is((await student.next('error', (m) => m.ref === 'no')).code, 'forbidden');
    teacher.send({ type: 'sfu.allow', personId: lukas.id, video: true });
    assert.ok((await other.next('sfu.video', (m) => m.allowed, 8000)).allowed);
  });

  test.run();
}
