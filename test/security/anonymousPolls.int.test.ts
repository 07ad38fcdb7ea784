// Anonymous polls: nobody, the teacher included, can tell who answered or what: no per-person answers and no
// list of non-responders, over the WebSocket or over HTTP; the tallies show once 3 have answered, or after close.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { cluster, organisation, liveSession, RoomClient, http } from '../realtime/support/cluster.js';
import type { Cluster, Person } from '../realtime/support/cluster.js';
import { postgresAvailable } from '../support/services.js';

type Ctx = { c: Cluster; teacher: Person; students: Person[]; roomId: string; clients: RoomClient[] };
const test = suite<Ctx>('anonymous polls');
const enabled = await postgresAvailable();

test.before(async (ctx) => {
  if (!enabled) return;
  ctx.c = await cluster();
  await ctx.c.start(1);
  const orgId = await organisation(ctx.c);
  const admin = await ctx.c.person(orgId, 'admin', 'Ada Admin');
  ctx.teacher = await ctx.c.person(orgId, 'teacher', 'Tereza Teacher');
  ctx.students = [];
  for (let i = 1; i <= 4; i++) ctx.students.push(await ctx.c.person(orgId, 'student', `Student ${i}`));
  ctx.roomId = (await liveSession(ctx.c, admin, ctx.teacher, ctx.students)).roomId;
  ctx.clients = [];
});
test.after(async (ctx) => {
  if (!enabled) return;
  for (const client of ctx.clients) client.close();
  await ctx.c.close();
});

const enter = async (ctx: Ctx, who: Person) => {
  const client = await RoomClient.connect(ctx.c.nodes[0]!.url, who.cookie);
  ctx.clients.push(client);
  await client.join(ctx.roomId);
  return client;
};

test('the teacher sees neither names nor non-responders, and tallies only from 3 answers or after close', async (ctx) => {
  if (!enabled) return console.log('SKIPPED anonymous polls: no Postgres server');
  const teacher = await enter(ctx, ctx.teacher);
  const students = await Promise.all(ctx.students.map((s) => enter(ctx, s)));
  teacher.send({ type: 'poll.open', question: 'Honestly?', options: ['yes', 'no'], anonymous: true });
  const opened = await teacher.next('poll.opened', (m) => m.poll.anonymous);
  const pollId = opened.poll.pollId;
  assert.is(opened.poll.nonResponders, undefined);

  const answer = async (i: number, option: number, responded: number) => {
    students[i]!.send({ type: 'poll.answer', pollId, option });
    return teacher.next('poll.tally', (m) => m.poll.pollId === pollId && m.poll.responded === responded);
  };
  for (const [i, responded] of [
    [0, 1],
    [1, 2],
  ] as const) {
    const tally = await answer(i, 0, responded);
    assert.is(tally.poll.answers, undefined, 'no per-person answers');
    assert.is(tally.poll.nonResponders, undefined, 'no list of who has not answered');
    assert.equal(tally.poll.counts, [0, 0], `tallies hidden with ${responded} answer(s)`);
    assert.is(tally.poll.countsHidden, true);
  }
  const third = await answer(2, 1, 3);
  assert.equal(third.poll.counts, [2, 1], 'from three answers on the tally is live');
  assert.is(third.poll.countsHidden, undefined);
  assert.is(third.poll.answers, undefined);
  assert.is(third.poll.nonResponders, undefined);

  // Over HTTP too (the room read model's poll view).
  const read = await http(ctx.c.nodes[0]!, ctx.teacher, 'GET', `/api/rooms/${ctx.roomId}/polls`);
  assert.is(read.status, 200, JSON.stringify(read.body));
  const viaHttp = read.body.polls.find((p: { pollId: string }) => p.pollId === pollId);
  assert.ok(viaHttp, JSON.stringify(read.body));
  assert.is(viaHttp.answers, undefined);
  assert.is(viaHttp.nonResponders, undefined);
  assert.not.ok(JSON.stringify(read.body).includes(ctx.students[3]!.id), 'no student id in the poll views');
  assert.not.ok(JSON.stringify(read.body).includes(ctx.students[0]!.id));

  // Another anonymous poll with one answer, closed: its tally shows once closed.
  teacher.send({ type: 'poll.open', question: 'Tea?', options: ['yes', 'no'], anonymous: true });
  const second = await teacher.next('poll.opened', (m) => m.poll.question === 'Tea?');
  students[3]!.send({ type: 'poll.answer', pollId: second.poll.pollId, option: 1 });
  const one = await teacher.next('poll.tally', (m) => m.poll.pollId === second.poll.pollId);
  assert.equal(one.poll.counts, [0, 0]);
  teacher.send({ type: 'poll.close', pollId: second.poll.pollId });
  const closed = await teacher.next('poll.closed', (m) => m.poll.pollId === second.poll.pollId);
  assert.equal(closed.poll.counts, [0, 1], 'after close the tally shows');
  assert.is(closed.poll.nonResponders, undefined);
  // A student still sees their own answer.
  const own = await students[3]!.next('poll.closed', (m) => m.poll.pollId === second.poll.pollId);
  assert.is(own.poll.myAnswer, 1);
});

test.run();
