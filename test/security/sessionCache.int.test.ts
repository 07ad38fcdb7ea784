// The session cookie's person is cached per node (auth/sessionCache.ts), and a cached session never outlives a
// revocation: on two nodes sharing one database and a NATS server, a role change, a sign-out and a
// deactivation made through one node are seen by the other within a second, and at once by the node that made
// them; a session past its expiry is refused even while cached.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  cluster,
  organisation,
  http,
  type Cluster,
  type Node,
  type Person,
} from '../realtime/support/cluster.js';
import { natsUrl, postgresAvailable, skipNotice } from '../support/services.js';
import { testClock } from '../support/clock.js';

type Ctx = { c: Cluster; admin: Person; orgId: string };
const test = suite<Ctx>('session cache');
const nats = (await postgresAvailable()) ? await natsUrl() : null;
const clock = testClock('2031-03-12T08:00:00.000Z');

test.before(async (ctx) => {
  if (!nats) return;
  ctx.c = await cluster({ natsUrl: nats, clock });
  await ctx.c.start(2);
  ctx.orgId = await organisation(ctx.c);
  ctx.admin = await ctx.c.person(ctx.orgId, 'admin', 'Ada Admin');
});
test.after(async (ctx) => {
  if (nats) await ctx.c.close();
});

const me = (node: Node, who: Person) => http(node, who, 'GET', '/api/me');

/** Asks until `done` holds or 1 s has passed (a bus message crosses nodes in milliseconds). */
async function within1s(
  ask: () => Promise<{ status: number; body: unknown }>,
  done: (r: { status: number; body: unknown }) => boolean,
) {
  const until = Date.now() + 1000;
  for (;;) {
    const r = await ask();
    if (done(r) || Date.now() > until) return r;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('a role change made on one node holds on the other within a second, and at once on its own', async (ctx) => {
  if (!nats) return skipNotice('session cache', 'no Postgres or NATS server');
  const [a, b] = ctx.c.nodes as [Node, Node];
  const teacher = await ctx.c.person(ctx.orgId, 'teacher', 'Tereza Teacher');
  assert.is(((await me(a, teacher)).body as { role: string }).role, 'teacher');
  assert.is(((await me(b, teacher)).body as { role: string }).role, 'teacher', 'now cached on both nodes');
  const changed = await http(a, ctx.admin, 'PATCH', `/api/people/${teacher.id}`, { role: 'student' });
  assert.is(changed.status, 200);
  assert.is(((await me(a, teacher)).body as { role: string }).role, 'student', 'the node that changed it');
  const other = await within1s(
    () => me(b, teacher),
    (r) => (r.body as { role: string }).role === 'student',
  );
  assert.is((other.body as { role: string }).role, 'student', 'the other node');
});

test('signing out and deactivation end a cached session on every node', async (ctx) => {
  if (!nats) return skipNotice('session cache', 'no Postgres or NATS server');
  const [a, b] = ctx.c.nodes as [Node, Node];
  const student = await ctx.c.person(ctx.orgId, 'student', 'Sam Student');
  assert.is((await me(b, student)).status, 200);
  assert.is((await me(a, student)).status, 200);
  assert.is((await http(a, student, 'POST', '/api/auth/logout', {})).status, 200);
  assert.is((await me(a, student)).status, 401, 'signed out on this node at once');
  assert.is(
    (
      await within1s(
        () => me(b, student),
        (r) => r.status === 401,
      )
    ).status,
    401,
    'and on the other',
  );

  const away = await ctx.c.person(ctx.orgId, 'student', 'Ava Away');
  assert.is((await me(b, away)).status, 200);
  assert.is((await http(a, ctx.admin, 'POST', `/api/people/${away.id}/deactivate`, {})).status, 200);
  assert.is(
    (
      await within1s(
        () => me(b, away),
        (r) => r.status === 401,
      )
    ).status,
    401,
    'deactivated',
  );
});

test('a session past its expiry is refused though it is cached', async (ctx) => {
  if (!nats) return skipNotice('session cache', 'no Postgres or NATS server');
  const [, b] = ctx.c.nodes as [Node, Node];
  const student = await ctx.c.person(ctx.orgId, 'student', 'Eve Expiring');
  assert.is((await me(b, student)).status, 200);
  clock.advance(24 * 60 + 1);
  assert.is((await me(b, student)).status, 401);
  clock.set('2031-03-12T08:00:00.000Z');
});

test.run();
