// Live sockets follow revocations within 2 s, without the browser sending anything: signing out, deactivation
// and removal from the session close that person's room connection (published on the bus, the gateway
// re-checks the connections concerned).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { cluster, organisation, liveSession, RoomClient, http } from '../realtime/support/cluster.js';
import type { Cluster, Person } from '../realtime/support/cluster.js';
import { postgresAvailable } from '../support/services.js';

type Ctx = {
  c: Cluster;
  admin: Person;
  teacher: Person;
  students: Person[];
  roomId: string;
  sessionId: string;
};
const test = suite<Ctx>('socket revocation');
const enabled = await postgresAvailable();

test.before(async (ctx) => {
  if (!enabled) return;
  ctx.c = await cluster();
  await ctx.c.start(1);
  const orgId = await organisation(ctx.c);
  ctx.admin = await ctx.c.person(orgId, 'admin', 'Ada Admin');
  ctx.teacher = await ctx.c.person(orgId, 'teacher', 'Tereza Teacher');
  ctx.students = [];
  for (let i = 1; i <= 3; i++) ctx.students.push(await ctx.c.person(orgId, 'student', `Student ${i}`));
  const session = await liveSession(ctx.c, ctx.admin, ctx.teacher, ctx.students);
  ctx.roomId = session.roomId;
  ctx.sessionId = session.liveSessionId;
});
test.after(async (ctx) => {
  if (enabled) await ctx.c.close();
});

const closedWithin = async (client: RoomClient, ms: number) => {
  const end = Date.now() + ms;
  while (!client.closed && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return client.closed;
};

const enter = async (ctx: Ctx, who: Person) => {
  const client = await RoomClient.connect(ctx.c.nodes[0]!.url, who.cookie);
  await client.join(ctx.roomId);
  return client;
};

test('sign out everywhere, deactivation and removal from the session close the socket within 2 s', async (ctx) => {
  if (!enabled) return console.log('SKIPPED socket revocation: no Postgres server');
  const node = ctx.c.nodes[0]!;
  const [a, b, c] = ctx.students as [Person, Person, Person];

  const signedOut = await enter(ctx, a);
  assert.is((await http(node, a, 'POST', '/api/auth/logout-everywhere', {})).status, 200);
  assert.is((await closedWithin(signedOut, 2000))?.code, 4401, 'signing out closes the socket');

  const deactivated = await enter(ctx, b);
  assert.is((await http(node, ctx.admin, 'POST', `/api/people/${b.id}/deactivate`, {})).status, 200);
  assert.is((await closedWithin(deactivated, 2000))?.code, 4401, 'deactivation closes the socket');

  const removed = await enter(ctx, c);
  const teacher = await enter(ctx, ctx.teacher);
  const res = await http(
    node,
    ctx.teacher,
    'DELETE',
    `/api/live-sessions/${ctx.sessionId}/participants/${c.id}`,
  );
  assert.is(res.status, 200, JSON.stringify(res.body));
  assert.is((await closedWithin(removed, 2000))?.code, 4403, 'removal from the session closes the socket');
  assert.is(teacher.closed, null, "the teacher's socket stays open");
  teacher.close();
});

test.run();
