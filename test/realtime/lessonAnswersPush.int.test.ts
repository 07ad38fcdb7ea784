// The teacher's progress view follows answers without polling: an answer given on one node reaches the room's
// teacher on another as answers.changed (over the bus), never the other students; a graded essay reaches its
// writer; a reveal reaches everyone.
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

type Ctx = { nats: Awaited<ReturnType<typeof ownNats>>; c: Cluster; clients: RoomClient[] };
const names = [
  "a student's answer reaches the teacher on another node, not the other students; a grade reaches its student; a reveal reaches all",
];

const document = {
  schemaVersion: 1,
  blocks: [
    { type: 'trueFalse', id: 'tf', statement: 'The sun rises in the west.', answer: false },
    { type: 'essay', id: 'essay', points: 2, prompt: 'Describe your morning.' },
  ],
};

const missing = await clusterServices();
if (missing) {
  skippedSuite('lesson answers pushed to the room', missing, names);
} else {
  const test = suite<Ctx>('lesson answers pushed to the room');
  test.before(async (ctx) => {
    ctx.nats = await ownNats();
    ctx.c = await cluster({ natsUrl: ctx.nats.url });
    await ctx.c.start(2);
    ctx.clients = [];
  });
  test.after(async ({ c, nats, clients }) => {
    for (const client of clients) client.close();
    await c.close();
    await nats.stop();
  });

  test(names[0]!, async (ctx) => {
    const { c } = ctx;
    const orgId = await organisation(c);
    const admin = await c.person(orgId, 'admin', 'Ada Admin');
    const teacherP = await c.person(orgId, 'teacher', 'Tereza Teacher');
    const ana = await c.person(orgId, 'student', 'Ana');
    const ben = await c.person(orgId, 'student', 'Ben');
    const { roomId } = await liveSession(c, admin, teacherP, [ana, ben]);
    const enter = async (node: number, who: Person) => {
      const client = await RoomClient.connect(c.nodes[node]!.url, who.cookie);
      ctx.clients.push(client);
      await client.join(roomId);
      return client;
    };
    const teacher = await enter(0, teacherP);
    const benClient = await enter(1, ben);
    const anaClient = await enter(1, ana);
    teacher.send({ type: 'lesson.instant', title: 'Quick check' });
    const created = await teacher.next('lesson.instantCreated');
    const base = `/api/rooms/${roomId}/instant-lessons/${created.lesson.lessonId}`;
    const put = await http(c.nodes[0]!, teacherP, 'PUT', `${base}/content`, document);
    assert.is(put.status, 200, JSON.stringify(put.body));

    const answer = { exerciseId: 'tf', answer: { type: 'trueFalse', value: false } };
    const answered = await http(c.nodes[1]!, ana, 'POST', `${base}/answers`, answer);
    assert.is(answered.status, 201, JSON.stringify(answered.body));
    const pushed = await teacher.next('answers.changed', undefined, 15_000);
    assert.equal(
      [pushed.place, pushed.lessonId, pushed.studentId],
      ['instant', created.lesson.lessonId, ana.id],
    );

    const wrote = { exerciseId: 'essay', answer: { type: 'essay', text: 'I get up and run.' } };
    assert.is((await http(c.nodes[1]!, ana, 'POST', `${base}/answers`, wrote)).status, 201);
    const graded = await http(
      c.nodes[0]!,
      teacherP,
      'POST',
      `${base}/students/${ana.id}/answers/essay/grade`,
      {
        points: 2,
        comment: 'Lively.',
      },
    );
    assert.is(graded.status, 200, JSON.stringify(graded.body));
    // Ana hears of her own answers (the second one) and of the grade; Ben of none of it.
    await anaClient.next('answers.changed', (m) => m.studentId === ana.id, 15_000);
    await anaClient.next('answers.changed', (m) => m.studentId === ana.id, 15_000);
    await anaClient.next('answers.changed', (m) => m.studentId === ana.id, 15_000);

    const revealed = await http(c.nodes[0]!, teacherP, 'POST', `${base}/answers/reveal`);
    assert.is(revealed.status, 200);
    const toBen = await benClient.next('answers.changed', undefined, 15_000);
    assert.is(toBen.studentId, null, "the first change Ben hears of is the reveal, not Ana's answer");
  });

  test.run();
}
